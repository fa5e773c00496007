package cn.liaocheng.renewal.review.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.document.Spreadsheets;
import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.review.history.HandledCases;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 已办 as an Excel workbook: the cases the page lists for the same search, all of them up
 * to {@link HandledCases#EXPORT_LIMIT}, with the last step the reviewer's bodies did on
 * each, its conclusion and opinion. Above the header: the search, who exported it and
 * when, and how many cases match, saying so when the limit left some out.
 */
final class HandledWorkbook {

	static final String TITLE = "已办案件";

	private static final List<String> HEADERS = List.of("申报编号", "申报类型", "申报企业", "申报事项", "批次", "当前状态", "最近办理部门",
			"最近办理环节", "办理结论", "审核意见", "办理时间", "本人办理");

	private static final List<Integer> WIDTHS = List.of(22, 12, 28, 32, 10, 14, 26, 16, 14, 48, 17, 10);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private HandledWorkbook() {
	}

	/**
	 * The file's name: 已办案件, the batch year searched for, and the day of the export
	 * ({@code 已办案件-2025年度-2026-12-05.xlsx}).
	 */
	static String fileName(Integer year, LocalDateTime now) {
		return TITLE + (year == null ? "" : "-" + year + "年度") + "-" + now.toLocalDate() + ".xlsx";
	}

	static Spreadsheets.Table table(PortalUser user, ResultPage<HandledCases.Handled> found,
			Map<Long, Integer> batchYears, String query, Integer year, LocalDateTime now) {
		List<String> notes = List.of(
				"查找条件：" + search(query, year) + " · 导出人 " + user.displayName() + " · 导出时间 " + MINUTE.format(now),
				found.total() > found.items().size()
						? "共 " + found.total() + " 件，本表只列出最近办理的 " + found.items().size() + " 件；请按批次年度或关键词缩小查找范围后分次导出。"
						: "共 " + found.total() + " 件。");
		List<List<Object>> rows = new ArrayList<>();
		for (HandledCases.Handled c : found.items()) {
			ApplicationSummary s = c.listing().summary();
			Opinion last = c.last();
			Integer batch = batchYears.get(s.id());
			rows.add(Arrays.asList(s.referenceNo(), s.kind().label(), c.listing().enterpriseName(), s.title(),
					batch == null ? null : batch + "年度", s.stageLabel(), last.bodyName(), last.stepName(),
					c.conclusion(), last.opinion(), LocalDateTime.ofInstant(last.at(), ChinaTime.ZONE),
					c.byMe() ? "本人" : null));
		}
		return new Spreadsheets.Table(TITLE, notes, HEADERS, rows, WIDTHS);
	}

	/** The search in words, as the page's search form holds it. */
	private static String search(String query, Integer year) {
		List<String> parts = new ArrayList<>();
		if (!query.isBlank()) {
			parts.add("关键词“" + query.strip() + "”");
		}
		if (year != null) {
			parts.add("批次年度 " + year + "年度");
		}
		return parts.isEmpty() ? "全部已办案件" : String.join(" · ", parts);
	}

}
