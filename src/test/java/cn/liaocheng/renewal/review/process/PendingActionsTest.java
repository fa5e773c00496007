package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.EvidenceCategory;
import cn.liaocheng.renewal.aftercare.internal.PerformanceReport;
import cn.liaocheng.renewal.aftercare.internal.Upload;
import cn.liaocheng.renewal.application.PendingAction;
import cn.liaocheng.renewal.application.PendingActions;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The enterprise's 需要您处理 list holds every step that waits for it, not only the
 * application's own: a correction, a bank's grant to accept, and after the award an
 * acceptance application, a rectification, a performance report, the statement on a
 * clawback's prior notice and a repayment — each with its deadline (or none, where the
 * process sets none) and a link to where it is done, for its own enterprise only, and
 * gone once done or once its time has passed.
 */
@WebIntegrationTest
class PendingActionsTest extends ReviewProcessTest {

	private static final LocalDate TODAY = ChinaTime.today();

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	PendingActions pending;

	@Autowired
	EnterpriseSteps steps;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	PendingActionsTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldListAReturnedCaseUntilItsCorrectionDeadlineAndNotOnceResubmitted() throws Exception {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		Instant deadline = review.outcomes(project).correctionDeadline();

		assertThat(actions(project)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("待补正");
			assertThat(a.todo()).contains("请按退回理由修改后重新提交");
			assertThat(a.lastDay()).isEqualTo(LocalDate.ofInstant(deadline, ChinaTime.ZONE));
			assertThat(a.workingDaysLeft()).isEqualTo(10);
			assertThat(a.link()).isEqualTo(page(project) + "#action-needed");
			assertThat(a.referenceNo()).isEqualTo(review.referenceNo(project));
		});
		assertKeptFromAnotherEnterprise(project);
		assertTheApiAnswersTheSame(project);

		// The deadline has passed, the engine's timer not yet fired: nothing can be done.
		review.recordCorrectionDeadline(project, Instant.now().minusSeconds(1));
		assertThat(actions(project)).isEmpty();
		review.recordCorrectionDeadline(project, deadline);
		assertThat(actions(project)).hasSize(1);

