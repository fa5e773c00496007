package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The project library searched by county, policy task, status and text, a page at a time,
 * and exported to Excel as searched; a county body stays within its county whatever it
 * asks.
 */
@WebIntegrationTest
class LibrarySearchTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String GUANXIAN = "371525";

	private static final String LINQING = "371581";

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	LibrarySearchTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void searchesByCountyTaskStatusAndText() throws Exception {
		int year = year();
		long registered = review.newRegisteredProject(7);
		Case atCity = review.submitProject(9);
		review.passCountyReview(atCity);
		long linqing = new SubmittedProjects(applications, identity).submitProject(DemoUsers.OTHER_ENTERPRISE).id();
		String all = "/api/review/library?year=" + year + "&status=ALL";

		List<Long> linqingOnly = ids(city().get(all + "&division=" + LINQING));
		assertThat(linqingOnly).contains(linqing).doesNotContain(registered, atCity.id());
		List<Long> task9 = ids(city().get(all + "&task=9"));
		assertThat(task9).contains(atCity.id()).doesNotContain(registered);
		assertThat(ids(city().get(all + "&task=7"))).contains(registered).doesNotContain(atCity.id());
		List<Long> cityReview = ids(city().get("/api/review/library?year=" + year + "&status=CITY_REVIEW"));
		assertThat(cityReview).contains(atCity.id()).doesNotContain(registered, linqing);
		// Without a status the approved ones, as before; approvedOnly=false still lists
		// all.
		assertThat(ids(city().get("/api/review/library?year=" + year))).contains(registered)
			.doesNotContain(atCity.id());
		assertThat(ids(city().get("/api/review/library?year=" + year + "&approvedOnly=false"))).contains(registered,
				atCity.id());

		// Text: a part of the reference number, the enterprise's name or its credit code.
		String reference = review.referenceNo(atCity);
		HttpResponse<String> byReference = city().get(all + "&q=" + encode(reference.toLowerCase()));
		assertThat(ids(byReference)).containsExactly(atCity.id());
		assertThat(byReference.headers().firstValue("X-Total-Count")).hasValue("1");
		assertThat(ids(city().get(all + "&q=" + encode("临清市演示纺织")))).contains(linqing)
			.doesNotContain(registered, atCity.id());
		assertThat(ids(city().get(all + "&q=91371525MA3CB7K21F"))).contains(registered, atCity.id())
			.doesNotContain(linqing);
		// LIKE's wildcards are taken literally.
		assertThat(ids(city().get(all + "&q=" + encode("%")))).isEmpty();
		assertThat(ids(city().get(all + "&q=_"))).isEmpty();
	}

	@Test
	void pagesCarryTheTotalAndDoNotOverlap() throws Exception {
		int year = year();
		review.submitProject(7);
		review.submitProject(7);
		review.submitProject(7);
		String all = "/api/review/library?year=" + year + "&status=ALL&division=" + GUANXIAN;
		HttpResponse<String> first = city().get(all + "&limit=2");
		int total = Integer.parseInt(first.headers().firstValue("X-Total-Count").orElseThrow());
		assertThat(total).isGreaterThanOrEqualTo(3);
		List<Long> one = ids(first);
		List<Long> two = ids(city().get(all + "&limit=2&offset=2"));
		assertThat(one).hasSize(2);
		assertThat(two).isNotEmpty().doesNotContainAnyElementsOf(one);
		assertThat(ids(city().get(all + "&offset=" + total))).isEmpty();
	}

	@Test
	void aCountyBodyStaysInItsCountyAndBadParametersAreRefused() throws Exception {
		int year = year();
		long linqing = new SubmittedProjects(applications, identity).submitProject(DemoUsers.OTHER_ENTERPRISE).id();
		String all = "/api/review/library?year=" + year + "&status=ALL";
		WebClient county = as(DemoUsers.COUNTY_REVIEWER);
		HttpResponse<String> other = county.get(all + "&division=" + LINQING);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).contains("只能查看本县");
		assertThat(county.get("/review/library?year=" + year + "&status=ALL&division=" + LINQING).statusCode())
			.isEqualTo(403);
		assertThat(county.get("/review/library/export.xlsx?year=" + year + "&division=" + LINQING).statusCode())
			.isEqualTo(403);
		// A page number far past the end, as a mistyped bookmark has it: an empty page.
		for (String page : List.of("50000000", String.valueOf(Integer.MAX_VALUE), "-3")) {
			assertThat(county.get("/review/library?year=" + year + "&page=" + page).statusCode()).as("page %s", page)
				.isEqualTo(200);
		}
		// Its own county by name, or no county: still only its own.
		assertThat(ids(county.get(all + "&division=" + GUANXIAN))).doesNotContain(linqing);
		assertThat(ids(county.get(all + "&q=" + encode("临清市演示纺织")))).doesNotContain(linqing);

		assertThat(city().get(all + "&division=999999").statusCode()).isEqualTo(400);
		assertThat(city().get(all + "&task=16").statusCode()).isEqualTo(400);
		assertThat(city().get(all + "&task=x").statusCode()).isEqualTo(400);
		assertThat(city().get("/api/review/library?year=" + year + "&status=PAID").statusCode()).isEqualTo(400);
		assertThat(city().get(all + "&limit=2001").statusCode()).isEqualTo(400);
		assertThat(city().get(all + "&offset=-1").statusCode()).isEqualTo(400);
		assertThat(city().get("/api/review/library?status=ALL").statusCode()).isEqualTo(400);
		assertThat(as(DemoUsers.BANK_OFFICER).get("/review/library/export.xlsx?year=" + year).statusCode())
			.isEqualTo(403);
		assertThat(as(DemoUsers.ENTERPRISE).get("/review/library/export.xlsx?year=" + year).statusCode())
			.isEqualTo(403);
		assertThat(new WebClient(port).get("/review/library/export.xlsx?year=" + year).statusCode()).isNotEqualTo(200);
	}

	@Test
	void theExportHoldsTheSearchedEntriesWithTheirFigures() throws Exception {
		int year = year();
		Case atCity = review.submitProject(9);
		// Another county's project is not exported: every row is 冠县.
		new SubmittedProjects(applications, identity).submitProject(DemoUsers.OTHER_ENTERPRISE);
		String reference = review.referenceNo(atCity);

		HttpResponse<byte[]> export = city()
			.getBytes("/review/library/export.xlsx?year=" + year + "&status=ALL&task=9&division=" + GUANXIAN);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("sheet"));
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).contains("attachment"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(year + "年度项目入库申请项目库");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("查询条件：冠县 · 政策任务 9. 推进高效循环利用")
				.contains("全部状态");
			Row header = sheet.getRow(3);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("申报编号");
			assertThat(header.getCell(9).getStringCellValue()).isEqualTo("总投资（元）");
			List<String> references = new ArrayList<>();
			Row mine = null;
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				references.add(row.getCell(0).getStringCellValue());
				assertThat(row.getCell(5).getStringCellValue()).startsWith("9. ");
				assertThat(row.getCell(6).getStringCellValue()).isEqualTo("冠县");
				if (reference.equals(row.getCell(0).getStringCellValue())) {
					mine = row;
				}
			}
			assertThat(references).contains(reference);
			assertThat(mine).isNotNull();
			assertThat(mine.getCell(2).getStringCellValue()).isEqualTo("冠县演示轴承制造有限公司");
			assertThat(mine.getCell(3).getStringCellValue()).isEqualTo("91371525MA3CB7K21F");
			assertThat(mine.getCell(8).getStringCellValue()).isEqualTo("县级初审中");
			assertThat(mine.getCell(9).getNumericCellValue()).isPositive();
			assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(mine.getCell(7)))
				.as("提交时间 is a date Excel can sort and filter")
				.isTrue();
			assertThat(mine.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		}
	}

	/**
	 * The export calls an amount 核定补助 only when the subsidy was decided (approved): a
	 * claim on public notice has a proposed amount (拟补助) and none decided, and a claim
	 * the finance bureau refused has neither, as the statistics and the case pages say.
	 */
	@Test
	void theExportCallsNoAmountDecidedThatWasNotDecided() throws Exception {
		int year = year();
		Case onNotice = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(onNotice);
		review.passCityReview(onNotice);
		Case refused = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("420000.00"));
		review.passCountyReview(refused);
		review.passCityReview(refused);
		review.fireTimer(refused, ReviewProcesses.NOTICE_PERIOD_ENDS);
		review.decide(refused, ReviewProcesses.TASK_FINANCE_ALLOCATION, "REFUSE", "年度资金已安排完毕，不予下达。");

		HttpResponse<byte[]> export = city()
			.getBytes("/review/library/export.xlsx?year=" + year + "&kind=SUBSIDY&status=ALL&division=" + GUANXIAN);
		assertThat(export.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			sheet.getRow(3).forEach(cell -> headers.add(cell.getStringCellValue()));
			int decided = headers.indexOf("核定补助（元）");
			Row noticed = row(sheet, review.referenceNo(onNotice));
			Row refusal = row(sheet, review.referenceNo(refused));
			assertThat(noticed.getCell(8).getStringCellValue()).isEqualTo("公示中");
			assertThat(refusal.getCell(8).getStringCellValue()).isEqualTo("未获支持");
			assertThat(number(noticed, decided)).as("核定补助 of a claim on notice").isNull();
			assertThat(number(refusal, decided)).as("核定补助 of a refused claim").isNull();
			assertThat(headers).containsSubsequence("拟补助（元）", "核定补助（元）");
			int proposed = headers.indexOf("拟补助（元）");
			assertThat(number(noticed, proposed)).isEqualByComparingTo("37000.00");
			assertThat(number(refusal, proposed)).as("拟补助 of a refused claim").isNull();
		}
	}

	/**
	 * A loan's export row states the amount asked and, once a bank granted it, the grant
	 * the enterprise accepted, each under its own heading: not the amount asked as "the
	 * loan".
	 */
	@Test
	void theExportStatesTheLoanAskedAndTheLoanGranted() throws Exception {
		int year = year();
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");
		review.grant(loan, "8000000.00", true);

		HttpResponse<byte[]> export = city()
			.getBytes("/review/library/export.xlsx?year=" + year + "&kind=LOAN&status=ALL&division=" + GUANXIAN);
		assertThat(export.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			sheet.getRow(3).forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(headers).containsSubsequence("申请贷款金额（元）", "银行授信金额（元）").doesNotContain("贷款金额（元）");
			Row granted = row(sheet, review.referenceNo(loan));
			assertThat(number(granted, headers.indexOf("申请贷款金额（元）"))).isEqualByComparingTo("10000000.00");
			assertThat(number(granted, headers.indexOf("银行授信金额（元）"))).isEqualByComparingTo("8000000.00");
		}
	}

	private static Row row(Sheet sheet, String reference) {
		for (int r = 4; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && reference.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + reference);
	}

	private static BigDecimal number(Row row, int column) {
		Cell cell = row.getCell(column);
		return cell == null || cell.getCellType() == CellType.BLANK ? null
				: BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
	}

	@Test
	void thePageKeepsTheSearchInItsPagerAndExportLink() {
		int year = year();
		Case atCity = review.submitProject(9);
		WebClient city = new WebClient(port);
		city.login("lc-industry", DemoUsers.PASSWORD);
		HttpResponse<String> page = city.get("/review/library?year=" + year + "&status=ALL&task=9&division=" + GUANXIAN
				+ "&q=" + encode(review.referenceNo(atCity)));
		assertThat(page.statusCode()).isEqualTo(200);
		// Still at the county: the city industry bureau finds it, but has no part in it
		// yet.
		assertThat(page.body()).contains("（全部状态）：共 1 项", review.referenceNo(atCity), "本部门未参与审核", "9. 推进高效循环利用（绿色化）",
				"/review/library/export.xlsx?year=" + year + "&amp;kind=PROJECT&amp;division=" + GUANXIAN
						+ "&amp;task=9&amp;status=ALL&amp;q=");
		assertThat(page.body()).doesNotContain("id=\"library-pager\"");
	}

	private static int year() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
	}

	private WebClient city() {
		return as(DemoUsers.CITY_REVIEWER);
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<Long> ids(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		for (JsonNode e : JSON.readTree(response.body())) {
			ids.add(e.get("id").asLong());
		}
		return ids;
	}

}
