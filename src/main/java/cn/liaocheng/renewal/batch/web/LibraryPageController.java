package cn.liaocheng.renewal.batch.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.batch.OpenableCases;
import cn.liaocheng.renewal.batch.ProjectLibrary;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.document.SpreadsheetDownloads;
import cn.liaocheng.renewal.document.Spreadsheets;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The reviewers' page of the per-year project library (分年度项目库): searched by county,
 * policy task, status and text, a page at a time, and exported to Excel as searched.
 */
@Controller
class LibraryPageController {

	private final ProjectLibrary library;

	private final OpenableCases openable;

	private final Decisions decisions;

	LibraryPageController(ProjectLibrary library, OpenableCases openable, Decisions decisions) {
		this.library = library;
		this.openable = openable;
		this.decisions = decisions;
	}

	@GetMapping("/review/library")
	String library(@AuthenticationPrincipal PortalUser user, LibraryRequest request,
			@RequestParam(defaultValue = "1") int page, Model model) {
		List<Integer> years = new ArrayList<>(library.years(user));
		int shown = request.year() != null ? request.year() : thisOrLatest(years, request.yearOrThis());
		if (!years.contains(shown)) {
			years.add(shown);
			years.sort(Comparator.reverseOrder());
		}
		// Past the last page the list is empty; no page number makes the offset overflow.
		int number = Math.max(1, Math.min(page, Integer.MAX_VALUE / ProjectLibrary.PAGE));
		ProjectLibrary.Page found = request.search(library, user, shown, true, (number - 1) * ProjectLibrary.PAGE,
				ProjectLibrary.PAGE);
		model.addAttribute("years", years);
		model.addAttribute("year", shown);
		model.addAttribute("kind", request.kindOrProject());
		model.addAttribute("kinds", ApplicationKind.values());
		model.addAttribute("counties", library.counties(user));
		model.addAttribute("division", request.division() == null ? "" : request.division());
		model.addAttribute("tasks", PolicyTask.values());
		model.addAttribute("task", request.task());
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("status", request.statusChoice());
		model.addAttribute("statusLabel", statusLabel(request.statusChoice()));
		model.addAttribute("q", request.q() == null ? "" : request.q());
		model.addAttribute("found", found);
		model.addAttribute("entries", found.entries());
		// The library lists every case of the reader's counties; only those the reader
		// may open (their body had a task on it, or it was copied to them) are links.
		model.addAttribute("openable",
				openable.readable(user, found.entries().stream().map(e -> e.listing().summary().id()).toList()));
		model.addAttribute("countyOnly", library.scope(user) != null);
		model.addAttribute("exportLimit", ProjectLibrary.EXPORT_LIMIT);
		return "batch/library";
	}

