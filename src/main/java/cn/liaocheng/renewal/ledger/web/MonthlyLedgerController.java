package cn.liaocheng.renewal.ledger.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.document.SpreadsheetDownloads;
import cn.liaocheng.renewal.document.Spreadsheets;
import cn.liaocheng.renewal.ledger.internal.LedgerException;
import cn.liaocheng.renewal.ledger.internal.LedgerStatus;
import cn.liaocheng.renewal.ledger.internal.MonthlyLedger;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The monthly interest-subsidy ledger (月度台账): the page of a month and its Excel workbook,
 * for the city finance bureau (every loan) and the banks' officers (their bank's loans).
 */
@Controller
class MonthlyLedgerController {

	/** The first month a national interest-subsidy rule covers (March 2024). */
	private static final YearMonth FIRST = YearMonth.of(2024, 3);

	private final MonthlyLedger ledger;

	MonthlyLedgerController(MonthlyLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/ledger/monthly")
	String month(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String month, Model model,
			HttpServletResponse response) {
		if (!ledger.readable(user)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("outsider", true);
			return "ledger/monthly";
		}
		model.addAttribute("outsider", false);
		YearMonth chosen = lastMonth();
		if (month != null && !month.isBlank()) {
			try {
				chosen = within(YearMonth.parse(month.strip()));
			}
			catch (DateTimeParseException | IllegalArgumentException e) {
				model.addAttribute("error", "月份“" + month.strip() + "”无效：请选择 " + FIRST + " 至 " + latest()
						+ " 之间的月份（格式如 2026-05），下面显示的是上月的台账");
			}
		}
		model.addAttribute("ledger", ledger.of(user, chosen));
		model.addAttribute("month", chosen.toString());
		model.addAttribute("first", FIRST.toString());
		model.addAttribute("latest", latest().toString());
		model.addAttribute("statuses", LedgerStatus.values());
		return "ledger/monthly";
	}

	@GetMapping("/ledger/monthly.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal PortalUser user, @RequestParam String month) {
		YearMonth chosen;
		try {
			chosen = within(YearMonth.parse(month.strip()));
		}
		catch (DateTimeParseException | IllegalArgumentException e) {
			// The page says what is wrong with the month.
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(UriComponentsBuilder.fromPath("/ledger/monthly")
					.queryParam("month", month)
					.build()
					.encode()
					.toUri())
				.build();
		}
		MonthlyLedger.Month shown = ledger.of(user, chosen);
		List<List<Object>> rows = new ArrayList<>();
		for (MonthlyLedger.Line l : shown.lines()) {
			rows.add(List.of(l.referenceNo(), l.enterpriseName(), text(l.projectName()), l.bankName(), l.periodLabel(),
					l.periodStart(), l.periodEnd(), l.days(), l.balanceBasis(), l.pointsText(), l.amount(),
					l.status().label(), l.paidOn() == null ? "" : l.paidOn(), text(l.voucherNo())));
		}
		rows.add(List.of("合计", shown.lines().size() + " 期", "", "", "", "", "", "", "", "", shown.total(), "", "", ""));
		List<String> notes = new ArrayList<>();
		notes.add("台账月份：" + chosen.getYear() + "年" + chosen.getMonthValue() + "月（列示期间截止日在本月的各期贴息；按季度计提的，列在季度末月）");
		for (LedgerStatus s : LedgerStatus.values()) {
			notes.add(s.label() + "：" + shown.totalOf(s).toPlainString() + " 元");
		}
		notes.add(
				"导出时间：" + ChinaTime.minute(Instant.now()) + "（北京时间）；范围：" + (shown.everyLoan() ? "全部已发放贷款" : "本行发放的贷款"));
		Spreadsheets.Table table = new Spreadsheets.Table(
				"设备更新贷款财政贴息月度台账（" + chosen + "）", notes, List.of("申报编号", "借款企业", "项目", "贷款银行", "贴息期间", "起始日", "截止日",
						"天数", "计息积数（元）", "贴息比例", "本期贴息（元）", "状态", "拨付日期", "拨付凭证号"),
				rows, List.of(16, 24, 28, 20, 10, 12, 12, 6, 18, 18, 14, 8, 12, 16));
		return SpreadsheetDownloads.xlsx("贴息月度台账-" + chosen + ".xlsx", table);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static YearMonth lastMonth() {
		return YearMonth.now(ChinaTime.ZONE).minusMonths(1);
	}

	/** The current month: its periods are accrued once it ends, yet may be looked at. */
	private static YearMonth latest() {
		return YearMonth.now(ChinaTime.ZONE);
	}

	private static YearMonth within(YearMonth month) {
		if (month.isBefore(FIRST) || month.isAfter(latest())) {
			throw new IllegalArgumentException(month.toString());
		}
		return month;
	}

	/**
	 * A month one may not read is refused as the ledger's other pages refuse: 403.
	 */
	@ExceptionHandler(LedgerException.class)
	ModelAndView refused(LedgerException e) {
		ModelAndView page = new ModelAndView("error/403");
		page.setStatus(HttpStatus.FORBIDDEN);
		return page;
	}

}
