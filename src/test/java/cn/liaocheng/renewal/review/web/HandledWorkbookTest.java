package cn.liaocheng.renewal.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.document.Spreadsheets;
import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.review.history.HandledCases;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The export of 已办 says what was searched, by whom and when, how many cases match and
 * when the limit left some out; each row has the case and the last step with its
 * conclusion in the words chosen and its time as a date.
 */
class HandledWorkbookTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 10, 30);

	private static final PortalUser USER = new PortalUser("gx-industry", "张三", List.of());

	@Test
	void theFileIsNamedWithTheBatchYearSearchedAndTheDay() {
		assertThat(HandledWorkbook.fileName(null, NOW)).isEqualTo("已办案件-2026-12-05.xlsx");
		assertThat(HandledWorkbook.fileName(2025, NOW)).isEqualTo("已办案件-2025年度-2026-12-05.xlsx");
	}

	@Test
	void aRowHoldsTheCaseAndItsLastStep() {
		Spreadsheets.Table table = HandledWorkbook.table(USER,
				new ResultPage<>(List.of(handled("不予推荐", true)), 1, 1, HandledCases.EXPORT_LIMIT), Map.of(7L, 2026),
				" 轴承 ", 2026, NOW);

		assertThat(table.notes()).containsExactly("查找条件：关键词“轴承” · 批次年度 2026年度 · 导出人 张三 · 导出时间 2026-12-05 10:30",
				"共 1 件。");
		assertThat(table.headers()).containsExactly("申报编号", "申报类型", "申报企业", "申报事项", "批次", "当前状态", "最近办理部门", "最近办理环节",
				"办理结论", "审核意见", "办理时间", "本人办理");
		assertThat(table.rows().get(0)).containsExactly("LC-XM-2026-0007", "项目入库申请", "冠县演示轴承制造有限公司", "轴承生产线智能化改造",
				"2026年度", "县级初审中", "冠县工业和信息化局", "县级推荐", "不予推荐", "=不属于支持范围", LocalDateTime.of(2026, 12, 1, 17, 5), "本人");
	}

	@Test
	void anOpinionWithoutTheChosenWordsIsParaphrasedAndAColleaguesStepIsNotMarked() {
		Spreadsheets.Table table = HandledWorkbook.table(USER,
				new ResultPage<>(List.of(handled(null, false)), 1, 1, HandledCases.EXPORT_LIMIT), Map.of(), "", null,
				NOW);

		assertThat(table.notes().get(0)).startsWith("查找条件：全部已办案件 · ");
		List<Object> row = table.rows().get(0);
		assertThat(row.get(4)).as("批次").isNull();
		assertThat(row.get(5)).isEqualTo("市级审核中");
		assertThat(row.get(8)).as("REFUSE, paraphrased").isEqualTo("不同意");
		assertThat(row.get(11)).as("本人办理").isNull();
	}

	@Test
	void casesBeyondTheLimitAreCountedAndTheReaderToldToNarrowTheSearch() {
		Spreadsheets.Table table = HandledWorkbook.table(USER,
				new ResultPage<>(List.of(handled(null, true)), 5001, 1, HandledCases.EXPORT_LIMIT), Map.of(), "", null,
				NOW);

		assertThat(table.notes().get(1)).isEqualTo("共 5001 件，本表只列出最近办理的 1 件；请按批次年度或关键词缩小查找范围后分次导出。");
	}

	private static HandledCases.Handled handled(String chosenLabel, boolean byMe) {
		ApplicationSummary summary = new ApplicationSummary(7, "LC-XM-2026-0007", ApplicationKind.PROJECT, "轴承生产线智能化改造",
				chosenLabel == null ? ApplicationStatus.CITY_REVIEW : ApplicationStatus.COUNTY_REVIEW,
				Instant.parse("2026-12-01T09:05:00Z"), Instant.parse("2026-11-20T01:00:00Z"), false);
		Opinion last = new Opinion(1, 7, "task-1", "Task_CountyRecommendation", "县级推荐", "county-371525-industry",
				"冠县工业和信息化局", byMe ? "gx-industry" : "gx-colleague", "张三", "REFUSE", "=不属于支持范围",
				Instant.parse("2026-12-01T09:05:00Z"), chosenLabel);
		return new HandledCases.Handled(new CaseListing(summary, "冠县演示轴承制造有限公司"), last, byMe, false);
	}

}