	/**
	 * The library as searched, as an Excel workbook: every matching entry up to
	 * {@link ProjectLibrary#EXPORT_LIMIT}, with the search written above the table.
	 */
	@GetMapping("/review/library/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal PortalUser user, LibraryRequest request) {
		int year = request.yearOrThis();
		ProjectLibrary.Page found = request.search(library, user, year, true, 0, ProjectLibrary.EXPORT_LIMIT);
		String title = year + "年度" + request.kindOrProject().label() + "项目库";
		List<String> notes = new ArrayList<>();
		notes.add("查询条件：" + describe(user, request) + " · 导出时间 "
				+ LocalDateTime.now(ChinaTime.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
		notes.add(found.total() > found.entries().size()
				? "共 " + found.total() + " 项，仅导出最近提交的 " + found.entries().size() + " 项；请缩小查询范围后分次导出。"
				: "共 " + found.total() + " 项。");
		// An approved subsidy may since have been revoked or ordered back: its row says
		// so beside the amount decided, which stays what was allocated.
		Map<Long, List<IssuedDecision>> later = decisions.allForApplications(found.entries()
			.stream()
			.map(e -> e.listing().summary())
			.filter(s -> s.kind() == ApplicationKind.SUBSIDY && s.status() == ApplicationStatus.APPROVED)
			.map(s -> s.id())
			.toList());
		List<List<Object>> rows = new ArrayList<>();
		for (ProjectLibrary.Entry e : found.entries()) {
			var s = e.listing().summary();
			rows.add(Arrays.asList(s.referenceNo(), s.kind().label(), e.listing().enterpriseName(), e.creditCode(),
					s.title(), e.task() == null ? null : e.task().label(), e.divisionName(),
					e.submittedAt() == null ? null : LocalDateTime.ofInstant(e.submittedAt(), ChinaTime.ZONE),
					s.stageLabel(), e.totalInvestment(), e.equipmentInvestment(), e.loanAmount(), e.grantedAmount(),
					proposed(s.status(), e.subsidyAmount()), decided(s.status(), e.subsidyAmount()),
					e.decidedAt() == null ? null : LocalDateTime.ofInstant(e.decidedAt(), ChinaTime.ZONE),
					undoing(later.getOrDefault(s.id(), List.of()))));
		}
		Spreadsheets.Table table = new Spreadsheets.Table(title, notes,
				List.of("申报编号", "类别", "申报企业", "统一社会信用代码", "项目名称", "政策任务", "所在地", "提交时间", "当前状态", "总投资（元）", "设备投资（元）",
						"申请贷款金额（元）", "银行授信金额（元）", "拟补助（元）", "核定补助（元）", "办结时间", "后续决定"),
				rows, List.of(22, 14, 28, 22, 30, 26, 12, 17, 12, 16));
		return SpreadsheetDownloads.xlsx(title + ".xlsx", table);
	}

	/**
	 * The subsidy computed for a claim still under review: proposed (拟补助), not decided. A
	 * claim refused, withdrawn or lapsed was never awarded what was computed on the way,
	 * as the statistics leave it out.
	 */
	private static BigDecimal proposed(ApplicationStatus status, BigDecimal subsidy) {
		return status == ApplicationStatus.APPROVED || status.endedWithoutAward() ? null : subsidy;
	}

	/**
	 * The later decisions that undo an allocation, by title, number and date (撤销财政奖补资金决定书
	 * 聊工信撤〔2026〕1号，2026年5月6日); empty when there is none.
	 */
	private static String undoing(List<IssuedDecision> decided) {
		return decided.stream()
			.filter(d -> d.type() == DecisionType.SUBSIDY_REVOKED || d.type() == DecisionType.CLAWBACK_DECIDED
					|| d.type() == DecisionType.SUBSIDY_REVOCATION_PROPOSED)
			.map(d -> d.type().title() + " " + d.number() + "，" + ChinaTime.day(d.decisionDate()))
			.collect(Collectors.joining("；"));
	}

	/** The subsidy decided (核定): the amount of an approved claim only. */
	private static BigDecimal decided(ApplicationStatus status, BigDecimal subsidy) {
		return status == ApplicationStatus.APPROVED ? subsidy : null;
	}

	/** The search in words: county, policy task, status and text. */
	private String describe(PortalUser user, LibraryRequest request) {
		List<String> parts = new ArrayList<>();
		parts.add(request.division() == null || request.division().isBlank()
				? (library.scope(user) == null ? "全市" : "本县（市、区）")
				: library.counties(user)
					.stream()
					.filter(d -> d.code().equals(request.division().strip()))
					.map(Division::name)
					.findFirst()
					.orElse(request.division()));
		PolicyTask.of(request.task()).ifPresent(t -> parts.add("政策任务 " + t.label()));
		parts.add(statusLabel(request.statusChoice()));
		if (request.q() != null && !request.q().isBlank()) {
			parts.add("关键词“" + request.q().strip() + "”");
		}
		return String.join(" · ", parts);
	}

	/** The status select's choice in words. */
	private static String statusLabel(String choice) {
		if (LibraryRequest.ALL.equals(choice)) {
			return "全部状态";
		}
		return Arrays.stream(ApplicationStatus.values())
			.filter(s -> s.name().equals(choice))
			.map(ApplicationStatus::label)
			.findFirst()
			.orElse(choice);
	}

	/** This year when it has a window or entries, else the latest year that has. */
	private static int thisOrLatest(List<Integer> years, int now) {
		return years.isEmpty() || years.contains(now) ? now : years.get(0);
	}

}