		review.resubmit(project);
		assertThat(actions(project)).isEmpty();
	}

	@Test
	void shouldListABanksGrantUntilTheEnterpriseAcceptsOne() {
		Case loan = review.listedLoan("icbc");
		assertThat(actions(loan)).as("while the bank reviews").isEmpty();

		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		assertThat(actions(loan)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("待确认贷款");
			assertThat(a.lastDay()).as("the loan process sets no deadline").isNull();
			assertThat(a.link()).isEqualTo(page(loan) + "#loan-offers");
		});
		assertKeptFromAnotherEnterprise(loan);

		review.acceptOnly(loan, "icbc");
		assertThat(actions(loan)).isEmpty();
	}

	@Test
	void shouldListTheAcceptanceApplicationOncePaidInFullAndAgainWhenTheCountySendsItBack() {
		Case claim = allocatedClaim();
		assertThat(actions(claim)).as("nothing to do while the county pays").isEmpty();
		pay(claim);

		assertThat(actions(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("待申请验收");
			assertThat(a.todo()).contains("已全额拨付", "申请项目验收");
			assertThat(a.lastDay()).as("the model sets no deadline").isNull();
			assertThat(a.link()).isEqualTo(page(claim) + "#acceptance-form");
		});
		assertKeptFromAnotherEnterprise(claim);
		assertThat(enterprise().get("/").body()).contains("href=\"" + page(claim) + "#acceptance-form\"", "无办理期限");

		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。", acceptanceEvidence());
		review.runJobs(claim);
		assertThat(actions(claim)).isEmpty();

		review.decide(claim, "Task_CountyAcceptanceCheck", "RETURN", "竣工决算未加盖公章，请补充。");
		assertThat(actions(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("验收材料待补充");
			assertThat(a.todo()).contains("县级验收初核退回");
		});
		String casePage = enterprise().get(page(claim)).body();
		assertThat(casePage).as("the case page says the same as the list")
			.contains("需要您处理：验收材料待补充", "县级验收初核退回，请按")
			.doesNotContain("项目建成投用后，请在");
	}

	@Test
	void shouldListAnOrderedRectificationWithItsDeadlineUntilSubmittedOrTooLate() {
		Case claim = acceptanceAtCity();
		LocalDate deadline = review.workingDay(TODAY.plusDays(10));
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备未接入生产线，请整改后报验。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);

		assertThat(actions(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("限期整改");
			assertThat(a.todo()).contains("逾期未提交的，转入奖补资金追回程序");
			assertThat(a.lastDay()).isEqualTo(deadline);
			assertThat(a.workingDaysLeft()).isPositive();
			assertThat(a.link()).isEqualTo(page(claim) + "#rectification-form");
		});
		assertKeptFromAnotherEnterprise(claim);
		String home = enterprise().get("/").body();
		assertThat(home).contains("href=\"" + page(claim) + "#rectification-form\"", "提交整改材料",
				deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日");
		// A lapse opens the clawback procedure, which may find nothing to recover: the
		// case page promises no recovery.
		assertThat(enterprise().get(page(claim)).body()).contains("逾期未提交的，转入奖补资金追回程序").doesNotContain("依规追回");

		// The last day has passed, the timer not yet fired: too late to list.
		setRectificationDeadline(claim, TODAY.minusDays(1));
		assertThat(actions(claim)).isEmpty();
		setRectificationDeadline(claim, deadline);

		steps.submitRectification(review.enterprise(), claim.id(), "已将除尘设备接入生产线。",
				List.of(pdf(EvidenceCategory.RECTIFICATION, "整改报告.pdf")));
		review.runJobs(claim);
		assertThat(actions(claim)).isEmpty();
	}

	@Test
	void shouldListThePerformanceReportOnceRequestedUntilItIsSent() {
		Case claim = acceptanceAtCity();
		review.decide(claim, "Task_CityOnsiteAcceptance", "APPROVE", "现场核查设备到位、运行正常，验收通过。");
		assertThat(actions(claim)).as("before the time set after acceptance").isEmpty();

		review.fireTimer(claim, "Event_PerformanceDue");
		assertThat(actions(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("待报送绩效自评");
			assertThat(a.lastDay()).as("the model sets no deadline").isNull();
			assertThat(a.link()).isEqualTo(page(claim) + "#performance-form");
		});
		assertKeptFromAnotherEnterprise(claim);

		steps.reportPerformance(review.enterprise(), claim.id(),
				new PerformanceReport("9000000", "120.5", "2", "关键工序数控化率 80%", "项目投产后产值和能耗达到预期。"), List.of());
		review.runJobs(claim);
		assertThat(actions(claim)).isEmpty();
	}

	@Test
	void shouldListTheStatementOnAPriorNoticeUntilAnsweredOrThePeriodEnds() {
		Case claim = notifiedClawback();
		LocalDate lastDay = workingDays.plusWorkingDays(TODAY, 5);

		assertThat(statements(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("追回事先告知");
			assertThat(a.todo()).contains("事先告知书（聊工信追告〔", "视为放弃");
			assertThat(a.lastDay()).isEqualTo(lastDay);
			assertThat(a.workingDaysLeft()).isEqualTo(5);
			assertThat(a.link()).isEqualTo(page(claim) + "#prior-notice");
		});
		assertKeptFromAnotherEnterprise(claim);
		assertThat(enterprise().get("/").body()).contains("href=\"" + page(claim) + "#prior-notice\"", "含当日，还剩 5 个工作日");

		// The period ended, the timer not yet fired: a statement is no longer taken.
		Timestamp endsAt = jdbc.sql("SELECT ends_at FROM clawback_notice WHERE clawback_id = " + CLAWBACK_OF)
			.param(claim.id())
			.query(Timestamp.class)
			.single();
		setNoticeEnd(claim, Timestamp.from(Instant.now().minusSeconds(1)));
		assertThat(statements(claim)).isEmpty();
		setNoticeEnd(claim, endsAt);
		assertThat(statements(claim)).hasSize(1);

		assertThat(enterprise().postJson("/api/applications/" + claim.id() + "/clawback/waiver", "{}").statusCode())
			.isEqualTo(200);
		assertThat(statements(claim)).isEmpty();
	}

	@Test
	void shouldListARepaymentUntilTheCountyHasRecordedPaymentsCoveringIt() {
		Case claim = notifiedClawback();
		assertThat(enterprise().postJson("/api/applications/" + claim.id() + "/clawback/waiver", "{}").statusCode())
			.isEqualTo(200);
		review.runJobs(claim);
		LocalDate deadline = review.workingDay(TODAY.plusDays(30));
		assertThat(statements(claim)).isEmpty();

		assertThat(actions(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("缴回奖补资金");
			assertThat(a.todo()).contains("追回决定书（", "缴回 37,000.00 元").doesNotContain("复核");
			assertThat(a.lastDay()).isEqualTo(deadline);
			assertThat(a.overdue()).isFalse();
			assertThat(a.link()).isEqualTo(page(claim) + "#clawback");
		});
		assertKeptFromAnotherEnterprise(claim);

		// Past its deadline it stays, as overdue.
		jdbc.sql("UPDATE clawback SET status = 'OVERDUE', deadline = ? WHERE application_id = ?")
			.params(Date.valueOf(TODAY.minusDays(1)), claim.id())
			.update();
		assertThat(actions(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("逾期未缴清");
			assertThat(a.overdue()).isTrue();
		});
		assertThat(enterprise().get("/").body()).contains("已逾期");
		jdbc.sql("UPDATE clawback SET status = 'DECIDED', deadline = ? WHERE application_id = ?")
			.params(Date.valueOf(deadline), claim.id())
			.update();

		WebClient finance = new WebClient(port).withBasic("gx-finance", DemoUsers.PASSWORD);
		String repayments = "/api/clawbacks/" + claim.id() + "/repayments";
		assertThat(finance.postJson(repayments, repayment("10000", "PA-1-" + claim.id())).statusCode()).isEqualTo(200);
		assertThat(actions(claim)).singleElement()
			.satisfies(a -> assertThat(a.todo()).contains("缴回 27,000.00 元", "已登记的缴款 10,000.00 元，正待县级财政部门复核"));
		assertThat(finance.postJson(repayments, repayment("27000", "PA-2-" + claim.id())).statusCode()).isEqualTo(200);
		assertThat(actions(claim)).as("everything owed is recorded as paid; its check is the bureau's").isEmpty();
	}

	// --- helpers

	private static final String CLAWBACK_OF = "(SELECT id FROM clawback WHERE application_id = ?)";

	private List<PendingAction> actions(Case c) {
		return pending.of(review.enterprise()).stream().filter(a -> a.applicationId() == c.id()).toList();
	}

	/**
	 * The statement on the prior notice only: while a clawback is determined, the
	 * after-award process may still wait for an acceptance application.
	 */
	private List<PendingAction> statements(Case c) {
		return actions(c).stream().filter(a -> a.link().endsWith("#prior-notice")).toList();
	}

	/**
	 * {@code GET /api/applications/actions} answers the enterprise's list as its start
	 * page shows it; another enterprise's answer never holds the case, nor a reviewer's.
	 */
	private void assertTheApiAnswersTheSame(Case c) throws Exception {
		List<PendingAction> expected = pending.of(review.enterprise());
		{
			HttpResponse<String> answer = enterprise().get("/api/applications/actions");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			JsonNode list = JSON.readTree(answer.body());
			assertThat(list).hasSize(expected.size());
			JsonNode mine = null;
			for (JsonNode item : list) {
				if (item.get("applicationId").asLong() == c.id()) {
					mine = item;
				}
			}
			assertThat(mine).as("the case in %s", answer.body()).isNotNull();
			PendingAction shown = expected.stream().filter(a -> a.applicationId() == c.id()).findFirst().orElseThrow();
			assertThat(mine.get("step").asText()).isEqualTo(shown.step());
			assertThat(mine.get("lastDay").asText()).isEqualTo(shown.lastDay().toString());
			assertThat(mine.get("workingDaysLeft").asInt()).isEqualTo(shown.workingDaysLeft());
			assertThat(mine.get("link").asText()).isEqualTo(shown.link());
		}
		HttpResponse<String> other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD)
			.get("/api/applications/actions");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).doesNotContain("\"applicationId\":" + c.id() + ",");
		HttpResponse<String> reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.get("/api/applications/actions");
		assertThat(reviewer.statusCode()).isIn(200, 403);
		assertThat(reviewer.body()).doesNotContain("\"applicationId\":" + c.id() + ",");
	}

	/**
	 * Another enterprise's list never holds the case, and the link is "not found" to it.
	 */
	private void assertKeptFromAnotherEnterprise(Case c) {
		assertThat(pending.of(review.user(DemoUsers.OTHER_ENTERPRISE))).noneMatch(a -> a.applicationId() == c.id());
		WebClient other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
		HttpResponse<String> home = other.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).doesNotContain(page(c) + "\"", page(c) + "#");
		assertThat(other.get(page(c)).statusCode()).isEqualTo(404);
	}

	private static String page(Case c) {
		return "/enterprise/applications/" + c.id();
	}

	private WebClient enterprise() {
		return new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	private void setRectificationDeadline(Case c, LocalDate deadline) {
		jdbc.sql("UPDATE aftercare_finding SET deadline = ? WHERE application_id = ? AND deadline IS NOT NULL")
			.params(Date.valueOf(deadline), c.id())
			.update();
	}

	private void setNoticeEnd(Case c, Timestamp endsAt) {
		jdbc.sql("UPDATE clawback_notice SET ends_at = ? WHERE clawback_id = " + CLAWBACK_OF)
			.params(endsAt, c.id())
			.update();
	}

	/** A 37 000-yuan subsidy of ent-gx, allocated, the after-award process started. */
	private Case allocatedClaim() {
		return review.allocatedSubsidy();
	}

	private void pay(Case claim) {
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", TODAY.toString(), "paidAmount", 37000.0, "voucherNo", "GK-PA-" + claim.id()));
		review.runJobs(claim);
	}

	private Case acceptanceAtCity() {
		Case claim = allocatedClaim();
		pay(claim);
		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。", acceptanceEvidence());
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "材料齐全，报市级验收。");
		return claim;
	}

	/**
	 * A paid subsidy whose clawback for false material the city industry bureau
	 * determined (37 000 yuan, due in 30 days) and 冠县's finance bureau confirmed; the
	 * prior notice given.
	 */
	/**
	 * Nothing was paid, so the intended decision recovers nothing: the card does not
	 * announce a recovery.
	 */
	@Test
	void shouldNotAnnounceARecoveryWhenNothingWasPaid() {
		Case claim = allocatedClaim();
		WebClient industry = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD);
		HttpResponse<String> started = industry.postJson("/api/clawbacks",
				"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		review.complete(review.task(claim, "Task_DetermineClawback"),
				Map.of("decision", "APPROVE", "opinion", "发票系虚开，尚未拨付的奖补资金不再拨付。", "listNegative", false));
		review.complete(review.task(claim, "Task_ConfirmClawback"), Map.of("decision", "APPROVE", "opinion", "尚未拨付。"));
		review.runJobs(claim);

		assertThat(statements(claim)).singleElement().satisfies(a -> {
			assertThat(a.step()).isEqualTo("追回事先告知");
			assertThat(a.todo()).contains("拟对尚未拨付的奖补资金作出处理决定", "事先告知书（聊工信追告〔").doesNotContain("追回决定");
		});
	}

	private Case notifiedClawback() {
		Case claim = allocatedClaim();
		pay(claim);
		WebClient industry = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD);
		HttpResponse<String> started = industry.postJson("/api/clawbacks",
				"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		review.complete(review.task(claim, "Task_DetermineClawback"),
				Map.of("decision", "APPROVE", "opinion", "发票系虚开，追回奖补资金。", "clawbackAmount", 37000.0,
						"repaymentDeadline", review.workingDay(TODAY.plusDays(30)).toString(), "listNegative", false));
		review.complete(review.task(claim, "Task_ConfirmClawback"),
				Map.of("decision", "APPROVE", "opinion", "与拨付记录核对一致。"));
		review.runJobs(claim);
		return claim;
	}

	private static String repayment(String amount, String voucher) {
		return "{\"paidOn\":\"" + TODAY + "\",\"amount\":" + amount + ",\"voucherNo\":\"" + voucher + "\"}";
	}

	private static List<Upload> acceptanceEvidence() {
		return List.of(pdf(EvidenceCategory.COMMISSIONING, "调试运行记录.pdf"), pdf(EvidenceCategory.PHOTO, "现场照片.pdf"),
				pdf(EvidenceCategory.FINAL_ACCOUNTS, "竣工决算.pdf"));
	}

	private static Upload pdf(EvidenceCategory category, String name) {
		return new Upload(category, name,
				("%PDF-1.4\n% " + category + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
	}

}
