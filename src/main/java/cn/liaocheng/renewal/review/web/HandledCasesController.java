package cn.liaocheng.renewal.review.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.batch.BatchYears;
import cn.liaocheng.renewal.review.history.HandledCases;
import cn.liaocheng.renewal.security.PortalUser;

/** 已办 and the reviewers' case search: only cases the reviewer or their body handled. */
@Controller
class HandledCasesController {

	private final HandledCases handled;

	private final BatchYears batchYears;

	HandledCasesController(HandledCases handled, BatchYears batchYears) {
		this.handled = handled;
		this.batchYears = batchYears;
	}

	@GetMapping("/review/handled")
	String handled(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "q", defaultValue = "") String query,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "1") int page, Model model) {
		String q = query.length() > 64 ? query.substring(0, 64) : query;
		// With a year chosen, only that batch year's cases, searched before the list is
		// cut.
		ResultPage<HandledCases.Handled> found = handled.of(user, q, year, page);
		List<HandledCases.Handled> cases = found.items();
		// The batch (申报批次) year of each case, in one query.
		Map<Long, Integer> years = batchYears.of(cases.stream().map(c -> c.listing().summary().id()).toList());
		model.addAttribute("cases", cases);
		model.addAttribute("found", found);
		model.addAttribute("batchYears", years);
		model.addAttribute("years", batchYears.years());
		model.addAttribute("year", year);
		model.addAttribute("q", q);
		return "review/handled";
	}

}
