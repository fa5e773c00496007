package cn.liaocheng.renewal.review.process;

import static cn.liaocheng.renewal.review.process.TasklistSubmission.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.aftercare.PaymentHolds;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.process.ReviewFixture.Issued;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * What a clawback decision cites comes from the record: the allocation notice as issued
 * (its body, number and wording) and the integrity declaration as confirmed. The industry
 * bureau, which determines the clawback, does not revoke the finance bureau's allocation;
 * it lists only on the enterprise's recorded commitment.
 */
@WebIntegrationTest
class ClawbackOnTheRecordTest extends ReviewProcessTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentHolds holds;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ClawbackOnTheRecordTest(ApplicationContext context) {
		super(context);
	}

	/** The cases whose clawback this class started. */
	private final List<Long> started = new ArrayList<>();

	/**
	 * The demo enterprise serves the other classes of this context too: a listing a test
	 * left (an assertion failed before it lifted it) is lifted, so that the enterprise
	 * may apply again in theirs.
	 */
	@AfterEach
	void liftWhatThisClassListed() {
		for (long id : started) {
			for (long entry : jdbc.sql("""
					SELECT e.id FROM negative_list_entry e JOIN clawback c ON c.id = e.source_clawback_id
					WHERE c.application_id = ? AND e.lifted_at IS NULL""").param(id).query(Long.class).list()) {
				HttpResponse<String> lifted = as("lc-industry").postJson("/api/negative-list/" + entry + "/lift",
						"{\"reason\":\"测试结束，解除列入。\"}");
				assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
			}
		}
		started.clear();
	}

	@Test
	void shouldProposeTheRevocationOfAnUnpaidAllocationToTheBureauThatIssuedIt() {
		Case claim = allocatedSubsidy();
		// Two more of the enterprise's cases, made before it is listed below.
		Case running = allocatedSubsidy();
		Case free = allocatedSubsidy();
		Issued notice = review.issued(claim, DecisionType.SUBSIDY_ALLOCATED);
		assertThat(notice.text()).contains(AllocationTerms.ACCEPTANCE, AllocationTerms.RECOVERY);
		assertThat(textVersion(notice)).isEqualTo(AllocationTerms.VERSION);
		startForFalseMaterial(claim);

		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "发票系虚开。", "listNegative", true, "listMonths", 24));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "经核对，该项目奖补资金尚未拨付。"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		Issued issued = review.issued(claim, DecisionType.SUBSIDY_REVOCATION_PROPOSED);
		assertThat(issued.decision().issuingBodyName()).isEqualTo("聊城市工业和信息化局");
		assertThat(issued.text())
			.contains("财政奖补资金处理决定书",
					"由聊城市财政局以《奖补资金下达通知书》（" + notice.decision().number() + "）下达。本机关依据上述认定，建议聊城市财政局撤销该奖补资金的下达",
					"诚信承诺（2026-1版，于", "“如有弄虚作假、骗取或套取财政资金等行为，本单位同意退回已获得的全部资金，接受取消申报资格、记入信用记录等处理，并依法承担相应责任”",
					"依据你单位在上述诚信承诺中“接受取消申报资格、记入信用记录等处理”的承诺，将你单位列入聊城市工业领域设备更新负面清单，期限24个月", "向聊城市人民政府申请行政复议")
			.doesNotContain("撤销已下达你单位", "情节严重", "专款专用");
		assertThat(review.allDecisions(claim)).doesNotContain(DecisionType.SUBSIDY_REVOKED);
		String page = new WebClient(port).get("/verify?code=" + notice.decision().verificationCode()).body();
		assertThat(page).contains("其后已就该决定下达的奖补资金作出处理决定", "建议下达机关撤销").doesNotContain("该决定已被撤销");
		// Proposed, not revoked: the payment hold and the status say no more than that.
		assertThat(holds.heldFor(claim.id())).hasValueSatisfying(
				reason -> assertThat(reason).contains("经核查应予撤销", issued.decision().number(), "建议聊城市财政局撤销", "暂停拨付")
					.doesNotContain("已撤销", "不再拨付"));
		// A list asks for several cases' reasons at once: each case gets its own, and a
		// case nothing holds gets none.
		startForFalseMaterial(running);
		Map<Long, String> reasons = holds.reasons(List.of(claim.id(), running.id(), free.id(), -1L));
		assertThat(reasons).containsOnlyKeys(claim.id(), running.id());
		assertThat(reasons.get(claim.id())).contains("经核查应予撤销", issued.decision().number(), "建议聊城市财政局撤销");
		assertThat(reasons.get(running.id())).contains("正在追回程序中（", "暂停拨付")
			.doesNotContain("撤销", issued.decision().number());
		assertThat(holds.held(List.of(claim.id(), running.id(), free.id()))).isEqualTo(reasons.keySet());
		assertThat(submit(as("lc-industry"), running, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经复核，发票真实，设备已购置，不予追回。"))
			.statusCode()).isIn(200, 204);
		assertThat(holds.reasons(List.of(running.id()))).as("dropped, nothing holds it").isEmpty();
		// Nor does the case's history: the money is held, its revocation proposed.
		assertThat(jdbc
			.sql("SELECT message FROM application_event WHERE application_id = ? AND action = 'AFTERCARE_ENDED'")
			.param(claim.id())
			.query(String.class)
			.list()).singleElement()
			.asString()
			.contains(issued.decision().number(), "尚未拨付的奖补资金暂停拨付，已建议聊城市财政局撤销", "项目后续管理（拨付、验收、绩效评价）终止")
			.doesNotContain("不再拨付");
		assertThat(ClawbackStatus.REVOKED.label()).doesNotContain("已撤销");
		// The demo enterprise is shared with the other tests of this context.
		long entry = jdbc.sql("""
				SELECT e.id FROM negative_list_entry e JOIN clawback c ON c.id = e.source_clawback_id
				WHERE c.application_id = ?""").param(claim.id()).query(Long.class).single();
		// The bureau's pages ask before they list, lift or start a clawback, and say what
		// follows.
		String list = as("lc-industry").get("/negative-list").body();
		String entryRow = list.substring(list.indexOf("/negative-list/" + entry + "/lift"));
		assertThat(entryRow.substring(0, entryRow.indexOf("</form>"))).contains("data-enterprise=\"",
				"onsubmit=\"return confirm('解除后' + this.dataset.enterprise + '即可提交新的申报；解除不能撤回");
		assertThat(list).contains(
				"onsubmit=\"return confirm('列入后该企业在期限内不能提交新的项目入库、奖补资金和贷款申报，并立即收到通知；列入记录不能删除，只能由本局写明原因提前解除。确定列入负面清单？')\"");
		assertThat(as("lc-industry").get("/clawbacks").body())
			.contains("onsubmit=\"return confirm('启动后该项目尚未拨付的奖补资金立即暂停拨付，并通知企业；追回程序不能撤回，经核查不予追回的，在核定环节终止。确定启动追回？')\"");
		HttpResponse<String> lifted = as("lc-industry").postJson("/api/negative-list/" + entry + "/lift",
				"{\"reason\":\"测试结束，解除列入。\"}");
		assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
	}

	@Test
	void shouldQuoteNoCommitmentAndListNobodyWhenNoDeclarationIsRecorded() {
		Case claim = allocatedSubsidy();
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", TODAY.toString(), "paidAmount", 37000.0, "voucherNo", "GK-REC-" + claim.id()));
		review.runJobs(claim);
		// Submitted before the declaration was asked for: nothing recorded.
		jdbc.sql("UPDATE application SET declared_at = NULL, declaration_version = NULL WHERE id = ?")
			.param(claim.id())
			.update();
		startForFalseMaterial(claim);

		HttpResponse<String> listing = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "发票系虚开。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", true, "listMonths", 24));
		assertThat(listing.statusCode()).isNotIn(200, 204);
		assertThat(listing.body()).contains("没有记录载明“接受取消申报资格”的诚信承诺");
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "发票系虚开。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "与拨付记录核对一致。"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		Issued issued = review.issued(claim, DecisionType.CLAWBACK_DECIDED);
		assertThat(issued.text())
			.contains("你单位提供虚假申报材料获得财政奖补资金。", "本机关依据上述查明的事实认为，你单位已获得的奖补资金应予追回。",
					"本机关将有关事实移送财政部门，由财政部门依照《财政违法行为处罚处分条例》等规定依法处理。")
			.doesNotContain("诚信承诺", "负面清单", "建议", "第十四条", "依照该条规定");
		// All of it was paid: the decision holds nothing and proposes no revocation, and
		// the case's history says only that the after-award management ended.
		assertThat(jdbc
			.sql("SELECT message FROM application_event WHERE application_id = ? AND action = 'AFTERCARE_ENDED'")
			.param(claim.id())
			.query(String.class)
			.list()).singleElement()
			.asString()
			.isEqualTo("依据" + issued.decision().number() + "决定书，项目后续管理（拨付、验收、绩效评价）终止。");
	}

	/**
	 * A clawback for a failed acceptance whose determination listed the enterprise before
	 * listing was kept for fraud: the decision is issued without the listing, the case's
	 * history says why, and nobody is listed.
	 */
	@Test
	void shouldDropAListingDeterminedForAnotherCauseThanFraudAndSayWhy() {
		Case claim = allocatedSubsidy();
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", TODAY.toString(), "paidAmount", 37000.0, "voucherNo", "GK-ACC-" + claim.id()));
		review.runJobs(claim);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			review.recordOnsiteAcceptanceFinding(claim, "REFUSE", "验收组认定两台设备型号与申报不符，验收不合格。");
			events.publishEvent(new ClawbackDue(claim.id(), ClawbackDue.Cause.ACCEPTANCE_FAILED,
					"验收组认定两台设备型号与申报不符，验收不合格。", "lc-industry"));
		});
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "追回全部奖补资金。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		// As a determination recorded it before listing was for fraud only.
		assertThat(jdbc.sql("UPDATE clawback SET list_months = 24 WHERE application_id = ?").param(claim.id()).update())
			.isEqualTo(1);

		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "与拨付记录核对一致。"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		assertThat(review.issued(claim, DecisionType.CLAWBACK_DECIDED).text()).contains("该项目未通过项目验收")
			.doesNotContain("负面清单");
		assertThat(review.history(claim))
			.anySatisfy(line -> assertThat(line).contains("核定的列入负面清单24个月未写入决定", "“项目验收不合格”", "只有申报材料弄虚作假骗取资金的才列入负面清单"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM negative_list_entry e JOIN clawback c ON c.id = e.source_clawback_id
				WHERE c.application_id = ?""").param(claim.id()).query(Long.class).single()).isZero();
	}

	// --- helpers

	private Case allocatedSubsidy() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		return claim;
	}

	/**
	 * The start form takes the 申报编号 reviewers read everywhere (and still the number of
	 * the case page's address); an unknown one is said so.
	 */
	@Test
	void theStartFormTakesTheReferenceNumber() {
		Case claim = allocatedSubsidy();
		// A page form, as a browser sends it: in a signed-in session, with its token.
		WebClient industry = new WebClient(port);
		industry.login("lc-industry", DemoUsers.PASSWORD);
		String page = industry.get("/clawbacks").body();
		assertThat(page).contains("<label for=\"applicationId\">申报编号</label>");
		String csrf = java.net.URLEncoder.encode(WebClient.csrfTokenOf(page), java.nio.charset.StandardCharsets.UTF_8);
		String facts = java.net.URLEncoder.encode("经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。",
				java.nio.charset.StandardCharsets.UTF_8);

		industry.postForm("/clawbacks", "applicationId=BZ-0000-999999&facts=" + facts + "&_csrf=" + csrf);
		assertThat(industry.get("/clawbacks").body()).contains("没有申报编号为“BZ-0000-999999”的申报，请核对");

		HttpResponse<String> started = industry.postForm("/clawbacks",
				"applicationId=" + review.referenceNo(claim).toLowerCase() + "&facts=" + facts + "&_csrf=" + csrf);
		assertThat(started.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/clawbacks/" + claim.id()));
		assertThat(industry.get("/api/clawbacks/" + claim.id()).body()).contains("DETERMINING");
	}

	private void startForFalseMaterial(Case claim) {
		started.add(claim.id());
		HttpResponse<String> started = as("lc-industry").postJson("/api/clawbacks",
				"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
	}

	private String textVersion(Issued issued) {
		return jdbc.sql("SELECT text_version FROM decision WHERE id = ?")
			.param(issued.decision().id())
			.query(String.class)
			.single();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

}
