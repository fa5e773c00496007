package cn.liaocheng.renewal.review.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.batch.BatchYears;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.document.SpreadsheetDownloads;
import cn.liaocheng.renewal.review.history.HandledCases;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 已办 and the reviewers' case search: only cases the reviewer or their body handled; and
 * the same search exported to Excel.
 */
@Controller
class HandledCasesController {

	/** The longest search the form sends; a longer one is cut. */
	private static final int QUERY_LENGTH = 64;

	private final HandledCases handled;

	private final BatchYears batchYears;

	HandledCasesController(HandledCases handled, BatchYears batchYears) {
		this.handled = handled;
		this.batchYears = batchYears;
	}

	@GetMapping("/review/handled")
	String handled(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "q", defaultValue = "") String query,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "1") int page, Model model) {
		String q = shortened(query);
		// With a year chosen, only that batch year's cases, searched before the list is
		// cut.
		ResultPage<HandledCases.Handled> found = handled.of(user, q, year, page);
		model.addAttribute("cases", found.items());
		model.addAttribute("found", found);
		model.addAttribute("batchYears", yearsOf(found));
		model.addAttribute("years", batchYears.years());
		model.addAttribute("year", year);
		model.addAttribute("q", q);
		model.addAttribute("exportLimit", HandledCases.EXPORT_LIMIT);
		return "review/handled";
	}

	/**
	 * The page's search as an Excel workbook: every case it finds, not one page, up to
	 * {@link HandledCases#EXPORT_LIMIT}, found by the same query for the same user.
	 */
	@GetMapping("/review/handled/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal PortalUser user,
			@RequestParam(name = "q", defaultValue = "") String query, @RequestParam(required = false) Integer year) {
		String q = shortened(query);
		ResultPage<HandledCases.Handled> found = handled.forExport(user, q, year);
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE);
		return SpreadsheetDownloads.xlsx(HandledWorkbook.fileName(year, now),
				HandledWorkbook.table(user, found, yearsOf(found), q, year, now));
	}

	private static String shortened(String query) {
		return query.length() > QUERY_LENGTH ? query.substring(0, QUERY_LENGTH) : query;
	}

	/** The batch (申报批次) year of each case found, in one query. */
	private Map<Long, Integer> yearsOf(ResultPage<HandledCases.Handled> found) {
		List<Long> ids = found.items().stream().map(c -> c.listing().summary().id()).toList();
		return batchYears.of(ids);
	}

}
