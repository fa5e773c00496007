package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 导出 Excel on 已办 downloads exactly the cases the page finds for the same user and search,
 * all of them, with the last step, its conclusion and opinion; no opinion becomes a
 * formula; and whoever may not open 已办 gets no workbook, however the path is spelt.
 */
@WebIntegrationTest
class HandledCasesExportTest extends ReviewProcessTest {

	private static final String EXPORT = "/review/handled/export.xlsx";

	private static final int HEADER_ROW = 3;

	@LocalServerPort
	int port;

	private final ApplicationContext context;

	@Autowired
	HandledCasesExportTest(ApplicationContext context) {
		super(context);
		this.context = context;
	}

	@Test
	void theExportHoldsEveryCaseTheBodyHandledWithItsLastStepAndNoOtherBodys() throws Exception {
		Case handled = review.submitProject(7);
		review.passCountyReview(handled);
		Case linqing = review.submitProjectOf(DemoUsers.OTHER_ENTERPRISE, 7);
		review.passCountyReview(linqing);
		String linqingNo = context.getBean(Applications.class)
			.detail(review.portalUser(DemoUsers.OTHER_ENTERPRISE), linqing.id())
			.summary()
			.referenceNo();

		HttpResponse<byte[]> export = download(DemoUsers.COUNTY_REVIEWER, EXPORT);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(fileName(export)).isEqualTo("已办案件-" + ChinaTime.today() + ".xlsx");
		try (XSSFWorkbook workbook = workbook(export)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("已办案件");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("查找条件：全部已办案件 · 导出人 ");
			assertThat(headers(sheet)).containsExactly("申报编号", "申报类型", "申报企业", "申报事项", "批次", "当前状态", "最近办理部门", "最近办理环节",
					"办理结论", "审核意见", "办理时间", "本人办理");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo(HEADER_ROW + 1);
			List<String> references = references(sheet);
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).as("every case, counted")
				.isEqualTo("共 " + references.size() + " 件。");
			assertThat(references).contains(review.referenceNo(handled)).doesNotContain(linqingNo);

			Row row = row(sheet, review.referenceNo(handled));
			List<Opinion> opinions = context.getBean(OpinionStore.class).forApplication(handled.id());
			Opinion last = opinions.get(opinions.size() - 1);
			assertThat(last.stepName()).isEqualTo("县级推荐");
			assertThat(text(row, 1, 2, 5, 6, 7, 8, 9)).containsExactly("项目入库申请", "冠县演示轴承制造有限公司", "市级审核中",
					review.bodyName(ReviewFixture.COUNTY_INDUSTRY), "县级推荐", last.decisionLabel(),
					ReviewFixture.opinionFor(ReviewProcesses.APPROVE));
			assertThat(DateUtil.isCellDateFormatted(row.getCell(10))).as("办理时间 is a date").isTrue();
		}
		// The other county's body finds its own case and not this one: the rows are the
		// user's, not everyone's.
		try (XSSFWorkbook workbook = workbook(download("lq-industry", EXPORT))) {
			assertThat(references(workbook.getSheetAt(0))).contains(linqingNo)
				.doesNotContain(review.referenceNo(handled));
		}
	}

	/**
	 * A step withdrawn since (or returned to be done again) no longer concludes anything:
	 * the export and the page say so beside its opinion, as the opinion summary does.
	 */
	@Test
	void aStepTakenBackSinceSaysItsOpinionIsNoLongerAConclusion() throws Exception {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", ReviewProcesses.APPROVE);
		List<Opinion> opinions = context.getBean(OpinionStore.class).forApplication(project.id());
		Opinion formal = opinions.get(opinions.size() - 1);
		context.getBean(TaskOperations.class).withdraw(formal.reviewer(), formal.taskId(), "材料核对有误，撤回重新审查");

		try (XSSFWorkbook workbook = workbook(download(formal.reviewer(), EXPORT))) {
			Row row = row(workbook.getSheetAt(0), review.referenceNo(project));
			assertThat(text(row, 7, 8)).containsExactly("县级形式审查",
					formal.decisionLabel() + "（该环节已撤回或被退回重新办理，此意见不再作为结论）");
		}
		WebClient reviewer = new WebClient(port);
		reviewer.login(formal.reviewer(), DemoUsers.PASSWORD);
		assertThat(reviewer.get("/review/handled?q=" + review.referenceNo(project)).body()).contains("已撤回或退回重办");
	}

	@Test
	void theExportAppliesThePagesSearchAndBatchYear() throws Exception {
		Case older = review.submitProject(7);
		review.passCountyReview(older);
		review.inBatchOf(older, 2025);
		Case newer = review.submitProject(7);
		review.passCountyReview(newer);

		HttpResponse<byte[]> ofYear = download(DemoUsers.COUNTY_REVIEWER, EXPORT + "?q=&year=2025");
		assertThat(fileName(ofYear)).isEqualTo("已办案件-2025年度-" + ChinaTime.today() + ".xlsx");
		try (XSSFWorkbook workbook = workbook(ofYear)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("查找条件：批次年度 2025年度 · ");
			assertThat(references(sheet)).contains(review.referenceNo(older)).doesNotContain(review.referenceNo(newer));
			assertThat(text(row(sheet, review.referenceNo(older)), 4)).containsExactly("2025年度");
		}
		String reference = review.referenceNo(newer);
		try (XSSFWorkbook workbook = workbook(download(DemoUsers.COUNTY_REVIEWER,
				EXPORT + "?q=" + URLEncoder.encode(reference, StandardCharsets.UTF_8)))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("查找条件：关键词“" + reference + "” · ");
			assertThat(references(sheet)).containsExactly(reference);
		}
		try (XSSFWorkbook workbook = workbook(download(DemoUsers.COUNTY_REVIEWER, EXPORT + "?q=100%25_"))) {
			assertThat(references(workbook.getSheetAt(0))).as("LIKE's wildcards are text").isEmpty();
		}
	}

	@Test
	void aFormulaLikeOpinionStaysText() throws Exception {
		String formula = "=HYPERLINK(\"http://example.com/\",\"材料齐全\")";
		Case c = review.submitProject(7);
		TaskService tasks = context.getBean(TaskService.class);
		Task formal = review.task(c, ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW);
		tasks.claim(formal.getId(), DemoUsers.COUNTY_REVIEWER);
		tasks.complete(formal.getId(),
				Map.of(ReviewProcesses.DECISION, ReviewProcesses.APPROVE, ReviewProcesses.OPINION, formula));
		review.runJobs(c);

		try (XSSFWorkbook workbook = workbook(download(DemoUsers.COUNTY_REVIEWER,
				EXPORT + "?q=" + URLEncoder.encode(review.referenceNo(c), StandardCharsets.UTF_8)))) {
			Row row = row(workbook.getSheetAt(0), review.referenceNo(c));
			Cell opinion = row.getCell(9);
			assertThat(opinion.getCellType()).isEqualTo(CellType.STRING);
			assertThat(opinion.getStringCellValue()).isEqualTo(formula);
			assertThat(opinion.getCellStyle().getQuotePrefixed()).as("kept text when the cell is edited").isTrue();
			assertThat(text(row, 7, 11)).containsExactly("县级形式审查", "本人");
		}
	}

	@Test
	void thePageLinksTheExportWithItsSearch() {
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<String> page = reviewer
			.get("/review/handled?q=" + URLEncoder.encode("轴承", StandardCharsets.UTF_8) + "&year=2026");
		assertThat(page.body()).contains("id=\"handled-export\"",
				"href=\"/review/handled/export.xlsx?q=%E8%BD%B4%E6%89%BF&amp;year=2026\"", ">导出 Excel</a>",
				"最多 5000 件");
	}

	@Test
	void enterprisesAndStrangersGetNoWorkbookHoweverThePathIsSpelt() {
		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		WebClient enterpriseBasic = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		WebClient stranger = new WebClient(port);

		assertThat(enterprise.getBytes(EXPORT).statusCode()).isEqualTo(403);
		assertThat(enterpriseBasic.getBytes(EXPORT).statusCode()).isEqualTo(403);
		HttpResponse<byte[]> anonymous = stranger.getBytes(EXPORT);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");

		for (String path : List.of(EXPORT + "/", EXPORT + "?year=2026", "/Review/handled/export.xlsx",
				"/review/Handled/export.xlsx", "/review/handled/EXPORT.XLSX", "/review/%68andled/export.xlsx",
				"/%72eview/handled/export.xlsx", "/review/handled/export%2Exlsx", "/review/handled%2Fexport.xlsx",
				"//review/handled/export.xlsx", "/review//handled/export.xlsx", "/review/./handled/export.xlsx",
				"/review/x/../handled/export.xlsx", "/review/handled/export.xlsx;a=b",
				"/review;a=b/handled/export.xlsx")) {
			for (WebClient client : List.of(enterprise, enterpriseBasic, stranger)) {
				HttpResponse<byte[]> response = client.getBytes(path);
				assertThat(response.statusCode()).as(path).isNotEqualTo(200);
				assertThat(isWorkbook(response)).as(path).isFalse();
			}
		}
		// The reviewer's own export at the right path: the control that these could
		// have succeeded.
		assertThat(isWorkbook(download(DemoUsers.COUNTY_REVIEWER, EXPORT))).isTrue();
	}

	private HttpResponse<byte[]> download(String user, String path) {
		WebClient reviewer = new WebClient(port);
		reviewer.login(user, DemoUsers.PASSWORD);
		HttpResponse<byte[]> export = reviewer.getBytes(path);
		assertThat(export.statusCode()).as(user + " " + path).isEqualTo(200);
		return export;
	}

	/** The file name as the Content-Disposition header's RFC 5987 {@code filename*}. */
	private static String fileName(HttpResponse<byte[]> export) {
		String disposition = export.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
		String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
		return URLDecoder.decode(encoded.split(";")[0].strip(), StandardCharsets.UTF_8);
	}

	private static boolean isWorkbook(HttpResponse<byte[]> response) {
		byte[] body = response.body();
		return body.length > 1 && body[0] == 'P' && body[1] == 'K';
	}

	private static XSSFWorkbook workbook(HttpResponse<byte[]> export) throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(export.body()));
	}

	private static List<String> headers(Sheet sheet) {
		List<String> headers = new ArrayList<>();
		sheet.getRow(HEADER_ROW).forEach(cell -> headers.add(cell.getStringCellValue()));
		return headers;
	}

	private static List<String> references(Sheet sheet) {
		List<String> references = new ArrayList<>();
		for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
			references.add(sheet.getRow(r).getCell(0).getStringCellValue());
		}
		return references;
	}

	private static Row row(Sheet sheet, String reference) {
		for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
			if (reference.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
				return sheet.getRow(r);
			}
		}
		throw new AssertionError("no row for " + reference);
	}

	/** The text of the row's cells in {@code columns}, in that order. */
	private static List<String> text(Row row, int... columns) {
		List<String> texts = new ArrayList<>();
		for (int c : columns) {
			texts.add(row.getCell(c).getStringCellValue());
		}
		return texts;
	}

}
