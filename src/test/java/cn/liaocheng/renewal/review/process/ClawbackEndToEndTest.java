package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * The clawback (追回) on PostgreSQL, driven through the HTTP doors by the people who do
 * each step: the after-award process announces {@link ClawbackDue} for an allocated
 * subsidy of ent-gx (冠县); the city industry bureau (lc-industry) determines the amount in
 * its Tasklist form, 冠县's finance bureau (gx-finance) confirms it with the account; the
 * signed decision is downloaded by the enterprise and checked with pdfsig; repayments
 * close it. A serious case lists the enterprise, whose next submission is refused with
 * the reason and the last day. The allocated subsidies themselves are made by the review
 * fixture (the subsidy's own tests cover that path).
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClawbackEndToEndTest extends ReviewProcessTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_clawback");
	}

	static final ObjectMapper JSON = new ObjectMapper();

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** 10% of it is 37 000 yuan, below the expert-review threshold. */
	static final BigDecimal INVOICED = new BigDecimal("370000.00");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.liaocheng.renewal.clawback.internal.NegativeListExpiry expiry;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ClawbackEndToEndTest(ApplicationContext context) {
		super(context);
	}

	@Test
	@Order(1)
	void failedAcceptanceIsClawedBackWithASignedDecisionAndClosedByTheLastRepayment() throws Exception {
		Case claim = paidSubsidy();
		announce(claim, ClawbackDue.Cause.ACCEPTANCE_FAILED, "2026年11月20日市工业和信息化局组织现场验收，两台数控磨床未安装投产，验收不合格。");

		WebClient lcIndustry = as("lc-industry");
		// Thirty days on, or the first working day after when that day is a rest day or a
		// statutory holiday: a period's last day is a working day.
		LocalDate deadline = review.workingDay(TODAY.plusDays(30));
		assertThat(lcIndustry.get("/api/clawbacks/" + claim.id()).body()).contains("DETERMINING", "项目验收不合格");
		// Read by the bodies that handled the case and those whose money it is; not by a
		// city body that never had a task on it, on any page or list.
		assertThat(as("gx-industry").get("/api/clawbacks/" + claim.id()).statusCode()).isEqualTo(200);
		assertThat(as("lc-finance").get("/api/clawbacks/" + claim.id()).statusCode()).isEqualTo(200);
		WebClient pboc = as("lc-pboc");
		String referenceNo = review.referenceNo(claim);
		assertThat(pboc.get("/api/clawbacks/" + claim.id()).statusCode()).isEqualTo(404);
		assertThat(pboc.get("/clawbacks/" + claim.id()).statusCode()).isEqualTo(404);
		assertThat(pboc.get("/api/clawbacks").body()).doesNotContain(referenceNo);
		assertThat(pboc.get("/clawbacks").body()).doesNotContain(referenceNo);
		assertThat(lcIndustry.get("/api/clawbacks").body()).contains(referenceNo);
		// The determination form takes only its fields; an amount above the 37 000 yuan
		// paid is refused.
		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "设备未投产，追回全部奖补资金。", "clawbackAmount", 37000.01,
						"repaymentDeadline", deadline.toString(), "listNegative", false))
			.body()).contains("不超过已拨付的奖补资金 37,000.00 元");
		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "设备未投产，追回全部奖补资金。", "clawbackAmount", 30000,
						"repaymentDeadline", deadline.toString(), "listNegative", false, "subsidyAmount", 1))
			.statusCode()).as("a field the form does not have").isEqualTo(400);
		LocalDate restDay = review.restDayAfter(TODAY.plusDays(30));
		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "设备未投产，追回全部奖补资金。", "clawbackAmount", 30000,
						"repaymentDeadline", restDay.toString(), "listNegative", false))
			.body()).as("a period's last day is a working day").contains("缴回期限 " + restDay + " 是法定节假日或休息日");
		assertThat(
				submit(lcIndustry, claim, "Task_DetermineClawback",
						Map.of("decision", "APPROVE", "opinion", "两台设备未投产，按未投产设备对应的奖补资金追回。", "clawbackAmount", 30000,
								"repaymentDeadline", deadline.toString(), "listNegative", false))
					.statusCode())
			.isIn(200, 204);

		// Another county's finance bureau neither sees nor can confirm 冠县's task.
		assertThat(tasks(as("lq-finance"), claim, "Task_ConfirmClawback")).isEmpty();
		// The account the decision names is the county's on record: without one the
		// confirmation is refused with what to do, and one typed into the form counts for
		// nothing.
		String onRecord = jdbc.sql("SELECT clawback_account FROM org_division WHERE code = '371525'")
			.query(String.class)
			.single();
		assertThat(tasks(as("gx-finance"), claim, "Task_ConfirmClawback")).singleElement()
			.satisfies(task -> assertThat(formVariables(as("gx-finance"), task.get("id").asText())).contains(onRecord));
		jdbc.sql("UPDATE org_division SET clawback_account = NULL WHERE code = '371525'").update();
		HttpResponse<String> noAccount = submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "与本局2026年10月9日拨付凭证（冠财拨〔2026〕88号）核对一致。"));
		jdbc.sql("UPDATE org_division SET clawback_account = ? WHERE code = '371525'").param(onRecord).update();
		assertThat(noAccount.statusCode()).isNotIn(200, 204);
		assertThat(noAccount.body()).contains("冠县的追回资金缴款账户尚未登记");
		assertThat(
				submit(as("gx-finance"), claim, "Task_ConfirmClawback",
						Map.of("decision", "APPROVE", "opinion", "与本局2026年10月9日拨付凭证（冠财拨〔2026〕88号）核对一致。",
								"repaymentAccount", "个人账户，开户银行：某银行，账号：6222 0000 0000 0000"))
					.statusCode())
			.isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		// The enterprise sees the clawback and downloads the signed decision.
		WebClient enterprise = as(DemoUsers.ENTERPRISE);
		JsonNode own = JSON.readTree(enterprise.get("/api/applications/" + claim.id() + "/clawback").body());
		assertThat(own.get("status").asText()).isEqualTo("DECIDED");
		assertThat(own.get("amount").decimalValue()).isEqualByComparingTo("30000.00");
		assertThat(enterprise.get("/enterprise/applications/" + claim.id()).body()).contains("奖补资金追回", "30,000.00 元",
				own.get("decisionNumber").asText(), "追回财政奖补资金决定书",
				"（已由" + own.get("decisionNumber").asText() + "决定追回，见下方“奖补资金追回”）");
		byte[] pdf = download(DemoUsers.ENTERPRISE,
				"/enterprise/applications/" + claim.id() + "/decisions/" + own.get("decisionId").asLong());
		Path file = keep("clawback-decided", pdf);
		assertThat(run("pdfsig", file.toString())).contains("Signature is Valid.");
		ReviewFixture.Issued issued = review.issued(claim, DecisionType.CLAWBACK_DECIDED);
		assertThat(issued.text())
			.contains("追回财政奖补资金决定书", "两台数控磨床未安装投产", "因“项目验收不合格”", "追回你单位该项目设备更新奖补资金人民币30,000.00元",
					deadline.getYear() + "年", "中国工商银行冠县支行", "行政复议", "六个月内", "聊城市人民政府")
			.contains(onRecord.replace(" ", ""))
			.doesNotContain("负面清单，期限", "个人账户", "6222");
		assertThat(issued.decision().issuingBodyName()).isEqualTo("聊城市工业和信息化局");
		// The allocation notice stated the after-award terms, and records that it did;
		// the ground cites them from it, and nothing the notice did not say.
		ReviewFixture.Issued notice = review.issued(claim, DecisionType.SUBSIDY_ALLOCATED);
		assertThat(notice.text()).contains(AllocationTerms.ACCEPTANCE, AllocationTerms.RECOVERY);
		assertThat(jdbc.sql("SELECT text_version FROM decision WHERE id = ?")
			.param(notice.decision().id())
			.query(String.class)
			.single()).isEqualTo(AllocationTerms.VERSION);
		assertThat(issued.text())
			.contains("聊城市财政局下达该奖补资金的《奖补资金下达通知书》（" + notice.decision().number() + "）载明",
					"依照该通知书，你单位已获得的奖补资金人民币37,000.00元中，人民币30,000.00元应予追回")
			.doesNotContain("专款专用");
		// The enterprise is told it owes money by a date, not that its case is closed.
		List<String> told = jdbc.sql(
				"SELECT title || ' ' || body FROM notification WHERE application_id = ? AND recipient_id = ? ORDER BY id")
			.params(claim.id(), DemoUsers.ENTERPRISE)
			.query(String.class)
			.list();
		String payBy = "请于" + ChinaTime.day(deadline) + "前（含当日）缴回";
		assertThat(told).anySatisfy(note -> assertThat(note).startsWith("追回决定：")
			.contains(own.get("decisionNumber").asText(), "追回奖补资金30,000.00元", payBy, "冠县财政局"));
		assertThat(told).filteredOn(note -> note.contains("追回")).noneMatch(note -> note.contains("已办结"));
		// Another enterprise reads neither the clawback nor the decision.
		assertThat(as(DemoUsers.OTHER_ENTERPRISE).get("/api/applications/" + claim.id() + "/clawback").statusCode())
			.isEqualTo(404);
		assertThat(as(DemoUsers.OTHER_ENTERPRISE)
			.get("/enterprise/applications/" + claim.id() + "/decisions/" + own.get("decisionId").asLong())
			.statusCode()).isEqualTo(404);

		// Repayments: only 冠县's finance bureau; a voucher counts once; never more than is
		// owed.
		String path = "/api/clawbacks/" + claim.id() + "/repayments";
		assertThat(as("lq-finance").postJson(path, repayment("10000", "LQ-1")).statusCode()).isEqualTo(404);
		assertThat(as("gx-industry").postJson(path, repayment("10000", "GI-1")).statusCode()).isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, repayment("10000", "E-1")).statusCode()).isIn(403, 404);
		WebClient gxFinance = as("gx-finance");
		assertThat(gxFinance
			.postJson(path, "{\"paidOn\":\"" + TODAY + "\",\"amount\":1,\"voucherNo\":\"X\",\"status\":\"REPAID\"}")
			.body()).contains("不允许的字段", "status");
		assertThat(gxFinance.postJson(path, repayment("10000", "JK-001")).statusCode()).isEqualTo(200);
		JsonNode recorded = JSON.readTree(gxFinance.postJson(path, repayment("10000", "JK-001")).body());
		assertThat(recorded.get("repayments")).as("the same voucher again").hasSize(1);
		HttpResponse<String> mistyped = gxFinance.postJson(path, repayment("12000", "jk-001"));
		assertThat(mistyped.statusCode()).as("the voucher of another amount: refused, not answered as recorded")
			.isEqualTo(409);
		assertThat(mistyped.body()).contains("凭证号 JK-001 已于此前登记缴款 10,000.00 元", "与本次填写的金额或日期不同，未登记");
		assertThat(JSON.readTree(gxFinance.get("/api/clawbacks/" + claim.id()).body()).get("repayments")).hasSize(1);
		// The list says the same as the case: the repayment awaiting its check is there.
		JsonNode listed = null;
		for (JsonNode row : JSON.readTree(gxFinance.get("/api/clawbacks").body())) {
			if (row.get("applicationId").asLong() == claim.id()) {
				listed = row;
			}
		}
		assertThat(listed).as("the case in 冠县's list").isNotNull();
		assertThat(listed.get("repayments")).hasSize(1);
		// One officer's word does not settle anything: recorded, it waits for a second
		// person's check and does not count.
		assertThat(recorded.get("repaid").decimalValue()).isEqualByComparingTo("0");
		assertThat(recorded.get("pending").decimalValue()).isEqualByComparingTo("10000");
		assertThat(recorded.at("/repayments/0/state").asText()).isEqualTo("PENDING");
		JsonNode toldBeforeCheck = JSON
			.readTree(as(DemoUsers.ENTERPRISE).get("/api/applications/" + claim.id() + "/clawback").body());
		assertThat(toldBeforeCheck.get("repayments")).as("the enterprise reads what counts only").isEmpty();
		assertThat(toldBeforeCheck.get("pending").decimalValue()).isEqualByComparingTo("0");
		assertThat(toldBeforeCheck.toString()).doesNotContain("gx-finance");
		assertThat(gxFinance.postJson(path, repayment("20000.01", "JK-002")).body()).contains("不超过尚未缴回的 20,000.00 元",
				"另有 10,000.00 元已登记、待复核");
		JsonNode both = JSON.readTree(gxFinance.postJson(path, repayment("20000", "JK-002")).body());
		assertThat(both.get("status").asText()).as("recorded in full, nothing checked").isEqualTo("DECIDED");
		assertThat(review.hasActive(claim, "clawback")).isTrue();
		long first = both.at("/repayments/0/id").asLong();
		long second = both.at("/repayments/1/id").asLong();
		String check = path + "/" + first + "/check";
		String confirm = check("CONFIRM", "10000", "");
		HttpResponse<String> byRecorder = gxFinance.postJson(check, confirm);
		assertThat(byRecorder.statusCode()).isEqualTo(403);
		assertThat(byRecorder.body()).contains("登记人不能复核本人登记的缴款");
		assertThat(as("lq-finance-lead").postJson(check, confirm).statusCode()).as("another county's bureau")
			.isEqualTo(404);
		assertThat(as("gx-industry").postJson(check, confirm).statusCode()).isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(check, confirm).statusCode()).isIn(403, 404);
		WebClient lead = as("gx-finance-lead");
		assertThat(lead
			.postJson(path + "/" + second + "/check",
					"{\"outcome\":\"CONFIRM\",\"amount\":20000,\"paidOn\":\"" + TODAY + "\",\"state\":\"CONFIRMED\"}")
			.body()).contains("不允许的字段", "state");
		assertThat(lead.postJson(path + "/" + second + "/check", "{\"outcome\":\"CONFIRM\"}").body())
			.as("the check names the entry it compared")
			.contains("字段 amount 应为金额");
		HttpResponse<String> otherAmount = lead.postJson(path + "/" + second + "/check", check("CONFIRM", "2000", ""));
		assertThat(otherAmount.statusCode()).isEqualTo(409);
		assertThat(otherAmount.body()).contains("现为20,000.00元");
		assertThat(lead.postJson(path + "/" + second + "/check", check("RETURN", "20000", "")).body())
			.contains("请填写退回原因");
		assertThat(lead.postJson(path + "/" + first + "/check", "{\"outcome\":\"OK\"}").statusCode()).isEqualTo(400);
		// Someone else's clawback's repayment, through this case's door.
		assertThat(lead.postJson(path + "/" + (second + 1000) + "/check", confirm).statusCode()).isEqualTo(404);
		JsonNode returned = JSON.readTree(
				lead.postJson(path + "/" + second + "/check", check("RETURN", "20000", "国库回单金额为 2,000.00 元，与登记不符"))
					.body());
		assertThat(returned.at("/repayments/1/state").asText()).isEqualTo("RETURNED");
		assertThat(returned.at("/repayments/1/checkNote").asText()).contains("与登记不符");
		assertThat(returned.get("repaid").decimalValue()).isEqualByComparingTo("0");
		JsonNode confirmed = JSON.readTree(lead.postJson(check, confirm).body());
		assertThat(confirmed.get("repaid").decimalValue()).isEqualByComparingTo("10000");
		assertThat(confirmed.get("status").asText()).isEqualTo("DECIDED");
		assertThat(lead.postJson(check, confirm).statusCode()).as("checked once").isEqualTo(409);
		// The returned voucher is recorded again, in its entry's place. A check sent from
		// a page that still shows the returned entry does not confirm the new one.
		JsonNode mistaken = JSON.readTree(gxFinance.postJson(path, repayment("19000", "JK-002")).body());
		assertThat(mistaken.at("/repayments/1/id").asLong()).isEqualTo(second);
		HttpResponse<String> stale = lead.postJson(path + "/" + second + "/check", check("CONFIRM", "20000", ""));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("登记已变更", "现为19,000.00元", "请刷新后");
		assertThat(lead.postJson(path + "/" + second + "/check", check("RETURN", "19000", "金额与国库回单不符")).statusCode())
			.isEqualTo(200);
		// Recorded again, right this time, and checked by another person than its new
		// recorder.
		JsonNode again = JSON.readTree(lead.postJson(path, repayment("20000", "JK-002")).body());
		assertThat(again.get("repayments")).hasSize(2);
		assertThat(again.at("/repayments/1/state").asText()).isEqualTo("PENDING");
		assertThat(lead.postJson(path + "/" + second + "/check", check("CONFIRM", "20000", "")).statusCode())
			.isEqualTo(403);
		// The county officer checks it on the page: only the pending line they did not
		// record offers the check.
		try (cn.liaocheng.renewal.browser.Browser browser = cn.liaocheng.renewal.browser.Browser.start(port)) {
			browser.logIn("gx-finance", DemoUsers.PASSWORD);
			browser.open("/clawbacks/" + claim.id());
			org.openqa.selenium.WebElement line = browser.waitFor(org.openqa.selenium.By.id("repayment-" + second));
			assertThat(
					browser.driver().findElements(org.openqa.selenium.By.cssSelector("#repayment-" + first + " form")))
				.isEmpty();
			assertThat(browser.driver().findElement(org.openqa.selenium.By.id("outstanding")).getText())
				.contains("20,000.00 元已登记、待复核");
			assertThat(browser.driver().findElements(org.openqa.selenium.By.id("record-repayment")))
				.as("everything owed is recorded")
				.isEmpty();
			browser.waitFor(org.openqa.selenium.By.id("all-recorded"));
			browser.fullPageScreenshot("clawback-county-finance-check");
			// Enter in the reason box returns the entry with the reason typed; it does
			// not confirm it.
			line.findElement(org.openqa.selenium.By.name("note"))
				.sendKeys("凭证号与国库回单不符", org.openqa.selenium.Keys.ENTER);
			browser.waitUntil(d -> d.findElement(org.openqa.selenium.By.cssSelector(".alert.info"))
				.getText()
				.contains("已退回该笔缴款"));
			assertThat(JSON.readTree(lead.get("/api/clawbacks/" + claim.id()).body())
				.at("/repayments/1/checkNote")
				.asText()).isEqualTo("凭证号与国库回单不符");
			assertThat(lead.postJson(path, repayment("20000", "JK-002")).statusCode()).isEqualTo(200);
			browser.open("/clawbacks/" + claim.id());
			line = browser.waitFor(org.openqa.selenium.By.id("repayment-" + second));
			// Who recorded and who checked are named as people, not by login id.
			assertThat(browser.driver().findElement(org.openqa.selenium.By.id("repayments")).getText())
				.doesNotContain("gx-finance")
				.contains("冠县财政局");
			// 确认到账 asks first, naming the entry; dismissed, nothing is sent.
			line.findElement(org.openqa.selenium.By.cssSelector("button[value=CONFIRM]")).click();
			org.openqa.selenium.Alert asked = browser.driver().switchTo().alert();
			assertThat(asked.getText()).contains("20,000.00 元", "凭证号 JK-002");
			asked.dismiss();
			assertThat(
					JSON.readTree(lead.get("/api/clawbacks/" + claim.id()).body()).at("/repayments/1/state").asText())
				.isEqualTo("PENDING");
			line.findElement(org.openqa.selenium.By.cssSelector("button[value=CONFIRM]")).click();
			browser.driver().switchTo().alert().accept();
			browser.waitUntil(d -> d.findElement(org.openqa.selenium.By.id("clawback-status")).getText().equals("已缴清"));
			assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector(".alert.info")).getText())
				.contains("追回资金已全部缴清");
		}
		JsonNode settled = JSON.readTree(lead.get("/api/clawbacks/" + claim.id()).body());
		assertThat(settled.get("status").asText()).isEqualTo("REPAID");
		assertThat(settled.get("repaid").decimalValue()).isEqualByComparingTo("30000");
		assertThat(settled.get("repayments")).hasSize(2);
		assertThat(review.hasActive(claim, "clawback")).as("the clawback process ends with the last repayment")
			.isFalse();
		// The enterprise's case page lists the repayments that counted.
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body()).contains("缴款记录",
				"凭证号 JK-002");
		// The enterprise is told of what counted, not of the bureau's own checking.
		String history = as(DemoUsers.ENTERPRISE).get("/api/applications/" + claim.id()).body();
		assertThat(history).contains("收到追回资金10,000.00元", "追回资金已全部缴清").doesNotContain("待本局", "复核退回", "与登记不符");
		assertThat(
				jdbc.sql("SELECT title || ' ' || body FROM notification WHERE application_id = ? AND recipient_id = ?")
					.params(claim.id(), DemoUsers.ENTERPRISE)
					.query(String.class)
					.list())
			.anySatisfy(note -> assertThat(note).startsWith("追回资金到账：").contains("冠县财政局收到追回资金10,000.00元"))
			.anySatisfy(note -> assertThat(note).startsWith("追回资金已缴清：").contains("追回资金已全部缴清"))
			.noneSatisfy(note -> assertThat(note).contains("待复核"));
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
		screenshots(DemoUsers.ENTERPRISE, "clawback-case-page", "/enterprise/applications/" + claim.id(), "clawback");
		screenshots("gx-finance", "clawback-county-finance", "/clawbacks/" + claim.id(), "repayments");
	}

	/** A full-page screenshot in target/screenshots/ for a person to look at. */
	private void screenshots(String user, String name, String path, String waitForId) {
		try (cn.liaocheng.renewal.browser.Browser browser = cn.liaocheng.renewal.browser.Browser.start(port)) {
			browser.logIn(user, DemoUsers.PASSWORD);
			browser.open(path);
			try {
				browser.waitFor(org.openqa.selenium.By.id(waitForId));
			}
			finally {
				browser.fullPageScreenshot(name);
			}
		}
	}

	@Test
	@Order(2)
	void unpaidAtTheDeadlineIsReportedAndTheBureauFollowsItUp() throws Exception {
		Case claim = paidSubsidy();
		announce(claim, ClawbackDue.Cause.RECTIFICATION_LAPSED, "限期整改期满（2026年11月30日），企业未提交整改材料。");
		// A missed rectification is recovered, not listed: the ban answers fraud.
		HttpResponse<String> listed = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "核定追回全部奖补资金。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", true, "listMonths", 12));
		assertThat(listed.statusCode()).isGreaterThanOrEqualTo(400);
		assertThat(listed.body()).contains("只有申报材料弄虚作假骗取资金的，才能在追回时列入负面清单");
		determineAndConfirm(claim, 37000, false, 0);
		// Fired before the deadline (by hand, as an administrator could): nothing is
		// marked overdue and the enterprise is told nothing; the step fails for someone
		// to look at.
		management.executeJob(review.timer(claim, "TimerEvent_DeadlinePassed").getId());
		String instance = review.called(claim, "clawback").getId();
		Job report = management.createJobQuery().processInstanceId(instance).messages().singleResult();
		assertThatThrownBy(() -> management.executeJob(report.getId())).hasMessageContaining("缴回期限")
			.hasMessageContaining("尚未届满，不按逾期未缴清处理");
		assertThat(JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body()).get("status").asText())
			.isEqualTo("DECIDED");
		assertThat(review.toldToEnterprise(claim)).noneMatch(note -> note.contains("逾期"));
		runtime.createProcessInstanceModification(instance)
			.startBeforeActivity("Gateway_RepaidOrDue")
			.cancelAllForActivity("Task_ReportOverdue")
			.execute();

		review.fireTimer(claim, "TimerEvent_DeadlinePassed");

		JsonNode overdue = JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body());
		assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
		assertThat(tasks(as("lc-industry"), claim, "Task_OverdueFollowUp")).hasSize(1);
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body()).contains("逾期未缴清");
		// Told at each turn: the clawback started, the decision, the deadline passed.
		assertThat(review.toldToEnterprise(claim))
			.anySatisfy(note -> assertThat(note).startsWith("AFTER_AWARD 进入追回程序：").contains("因“整改期满未提交整改材料”", "暂停拨付"))
			.anySatisfy(note -> assertThat(note).startsWith("AFTER_AWARD 追回资金逾期未缴清：").contains("尚有37,000.00元未缴回"));
		screenshots("gx-finance", "clawback-overdue-county-finance", "/clawbacks/" + claim.id(), "record-repayment");
		// Paid in full while the bureau follows it up: the follow-up ends with the
		// process.
		JsonNode recorded = JSON.readTree(
				as("gx-finance").postJson("/api/clawbacks/" + claim.id() + "/repayments", repayment("37000", "YQ-1"))
					.body());
		assertThat(review.hasActive(claim, "clawback")).isTrue();
		assertThat(as("gx-finance-lead")
			.postJson("/api/clawbacks/" + claim.id() + "/repayments/" + recorded.at("/repayments/0/id").asLong()
					+ "/check", check("CONFIRM", "37000", ""))
			.statusCode()).isEqualTo(200);
		assertThat(review.hasActive(claim, "clawback")).isFalse();
	}

	@Test
	@Order(2)
	void paidInTimeButNotYetCheckedAtTheDeadlineIsNotOverdueUnlessTheCheckReturnsIt() throws Exception {
		Case claim = paidSubsidy();
		String path = "/api/clawbacks/" + claim.id() + "/repayments";
		long id = recordedInTimeThenDeadlinePassed(claim, 37000, "ZQ-1");

		// Paid on time, only the bureau's check is missing: not overdue, nobody follows
		// it up, the enterprise is not told to pay again.
		JsonNode waiting = JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body());
		assertThat(waiting.get("status").asText()).isEqualTo("DECIDED");
		assertThat(tasks(as("lc-industry"), claim, "Task_OverdueFollowUp")).isEmpty();
		assertThat(review.hasActive(claim, "clawback")).isTrue();
		assertThat(review.toldToEnterprise(claim)).noneMatch(note -> note.contains("逾期"));
		assertThat(as(DemoUsers.ENTERPRISE).get("/api/applications/" + claim.id()).body()).doesNotContain("逾期",
				"待冠县财政局在10日内复核");
		assertThat(jdbc.sql("SELECT message FROM application_event WHERE application_id = ? AND action = ?")
			.params(claim.id(), "CLAWBACK_AWAITING_CHECK")
			.query(String.class)
			.list()).singleElement().asString().contains("已登记为期限内缴款，待冠县财政局在10日内复核到账");
		// The bureau is told to check it, its officers and its lead, not other bodies.
		assertThat(jdbc
			.sql("SELECT recipient_id || ' ' || title || ' ' || body FROM notification WHERE application_id = ? "
					+ "AND title LIKE '追回缴款待复核%'")
			.param(claim.id())
			.query(String.class)
			.list()).anySatisfy(note -> assertThat(note).startsWith("gx-finance ").contains("37,000.00元尚未复核"))
			.anySatisfy(note -> assertThat(note).startsWith("gx-finance-lead "))
			.noneSatisfy(note -> assertThat(note).startsWith("lq-finance"));

		// The check returns it: now the deadline has passed with the money owed.
		assertThat(as("gx-finance-lead")
			.postJson(path + "/" + id + "/check", check("RETURN", "37000", paidOn(claim, id), "国库未收到该笔缴款"))
			.statusCode()).isEqualTo(200);
		review.runJobs(claim);
		JsonNode overdue = JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body());
		assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
		assertThat(tasks(as("lc-industry"), claim, "Task_OverdueFollowUp")).hasSize(1);
		assertThat(review.toldToEnterprise(claim))
			.anySatisfy(note -> assertThat(note).startsWith("AFTER_AWARD 追回资金逾期未缴清：").contains("尚有37,000.00元未缴回"));

		// Another case, paid on time and confirmed after the deadline, ends without a
		// follow-up.
		Case other = paidSubsidy();
		String otherPath = "/api/clawbacks/" + other.id() + "/repayments";
		long otherId = recordedInTimeThenDeadlinePassed(other, 12000, "ZQ-2");
		assertThat(as("gx-finance-lead")
			.postJson(otherPath + "/" + otherId + "/check", check("CONFIRM", "12000", paidOn(other, otherId), ""))
			.statusCode()).isEqualTo(200);
		assertThat(review.hasActive(other, "clawback")).isFalse();

		// A third, whose recorded payment nobody checks: ten days on, it is overdue for
		// what is not confirmed, and the city bureau follows it up.
		Case unchecked = paidSubsidy();
		recordedInTimeThenDeadlinePassed(unchecked, 5000, "ZQ-3");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CLAWBACK_AWAITING_CHECK' AND subject = ?")
			.param("application:" + unchecked.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		review.fireTimer(unchecked, "TimerEvent_CheckWaitOver");
		assertThat(
				JSON.readTree(as("lc-industry").get("/api/clawbacks/" + unchecked.id()).body()).get("status").asText())
			.isEqualTo("OVERDUE");
		assertThat(tasks(as("lc-industry"), unchecked, "Task_OverdueFollowUp")).hasSize(1);
		assertThat(review.toldToEnterprise(unchecked))
			.anySatisfy(note -> assertThat(note).contains("尚有5,000.00元未经财政部门确认到账", "已缴款的，请将缴款凭证报送所在县（市、区）财政局"));
		assertThat(JSON.readTree(as("lc-industry").get("/api/clawbacks/" + other.id()).body()).get("status").asText())
			.isEqualTo("REPAID");
		assertThat(tasks(as("lc-industry"), other, "Task_OverdueFollowUp")).isEmpty();
	}

	@Test
	@Order(3)
	void falseMaterialStartedByTheBureauListsTheEnterpriseWhoseNextSubmissionIsRefused() throws Exception {
		Case claim = allocatedSubsidy();
		long draft = review.draft(ApplicationKind.PROJECT, Dossiers.project(4));
		review.attachProjectFiles(draft);
		String start = start(claim.id());
		// Only the city industry bureau starts a clawback, and only with the two fields.
		assertThat(as("gx-industry").postJson("/api/clawbacks", start).statusCode()).isEqualTo(403);
		assertThat(as(DemoUsers.ENTERPRISE).postJson("/api/clawbacks", start).statusCode()).isIn(403, 404);
		assertThat(as("lc-industry").postJson("/api/clawbacks", start.replace("}", ",\"cause\":\"ACCEPTANCE_FAILED\"}"))
			.statusCode()).isEqualTo(400);
		assertThat(as("lc-industry").postJson("/api/clawbacks", start(draft)).body()).contains("只有已下达奖补资金");
		HttpResponse<String> started = as("lc-industry").postJson("/api/clawbacks", start);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		assertThat(started.body()).contains("FALSE_MATERIAL");
		assertThat(as("lc-industry").postJson("/api/clawbacks", start).statusCode()).as("a second start")
			.isEqualTo(409);

		// Found before the county finance bureau paid anything: nothing can be repaid, so
		// the determination asks for no amount or deadline and the confirmation for no
		// account, and the decision revokes the allocation. A claim with no recorded
		// integrity declaration (submitted before it was asked for) gives the listing no
		// basis: refused, the recovery itself is not.
		jdbc.sql("UPDATE application SET declared_at = NULL, declaration_version = NULL WHERE id = ?")
			.param(claim.id())
			.update();
		HttpResponse<String> unfounded = submit(as("lc-industry"), claim, "Task_DetermineClawback", Map.of("decision",
				"APPROVE", "opinion", "发票系虚开，撤销全部已下达的奖补资金。", "listNegative", true, "listMonths", 36));
		assertThat(unfounded.statusCode()).isNotIn(200, 204);
		assertThat(unfounded.body()).contains("没有记录载明“接受取消申报资格”的诚信承诺");
		jdbc.sql("UPDATE application SET declared_at = CURRENT_TIMESTAMP, declaration_version = ? WHERE id = ?")
			.params(IntegrityDeclaration.VERSION, claim.id())
			.update();
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback", Map.of("decision",
				"APPROVE", "opinion", "发票系虚开，撤销全部已下达的奖补资金。", "listNegative", true, "listMonths", 36));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		assertThat(JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body()).hasNonNull("amount"))
			.as("nothing to recover")
			.isFalse();
		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "经核对本局拨付记录，该项目奖补资金尚未拨付。"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);
		// The city finance bureau allocated the subsidy; the industry bureau, which holds
		// the determination, does not revoke another body's act: it finds, proposes the
		// revocation to that bureau, and lists on the enterprise's recorded commitment.
		IssuedDecision allocationNotice = review.issued(claim, DecisionType.SUBSIDY_ALLOCATED).decision();
		ReviewFixture.Issued issued = review.issued(claim, DecisionType.SUBSIDY_REVOCATION_PROPOSED);
		assertThat(issued.decision().issuingBody()).isEqualTo("industry");
		assertThat(issued.text())
			.contains("财政奖补资金处理决定书", "由聊城市财政局以《奖补资金下达通知书》（" + allocationNotice.number() + "）下达", "建议聊城市财政局撤销该奖补资金的下达",
					"该资金尚未拨付；追回程序启动后已暂停拨付，你单位无需缴回", "诚信承诺（2026-1版", "接受取消申报资格、记入信用记录等处理”的承诺", "负面清单，期限36个月",
					"向聊城市人民政府申请行政复议")
			.doesNotContain("缴回至", "缴款凭证", "强制执行", "追回你单位", "骗取财政资金的行为", "撤销已下达", "情节严重");
		assertThat(review.allDecisions(claim)).doesNotContain(DecisionType.CLAWBACK_DECIDED,
				DecisionType.SUBSIDY_REVOKED);
		// The project library's workbook keeps the amount allocated and names the
		// decision since, so the row does not read as a subsidy standing.
		String reference = review.referenceNo(claim);
		HttpResponse<byte[]> library = as("lc-industry").getBytes("/review/library/export.xlsx?year="
				+ LocalDate.now(ChinaTime.ZONE).getYear() + "&kind=SUBSIDY&status=ALL&q=" + reference);
		assertThat(library.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(library.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			sheet.getRow(3).forEach(cell -> headers.add(cell.getStringCellValue()));
			Row row = sheet.getRow(4);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(reference);
			assertThat(row.getCell(headers.indexOf("后续决定")).getStringCellValue())
				.isEqualTo("财政奖补资金处理决定书 " + issued.decision().number() + "，"
						+ issued.decision().decisionDate().format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
		}
		JsonNode revoked = JSON
			.readTree(as(DemoUsers.ENTERPRISE).get("/api/applications/" + claim.id() + "/clawback").body());
		assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
		Path revocation = keep("subsidy-revoked", download(DemoUsers.ENTERPRISE,
				"/enterprise/applications/" + claim.id() + "/decisions/" + revoked.get("decisionId").asLong()));
		assertThat(run("pdfsig", revocation.toString())).contains("Signature is Valid.");
		// Whoever checks the allocation notice learns it no longer stands, by its code
		// and by its file.
		IssuedDecision allocation = review.issued(claim, DecisionType.SUBSIDY_ALLOCATED).decision();
		String byCode = new WebClient(port).get("/verify?code=" + allocation.verificationCode()).body();
		assertThat(byCode)
			.contains("验证码有效，但其后已就该决定下达的奖补资金作出处理决定", revoked.get("decisionNumber").asText(), "《财政奖补资金处理决定书》",
					"认定该决定下达的奖补资金应予撤销，已暂停拨付，并建议下达机关撤销")
			.doesNotContain("该决定已被撤销");
		screenshots(DemoUsers.ENTERPRISE, "verify-revoked-allocation", "/verify?code=" + allocation.verificationCode(),
				"code");
		assertThat(new WebClient(port).get("/verify?code=" + issued.decision().verificationCode()).body())
			.contains("验证码有效")
			.doesNotContain("该决定已被");
		assertThat(revoked.hasNonNull("outstanding")).isFalse();
		assertThat(review.hasActive(claim, "clawback")).as("nothing to wait for: no repayment, no deadline").isFalse();
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body())
			.contains("应予撤销的奖补资金", "37,000.00 元（尚未拨付，已暂停拨付，无需缴回）", revoked.get("decisionNumber").asText())
			.doesNotContain("缴回期限");
		assertThat(
				jdbc.sql("SELECT title || ' ' || body FROM notification WHERE application_id = ? AND recipient_id = ?")
					.params(claim.id(), DemoUsers.ENTERPRISE)
					.query(String.class)
					.list())
			.anySatisfy(note -> assertThat(note).startsWith("处理决定：").contains("建议下达该资金的聊城市财政局撤销", "无需缴回"))
			.noneSatisfy(note -> assertThat(note).startsWith("追回决定："));
		assertThat(
				as("gx-finance").postJson("/api/clawbacks/" + claim.id() + "/repayments", repayment("1", "R-1")).body())
			.as("nothing to repay")
			.contains("不能登记缴款");
		// The allocation stays unpaid: the payment step leaves the county's task list
		// with the after-award process, and the case page says why.
		assertThat(tasks(as("gx-finance"), claim, "Task_RecordPayment")).isEmpty();
		assertThat(review.hasActive(claim, "subsidy-aftercare")).isFalse();
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body())
			.contains("已就奖补资金作出追回或处理决定，后续管理终止", "其余 37,000.00 元已暂停拨付")
			.contains("（" + revoked.get("decisionNumber").asText() + "认定应予撤销，已暂停拨付）")
			.doesNotContain("元待拨付");
		assertThat(review.history(claim))
			.anySatisfy(line -> assertThat(line).contains(revoked.get("decisionNumber").asText(), "后续管理", "终止"));
		screenshots(DemoUsers.ENTERPRISE, "clawback-revoked-case-page", "/enterprise/applications/" + claim.id(),
				"clawback");

		// The listing: visible to the city, to 冠县's bodies and to ent-gx; not to 临清's
		// bodies or ent-lq.
		JsonNode list = JSON.readTree(as("lc-industry").get("/api/negative-list").body());
		JsonNode entry = list.get(0);
		assertThat(entry.get("creditCode").asText()).isEqualTo("91371525MA3CB7K21F");
		assertThat(entry.get("until").asText()).isEqualTo(TODAY.plusMonths(36).minusDays(1).toString());
		// Ordered by the decision that found the allocation should be revoked (no 追回决定):
		// named by its title.
		assertThat(entry.get("basis").asText())
			.isEqualTo("《财政奖补资金处理决定书》（" + revoked.get("decisionNumber").asText() + "）");
		assertThat(as("gx-finance").get("/api/negative-list").body()).contains("91371525MA3CB7K21F");
		assertThat(as("lq-industry").get("/api/negative-list").body()).doesNotContain("91371525MA3CB7K21F");
		assertThat(as(DemoUsers.ENTERPRISE).get("/api/negative-list").body()).contains("91371525MA3CB7K21F");
		assertThat(as(DemoUsers.OTHER_ENTERPRISE).get("/api/negative-list").body()).isEqualTo("[]");

		assertThat(review.toldToEnterprise(claim)).anySatisfy(note -> assertThat(note).startsWith("AFTER_AWARD 列入负面清单")
			.contains(revoked.get("decisionNumber").asText()));

		// The case page says the listing is in force, from when to when.
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body()).contains("列入 36 个月（"
				+ ChinaTime.day(TODAY) + "至" + ChinaTime.day(TODAY.plusMonths(36).minusDays(1)) + "），期间不能提交新的申报");

		// ent-gx's next submission is refused with the reason and the last day.
		HttpResponse<String> refused = as(DemoUsers.ENTERPRISE).postJson("/api/applications/" + draft + "/submit",
				"{\"declarationConfirmed\":true}");
		assertThat(refused.statusCode()).isEqualTo(409);
		int last = TODAY.plusMonths(36).minusDays(1).getYear();
		assertThat(refused.body()).contains("负面清单", "列入期限至" + last + "年", "不能提交新的申报");

		// Only the city industry bureau lifts it, with a reason; then ent-gx may submit
		// again.
		long id = entry.get("id").asLong();
		assertThat(
				as("gx-industry").postJson("/api/negative-list/" + id + "/lift", "{\"reason\":\"已整改完毕\"}").statusCode())
			.isEqualTo(403);
		assertThat(as("lc-industry").postJson("/api/negative-list/" + id + "/lift", "{\"reason\":\"\"}").statusCode())
			.isEqualTo(400);
		JsonNode lifted = JSON.readTree(
				as("lc-industry").postJson("/api/negative-list/" + id + "/lift", "{\"reason\":\"经复议撤销原追回决定，解除列入。\"}")
					.body());
		assertThat(lifted.get("liftedBy").asText()).isEqualTo("lc-industry");
		assertThat(lifted.get("state").asText()).isEqualTo("LIFTED");
		// Lifted early: the case page no longer says the enterprise cannot submit, and
		// the enterprise, told of the listing, is told of its end.
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body())
			.contains("已于" + ChinaTime.day(TODAY) + "由市工业和信息化局提前解除（解除原因：经复议撤销原追回决定，解除列入。）")
			.doesNotContain("期间不能提交新的申报");
		assertThat(review.toldToEnterprise(claim)).anySatisfy(note -> assertThat(note).startsWith("AFTER_AWARD 解除负面清单")
			.contains("提前解除", "解除原因：经复议撤销原追回决定，解除列入。", "你单位现在可以提交新的申报。"));
		screenshots("lc-industry", "negative-list-bureau", "/negative-list", "negative-list");
		assertThat(as(DemoUsers.ENTERPRISE)
			.postJson("/api/applications/" + draft + "/submit", "{\"declarationConfirmed\":true}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void onlyTheCityIndustryBureauAddsToTheListAndOnlyForAnEnterpriseOnRecord() throws Exception {
		String body = "{\"creditCode\":\"91371581MA3D2E8L4F\",\"reason\":\"骗取其他财政专项资金，经市财政局通报。\","
				+ "\"basisAuthority\":\"聊城市财政局\",\"basisDocument\":\"《关于骗取财政补助资金问题的处理决定》（聊财监〔2026〕3号）\","
				+ "\"basisDate\":\"" + TODAY + "\",\"months\":12}";
		assertThat(as("lq-industry").postJson("/api/negative-list", body).statusCode()).isEqualTo(403);
		assertThat(as("lc-ecology").postJson("/api/negative-list", body).statusCode()).isEqualTo(403);
		assertThat(as(DemoUsers.OTHER_ENTERPRISE).postJson("/api/negative-list", body).statusCode()).isEqualTo(403);
		assertThat(as("lc-industry").postJson("/api/negative-list", body.replace("12}", "12,\"until\":\"2099-01-01\"}"))
			.body()).contains("不允许的字段", "until");
		assertThat(as("lc-industry").postJson("/api/negative-list", body.replace("4F", "4G")).statusCode())
			.isEqualTo(400);
		assertThat(as("lc-industry").postJson("/api/negative-list", body.replace("12}", "61}")).statusCode())
			.isEqualTo(400);
		// A reason whose direction is reversed would read otherwise on the list page.
		assertThat(as("lc-industry").postJson("/api/negative-list", body.replace("经市财政局通报", "\u202E报通局政财市经")).body())
			.contains("列入原因含有改变文字方向的控制字符");
		// A listing by hand rests on a written finding, recorded with it: without one, or
		// with one dated after today, nothing is listed.
		assertThat(as("lc-industry").postJson("/api/negative-list", body.replace("\"basisAuthority\":\"聊城市财政局\",", ""))
			.body()).contains("请填写作出书面认定的机关");
		assertThat(as("lc-industry")
			.postJson("/api/negative-list", body.replace("（聊财监〔2026〕3号）\",", "\",").replace("《关于骗取财政补助资金问题的处理决定》", ""))
			.body()).contains("请填写认定文书的名称和文号");
		assertThat(as("lc-industry")
			.postJson("/api/negative-list",
					body.replace("\"basisDate\":\"" + TODAY, "\"basisDate\":\"" + TODAY.plusDays(1)))
			.body()).contains("认定文书的日期不能晚于今天");
		assertThat(as("lc-industry").get("/api/negative-list").body()).doesNotContain("91371581MA3D2E8L4F");
		// Linking someone else's application as the source case is refused.
		Case other = review.submitProject(4);
		assertThat(as("lc-industry")
			.postJson("/api/negative-list", body.replace("12}", "12,\"sourceApplicationId\":" + other.id() + "}"))
			.body()).contains("不是该企业的申报");
		HttpResponse<String> added = as("lc-industry").postJson("/api/negative-list", body);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		// The enterprise is told at once, not by its next refused submission.
		assertThat(jdbc.sql("SELECT title || ' ' || body FROM notification WHERE recipient_id = ? ORDER BY id DESC")
			.param(DemoUsers.OTHER_ENTERPRISE)
			.query(String.class)
			.list()).first()
			.asString()
			.startsWith("列入负面清单")
			.contains("骗取其他财政专项资金", "列入依据：聊城市财政局《关于骗取财政补助资金问题的处理决定》（聊财监〔2026〕3号）",
					"列入期限至" + TODAY.plusMonths(12).minusDays(1).getYear() + "年", "期间不能提交新的申报");
		assertThat(JSON.readTree(added.body()).get("basis").asText())
			.isEqualTo("聊城市财政局《关于骗取财政补助资金问题的处理决定》（聊财监〔2026〕3号）（" + ChinaTime.day(TODAY) + "）");
		assertThat(as("lq-industry").get("/api/negative-list").body()).contains("91371581MA3D2E8L4F");
		assertThat(as("gx-industry").get("/api/negative-list").body()).doesNotContain("91371581MA3D2E8L4F");
		assertThat(as("icbc-officer").get("/api/negative-list").statusCode()).isEqualTo(403);
		// After its last day the entry refuses nothing; the periodic job writes its end
		// to the audit trail once.
		assertThat(expiry.record(TODAY.plusMonths(12))).isEqualTo(1);
		assertThat(expiry.record(TODAY.plusMonths(12))).isZero();
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
		// The page's form asks for the same finding: without it nothing is listed and the
		// officer is told what is missing, with what was typed kept.
		WebClient page = new WebClient(port);
		page.login("lc-industry", DemoUsers.PASSWORD);
		String form = page.get("/negative-list").body();
		assertThat(form).contains("认定机关", "文书名称和文号", "文书日期", "聊财监〔2026〕3号");
		int listed = JSON.readTree(as("lc-industry").get("/api/negative-list").body()).size();
		page.postForm("/negative-list",
				"creditCode=91371581MA3D2E8L4F&reason="
						+ URLEncoder.encode("经核查，该企业申报材料存在弄虚作假情形。", StandardCharsets.UTF_8) + "&months=6&_csrf="
						+ URLEncoder.encode(WebClient.csrfTokenOf(form), StandardCharsets.UTF_8));
		assertThat(page.get("/negative-list").body()).contains("请填写作出书面认定的机关", "经核查，该企业申报材料存在弄虚作假情形。");
		assertThat(JSON.readTree(as("lc-industry").get("/api/negative-list").body()).size()).isEqualTo(listed);
		// Other spellings of the path reach the same checks.
		assertThat(as("lq-industry").postJson("/api//negative-list/", body).statusCode()).isNotIn(200, 201);
		assertThat(as("lq-industry").postJson("/api/negative-list;x=1", body).statusCode()).isNotIn(200, 201);
	}

	@Test
	@Order(5)
	void theFinanceBureauReturnsAWrongAmountAndTheBureauMayFindNothingToRecover() throws Exception {
		Case claim = allocatedSubsidy();
		// The county finance bureau has paid 30 000 yuan of the 37 000 (the after-award
		// payment step) when the acceptance fails.
		review.runJobs(claim);
		assertThat(
				submit(as("gx-finance"), claim, "Task_RecordPayment", Map.of("decision", "APPROVE", "opinion", "首期拨付。",
						"paymentDate", TODAY.toString(), "paidAmount", 30000, "voucherNo", "GK-2026-CB5"))
					.statusCode())
			.isIn(200, 204);
		announce(claim, ClawbackDue.Cause.ACCEPTANCE_FAILED, "验收组认定两台设备型号与申报不符，验收不合格。");
		// What was paid, not what was allocated, limits the amount to recover.
		assertThat(submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "追回全部奖补资金。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", false))
			.body()).contains("不超过已拨付的奖补资金 30,000.00 元");
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "追回已拨付的奖补资金。", "clawbackAmount", 30000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		// While the clawback runs, the rest is not paid: the amount determined stays
		// true.
		HttpResponse<String> held = submit(as("gx-finance"), claim, "Task_RecordPayment", Map.of("decision", "APPROVE",
				"opinion", "二期拨付。", "paymentDate", TODAY.toString(), "paidAmount", 7000, "voucherNo", "GK-2026-CB6"));
		assertThat(held.statusCode()).as(held.body()).isEqualTo(400);
		assertThat(held.body()).contains("正在追回程序中", "暂停拨付");
		assertThat(submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "REFUSE", "opinion", "请复核：设备型号差异可能系厂家更名所致。"))
			.statusCode()).isIn(200, 204);
		assertThat(JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body()).get("status").asText())
			.isEqualTo("DETERMINING");
		assertThat(submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经复核，型号差异系厂家更名所致，设备与申报一致，不予追回。"))
			.statusCode()).isIn(200, 204);

		assertThat(JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body()).get("status").asText())
			.isEqualTo("DROPPED");
		assertThat(review.hasActive(claim, "clawback")).isFalse();
		assertThat(review.allDecisions(claim)).doesNotContain(DecisionType.CLAWBACK_DECIDED);
		assertThat(as(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + claim.id()).body()).contains("经核查不予追回");
		// Nothing to recover: the payment goes on.
		assertThat(submit(as("gx-finance"), claim, "Task_RecordPayment", Map.of("decision", "APPROVE", "opinion",
				"二期拨付。", "paymentDate", TODAY.toString(), "paidAmount", 7000, "voucherNo", "GK-2026-CB6"))
			.statusCode()).isIn(200, 204);
		// A later cause from the after-award process (the rectification lapses) finds the
		// clawback dropped on its grounds: it starts the case's next clawback, in a
		// process instance of its own, rather than stop the step as an incident.
		String firstProcess = clawbackProcesses(claim).get(0);
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
				new ClawbackDue(claim.id(), ClawbackDue.Cause.RECTIFICATION_LAPSED, "逾期未提交整改材料。", "lc-industry")));
		JsonNode again = JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body());
		assertThat(again.get("status").asText()).isEqualTo("DETERMINING");
		assertThat(again.get("round").asInt()).isEqualTo(2);
		assertThat(again.get("cause").asText()).isEqualTo("RECTIFICATION_LAPSED");
		assertThat(clawbackProcesses(claim)).hasSize(2).startsWith(firstProcess).doesNotHaveDuplicates();
		assertThat(review.hasActive(claim, "clawback")).isTrue();
		assertThat(tasks(as("lc-industry"), claim, "Task_DetermineClawback")).hasSize(1);
		assertThat(review.history(claim)).anySatisfy(line -> assertThat(line).contains("再次进入追回程序", "第 2 次追回程序"));
		assertThat(as("lc-industry").postJson("/api/clawbacks", start(claim.id())).body()).as("one open at a time")
			.contains("该项目已有追回程序，不能重复启动");
	}

	/**
	 * An acceptance that fails while a clawback for false material is being determined
	 * starts no second one and is not lost: the case says the reason is kept, the open
	 * round goes on on its own grounds, and when it finds nothing to recover the next
	 * round starts with the kept reason, payment held throughout.
	 */
	@Test
	@Order(9)
	void aReasonAnnouncedWhileAClawbackIsOpenStartsTheNextRoundWhenThatOneIsDropped() throws Exception {
		// Partly paid: the rest's payment step, held by the clawback, would resume if the
		// dropped round let go of it.
		Case claim = allocatedSubsidy();
		pay(claim, 20000, "GK-2026-W1-" + claim.id());
		WebClient lcIndustry = as("lc-industry");
		assertThat(lcIndustry.postJson("/api/clawbacks", start(claim.id())).statusCode()).isEqualTo(201);

		announce(claim, ClawbackDue.Cause.ACCEPTANCE_FAILED, "2026年11月20日市工业和信息化局组织现场验收，两台数控磨床未安装投产，验收不合格。");
		JsonNode open = JSON.readTree(lcIndustry.get("/api/clawbacks/" + claim.id()).body());
		assertThat(open.get("cause").asText()).isEqualTo("FALSE_MATERIAL");
		assertThat(open.get("round").asInt()).isEqualTo(1);
		assertThat(review.history(claim))
			.anySatisfy(line -> assertThat(line).contains("“项目验收不合格”这一事由已记录", "经核查不予追回的，以该事由另行启动追回程序"))
			.noneSatisfy(line -> assertThat(line).contains("再次进入追回程序"));

		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经核查，现有证据不足以认定发票虚开，不予追回。"))
			.statusCode()).isIn(200, 204);
		JsonNode next = JSON.readTree(lcIndustry.get("/api/clawbacks/" + claim.id()).body());
		assertThat(next.get("round").asInt()).isEqualTo(2);
		assertThat(next.get("cause").asText()).isEqualTo("ACCEPTANCE_FAILED");
		assertThat(next.get("status").asText()).isEqualTo("DETERMINING");
		assertThat(next.get("facts").asText()).contains("两台数控磨床未安装投产");
		assertThat(review.history(claim)).anySatisfy(line -> assertThat(line).contains("因“项目验收不合格”", "再次进入追回程序"))
			.as("payment never resumed in between")
			.noneSatisfy(line -> assertThat(line).contains("恢复拨付"));
		assertThat(review.toldToEnterprise(claim)).noneSatisfy(note -> assertThat(note).contains("追回程序终止"));
		assertThat(tasks(lcIndustry, claim, "Task_DetermineClawback")).as("the next round's determination").hasSize(1);
	}

	/**
	 * A reason kept while a round was open is not started when that round ends in a
	 * decision: the decision stands, and the case says the reason was not acted on.
	 */
	@Test
	@Order(10)
	void aReasonKeptWhileARoundIsOpenIsSaidNotActedOnWhenTheRoundIsDecided() throws Exception {
		Case claim = paidSubsidy();
		assertThat(as("lc-industry").postJson("/api/clawbacks", start(claim.id())).statusCode()).isEqualTo(201);
		announce(claim, ClawbackDue.Cause.RECTIFICATION_LAPSED, "市级现场验收要求限期整改，企业逾期未提交整改材料。");

		determineAndConfirm(claim, 37000, false, 0);

		JsonNode decided = JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body());
		assertThat(decided.get("round").asInt()).isEqualTo(1);
		assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
		assertThat(review.history(claim))
			.anySatisfy(line -> assertThat(line).contains("追回程序已作出决定（", "此前记录的“整改期满未提交整改材料”这一事由不再启动追回程序"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clawback_due_waiting WHERE application_id = ?")
			.param(claim.id())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * The city industry bureau's clawback for false material is dropped (经核查不予追回) after
	 * the enterprise's statement on its notice is adopted, and payment resumes; months
	 * later the tax bureau confirms the invoices were fake. The bureau starts the
	 * clawback again: the case's second clawback holds payment again, and is notified,
	 * heard and decided on its own documents, while the first stays dropped with its own
	 * notice and no decision.
	 */
	@Test
	@Order(8)
	void aClawbackDroppedOnItsGroundsIsStartedAgainOnNewGroundsAndDecidedOnItsOwnDocuments() throws Exception {
		Case claim = allocatedSubsidy();
		pay(claim, 20000, "GK-2026-R1-" + claim.id());
		WebClient lcIndustry = as("lc-industry");
		assertThat(lcIndustry.postJson("/api/clawbacks", start(claim.id())).statusCode()).isEqualTo(201);
		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "发票系虚开，追回已拨付的奖补资金。", "clawbackAmount", 20000,
						"repaymentDeadline", review.workingDay(TODAY.plusDays(30)).toString(), "listNegative", false))
			.statusCode()).isIn(200, 204);
		assertThat(submit(as("gx-finance"), claim, "Task_ConfirmClawback", Map.of("decision", "APPROVE", "opinion",
				"与拨付记录核对一致。", "repaymentAccount", "冠县财政局国库存款账户，账号 1610 0012 0900 0088 888"))
			.statusCode()).isIn(200, 204);
		review.runJobs(claim);
		WebClient enterprise = as(DemoUsers.ENTERPRISE);
		String firstNotice = JSON
			.readTree(enterprise.get("/api/applications/" + claim.id() + "/clawback/notice").body())
			.get("number")
			.asText();
		String statement = "所涉发票经销售方所在地税务机关出具证明，系真实交易开具，附证明材料和设备入库单。";
		assertThat(enterprise
			.postJson("/api/applications/" + claim.id() + "/clawback/statement",
					JSON.writeValueAsString(Map.of("statement", statement)))
			.statusCode()).isEqualTo(200);
		assertThat(submit(lcIndustry, claim, "Task_ReviewStatement",
				Map.of("decision", "APPROVE", "opinion", "企业提交的税务证明属实，予以采纳，重新核定。"))
			.statusCode()).isIn(200, 204);
		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经核查，现有证据不足以认定发票虚开，不予追回。"))
			.statusCode()).isIn(200, 204);
		assertThat(JSON.readTree(lcIndustry.get("/api/clawbacks/" + claim.id()).body()).get("status").asText())
			.isEqualTo("DROPPED");
		// Payment resumes.
		pay(claim, 10000, "GK-2026-R2-" + claim.id());

		// The tax bureau's confirmation is a new ground: the bureau starts the clawback
		// again.
		String taxFinding = "{\"applicationId\":" + claim.id()
				+ ",\"facts\":\"国家税务总局聊城市税务局函复确认，该项目发票号12345678、12345679的增值税专用发票系虚开，设备实际未购置。\"}";
		HttpResponse<String> restarted = lcIndustry.postJson("/api/clawbacks", taxFinding);
		assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(201);
		JsonNode second = JSON.readTree(restarted.body());
		assertThat(second.get("round").asInt()).isEqualTo(2);
		assertThat(second.get("status").asText()).isEqualTo("DETERMINING");
		HttpResponse<String> twice = lcIndustry.postJson("/api/clawbacks", taxFinding);
		assertThat(twice.statusCode()).as("one open at a time").isEqualTo(409);
		assertThat(twice.body()).contains("该项目已有追回程序，不能重复启动");
		// It holds the rest of the payment again.
		HttpResponse<String> held = submit(as("gx-finance"), claim, "Task_RecordPayment", Map.of("decision", "APPROVE",
				"opinion", "三期拨付。", "paymentDate", TODAY.toString(), "paidAmount", 7000, "voucherNo", "GK-2026-R3"));
		assertThat(held.statusCode()).as(held.body()).isEqualTo(400);
		assertThat(held.body()).contains("正在追回程序中", "暂停拨付");

		// Its own determination, confirmation, notice and decision.
		assertThat(submit(lcIndustry, claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "税务机关确认发票虚开，追回已拨付的奖补资金。", "clawbackAmount", 30000,
						"repaymentDeadline", review.workingDay(TODAY.plusDays(30)).toString(), "listNegative", false))
			.statusCode()).isIn(200, 204);
		assertThat(submit(as("gx-finance"), claim, "Task_ConfirmClawback", Map.of("decision", "APPROVE", "opinion",
				"与拨付记录核对一致，已拨付30,000元。", "repaymentAccount", "冠县财政局国库存款账户，账号 1610 0012 0900 0088 888"))
			.statusCode()).isIn(200, 204);
		review.runJobs(claim);
		JsonNode notice = JSON.readTree(enterprise.get("/api/applications/" + claim.id() + "/clawback/notice").body());
		String secondNotice = notice.get("number").asText();
		assertThat(secondNotice).isNotEqualTo(firstNotice);
		assertThat(notice.get("open").asBoolean()).as("the second notice is open for an answer").isTrue();
		assertThat(enterprise.postJson("/api/applications/" + claim.id() + "/clawback/waiver", "{}").statusCode())
			.isEqualTo(200);
		review.runJobs(claim);

		ReviewFixture.Issued issued = review.issued(claim, DecisionType.CLAWBACK_DECIDED);
		assertThat(issued.text()).contains("追回财政奖补资金决定书", "增值税专用发票系虚开", "追回你单位该项目设备更新奖补资金人民币30,000.00元", secondNotice)
			.doesNotContain(firstNotice, statement, "发票号12345678的增值税发票系虚开");
		List<Map<String, Object>> rounds = jdbc
			.sql("SELECT round_no, status, decision_id FROM clawback WHERE application_id = ? ORDER BY round_no")
			.param(claim.id())
			.query()
			.listOfRows();
		assertThat(rounds).hasSize(2);
		assertThat(rounds.get(0)).containsEntry("status", "DROPPED").containsEntry("decision_id", null);
		assertThat(((Number) rounds.get(1).get("decision_id")).longValue()).isEqualTo(issued.decision().id());
		assertThat(clawbackProcesses(claim)).hasSize(2).doesNotHaveDuplicates();
		JsonNode decided = JSON.readTree(enterprise.get("/api/applications/" + claim.id() + "/clawback").body());
		assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
		assertThat(decided.get("decisionNumber").asText()).isEqualTo(issued.decision().number());

		// The bureaus' list shows both, the enterprise's page the second as current.
		List<JsonNode> listed = new ArrayList<>();
		JSON.readTree(lcIndustry.get("/api/clawbacks").body())
			.forEach(c -> listed.add(c.get("applicationId").asLong() == claim.id() ? c : null));
		assertThat(listed.stream()
			.filter(java.util.Objects::nonNull)
			.map(c -> c.get("round").asInt() + c.get("status").asText()))
			.containsExactlyInAnyOrder("1DROPPED", "2DECIDED");
		assertThat(lcIndustry.get("/clawbacks").body()).contains("待缴回（第 2 次追回）");
		assertThat(enterprise.get("/enterprise/applications/" + claim.id()).body()).contains("第 2 次（本次）", "此前的追回程序",
				"经核查不予追回，程序已终止", issued.decision().number());
		// Decided: no clawback follows it.
		HttpResponse<String> afterDecision = lcIndustry.postJson("/api/clawbacks", taxFinding);
		assertThat(afterDecision.statusCode()).isEqualTo(409);
		assertThat(afterDecision.body()).contains("已作出决定（" + issued.decision().number(), "不能再次启动追回程序");
	}

	/** The clawback process instances recorded for the case, its first round first. */
	private List<String> clawbackProcesses(Case claim) {
		return jdbc.sql("""
				SELECT process_instance_id FROM after_award_process
				WHERE application_id = ? AND process_key = 'clawback' ORDER BY round_no""")
			.param(claim.id())
			.query(String.class)
			.list();
	}

	/**
	 * The county finance bureau confirmed ten days after the bureau determined a 20-day
	 * deadline: the decision does not state a deadline with ten days left (less than the
	 * 15 the rule allows) but the 20 days the bureau gave, counted from the decision.
	 */
	@Test
	@Order(6)
	void aDeadlineShortenedByALateConfirmationIsCountedAgainFromTheDecision() throws Exception {
		Case claim = allocatedSubsidy();
		pay(claim, 30000, "GK-2026-CB8");
		announce(claim, ClawbackDue.Cause.ACCEPTANCE_FAILED, "验收组认定两台设备型号与申报不符，验收不合格。");
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "追回已拨付的奖补资金。", "clawbackAmount", 30000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		// As if determined ten days ago.
		assertThat(jdbc.sql("""
				UPDATE clawback SET determined_at = determined_at - INTERVAL '10 days', deadline = ?
				WHERE application_id = ?""").params(TODAY.plusDays(10), claim.id()).update()).isEqualTo(1);

		assertThat(submit(as("gx-finance"), claim, "Task_ConfirmClawback", Map.of("decision", "APPROVE", "opinion",
				"与拨付记录核对一致。", "repaymentAccount", "冠县财政局国库存款账户，账号 1610 0012 0900 0088 888"))
			.statusCode()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		LocalDate due = review.workingDay(TODAY.plusDays(20));
		assertThat(review.issued(claim, DecisionType.CLAWBACK_DECIDED).text())
			.contains("请于" + due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日前（含当日）")
			.doesNotContain("请于" + TODAY.plusDays(10).getYear() + "年" + TODAY.plusDays(10).getMonthValue() + "月"
					+ TODAY.plusDays(10).getDayOfMonth() + "日前");
		JsonNode clawback = JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body());
		assertThat(clawback.get("deadline").asText()).isEqualTo(due.toString());
		assertThat(review.history(claim)).anySatisfy(line -> assertThat(line).contains("重新计算", due.toString()));
		// After the decision, nothing more of the allocation is paid: the after-award
		// process, which waited for the rest of the payment, has ended.
		assertThat(tasks(as("gx-finance"), claim, "Task_RecordPayment")).isEmpty();
		assertThat(review.hasActive(claim, "subsidy-aftercare")).isFalse();
	}

	/**
	 * Nothing is recorded as paid, but the county finance bureau paid outside the record:
	 * it returns the revocation with its payment, and the bureau determines a recovery
	 * instead.
	 */
	@Test
	@Order(7)
	void aBureauThatPaidOutsideTheRecordReturnsTheRevocationAndARecoveryIsDecided() throws Exception {
		Case claim = allocatedSubsidy();
		review.runJobs(claim);
		assertThat(as("lc-industry").postJson("/api/clawbacks", start(claim.id())).statusCode()).isEqualTo(201);
		assertThat(submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "发票系虚开，撤销全部已下达的奖补资金。", "listNegative", false))
			.statusCode()).isIn(200, 204);
		assertThat(submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "REFUSE", "opinion", "本局已于2026年11月3日线下拨付37,000元（凭证号GK-2026-OFF1），系统未登记。"))
			.statusCode()).isIn(200, 204);
		HttpResponse<String> recovery = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "据县级财政局拨付记录，追回已拨付的奖补资金。", "clawbackAmount", 37000,
						"repaymentDeadline", review.workingDay(TODAY.plusDays(30)).toString(), "listNegative", false));
		assertThat(recovery.statusCode()).as(recovery.body()).isIn(200, 204);
		assertThat(submit(as("gx-finance"), claim, "Task_ConfirmClawback", Map.of("decision", "APPROVE", "opinion",
				"与本局拨付凭证核对一致。", "repaymentAccount", "冠县财政局国库存款账户，账号 1610 0012 0900 0088 888"))
			.statusCode()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		assertThat(review.allDecisions(claim)).contains(DecisionType.CLAWBACK_DECIDED)
			.doesNotContain(DecisionType.SUBSIDY_REVOKED);
		assertThat(review.issued(claim, DecisionType.CLAWBACK_DECIDED).text())
			.contains("追回你单位该项目设备更新奖补资金人民币37,000.00元");
		assertThat(JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body()).get("status").asText())
			.isEqualTo("DECIDED");
	}

	// ------------------------------------------------------------------------------------------------
	// helpers

	/**
	 * Allocated, and paid in full by the county finance bureau, as before an acceptance.
	 */
	private Case paidSubsidy() {
		Case claim = allocatedSubsidy();
		pay(claim, 37000, "GK-2026-" + claim.id());
		return claim;
	}

	private void pay(Case claim, int amount, String voucher) {
		review.runJobs(claim);
		HttpResponse<String> paid = submit(as("gx-finance"), claim, "Task_RecordPayment", Map.of("decision", "APPROVE",
				"opinion", "拨付奖补资金。", "paymentDate", TODAY.toString(), "paidAmount", amount, "voucherNo", voucher));
		assertThat(paid.statusCode()).as(paid.body()).isIn(200, 204);
	}

	private Case allocatedSubsidy() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), INVOICED);
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_ALLOCATED);
		return claim;
	}

	/**
	 * What the after-award process does: publishes the event in the transaction that
	 * records the finding, the city industry bureau's on-site acceptance opinion of
	 * record (不通过 for a failed acceptance, 限期整改 for a lapsed rectification), given in the
	 * case's after-award process, which the clawback's decision rests on.
	 */
	private void announce(Case claim, ClawbackDue.Cause cause, String facts) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			review.recordOnsiteAcceptanceFinding(claim,
					cause == ClawbackDue.Cause.RECTIFICATION_LAPSED ? "RETURN" : "REFUSE", facts);
			events.publishEvent(new ClawbackDue(claim.id(), cause, facts, "lc-industry"));
		});
	}

	private void determineAndConfirm(Case claim, int amount, boolean list, int months) throws IOException {
		Map<String, Object> form = new java.util.HashMap<>(
				Map.of("decision", "APPROVE", "opinion", "核定追回全部奖补资金。", "clawbackAmount", amount, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", list));
		if (list) {
			form.put("listMonths", months);
		}
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback", form);
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback", Map.of("decision",
				"APPROVE", "opinion", "与拨付记录核对一致。", "repaymentAccount", "冠县财政局国库存款账户，账号 1610 0012 0900 0088 888"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(claim);
		// Notified, not decided: the enterprise reads the intended decision in the prior
		// notice, not the bureaus' working figures through the API.
		JsonNode notified = JSON
			.readTree(as(DemoUsers.ENTERPRISE).get("/api/applications/" + claim.id() + "/clawback").body());
		assertThat(notified.get("status").asText()).isEqualTo("NOTIFIED");
		for (String field : List.of("amount", "deadline", "listMonths", "repaymentAccount", "outstanding")) {
			assertThat(notified.hasNonNull(field)).as(field).isFalse();
		}
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);
		JsonNode decided = JSON
			.readTree(as(DemoUsers.ENTERPRISE).get("/api/applications/" + claim.id() + "/clawback").body());
		assertThat(decided.get("amount").decimalValue()).isEqualByComparingTo(Integer.toString(amount));
		assertThat(decided.hasNonNull("deadline")).isTrue();
	}

	private static String formVariables(WebClient user, String taskId) {
		return user.get("/engine-rest/task/" + taskId + "/form-variables").body();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static List<JsonNode> tasks(WebClient user, Case claim, String taskKey) throws IOException {
		JsonNode list = JSON.readTree(
				user.get("/engine-rest/task?processInstanceBusinessKey=" + claim.id() + "&taskDefinitionKey=" + taskKey)
					.body());
		List<JsonNode> found = new ArrayList<>();
		list.forEach(found::add);
		return found;
	}

	/**
	 * Claims the task and submits its form as Tasklist does; returns the answer to
	 * submit-form.
	 */
	private static HttpResponse<String> submit(WebClient user, Case claim, String taskKey, Map<String, Object> values) {
		try {
			List<JsonNode> open = tasks(user, claim, taskKey);
			assertThat(open).as("%s at %s", taskKey, claim.id()).hasSize(1);
			String id = open.get(0).get("id").asText();
			user.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + userOf(user, open.get(0)) + "\"}");
			ObjectNode variables = JSON.createObjectNode();
			values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
			ObjectNode body = JSON.createObjectNode();
			body.set("variables", variables);
			return user.postJson("/engine-rest/task/" + id + "/submit-form", JSON.writeValueAsString(body));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static String userOf(WebClient user, JsonNode task) throws IOException {
		return JSON.readTree(user.get("/api/me").body()).get("userId").asText();
	}

	private static String start(long applicationId) {
		return "{\"applicationId\":" + applicationId + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}";
	}

	/**
	 * A clawback of {@code amount} decided, the whole of it recorded as paid today (in
	 * time) and not yet checked, and then the deadline's timer fired; returns the
	 * repayment's id.
	 */
	private long recordedInTimeThenDeadlinePassed(Case claim, int amount, String voucher) throws IOException {
		announce(claim, ClawbackDue.Cause.RECTIFICATION_LAPSED, "限期整改期满（2026年11月30日），企业未提交整改材料。");
		determineAndConfirm(claim, amount, false, 0);
		long id = JSON
			.readTree(as("gx-finance")
				.postJson("/api/clawbacks/" + claim.id() + "/repayments", repayment(Integer.toString(amount), voucher))
				.body())
			.at("/repayments/0/id")
			.asLong();
		review.fireTimer(claim, "TimerEvent_DeadlinePassed");
		return id;
	}

	/** A check of an entry of today's date for the given amount. */
	private static String check(String outcome, String amount, String note) {
		return check(outcome, amount, TODAY, note);
	}

	/** A check of an entry paid on {@code paidOn} for the given amount. */
	private static String check(String outcome, String amount, LocalDate paidOn, String note) {
		return "{\"outcome\":\"" + outcome + "\",\"amount\":" + amount + ",\"paidOn\":\"" + paidOn + "\""
				+ (note.isEmpty() ? "" : ",\"note\":\"" + note + "\"") + "}";
	}

	/**
	 * The payment day recorded for a repayment (moved back with the deadline when its
	 * timer fired, see {@link ReviewFixture#fireTimer}).
	 */
	private LocalDate paidOn(Case claim, long repaymentId) throws IOException {
		for (JsonNode r : JSON.readTree(as("lc-industry").get("/api/clawbacks/" + claim.id()).body())
			.get("repayments")) {
			if (r.get("id").asLong() == repaymentId) {
				return LocalDate.parse(r.get("paidOn").asText());
			}
		}
		throw new AssertionError("no repayment " + repaymentId + " on the clawback of " + claim.id());
	}

	private static String repayment(String amount, String voucher) {
		return "{\"paidOn\":\"" + TODAY + "\",\"amount\":" + amount + ",\"voucherNo\":\"" + voucher + "\"}";
	}

	private byte[] download(String user, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	/** Left in target/decisions/ for a person to look at (pdftoppm, pdfsig). */
	private static Path keep(String name, byte[] pdf) throws IOException {
		Files.createDirectories(Path.of("target", "decisions"));
		return Files.write(Path.of("target", "decisions", name + ".pdf"), pdf);
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return output;
	}

}
