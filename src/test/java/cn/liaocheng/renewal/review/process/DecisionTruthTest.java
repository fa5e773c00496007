package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.statistics.internal.StatTable;
import cn.liaocheng.renewal.statistics.internal.StatisticsScope;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Proof tests of the review of what signed decisions state: each sentence checked against
 * the case's record. A test here fails where the decision states something the record
 * does not support.
 */
@WebIntegrationTest
class DecisionTruthTest extends ReviewProcessTest {

	private final JdbcClient jdbc;

	private final Dashboard dashboard;

	@LocalServerPort
	int port;

	@Autowired
	DecisionTruthTest(ApplicationContext context, JdbcClient jdbc) {
		super(context);
		this.jdbc = jdbc;
		this.dashboard = context.getBean(Dashboard.class);
	}

	/**
	 * A project returned for correction: the enterprise edits the dossier in the portal
	 * but never resubmits; the case lapses. The lapse decision must state the dossier as
	 * submitted and reviewed (总投资 12,000,000, its project name), not the edits nobody
	 * reviewed.
	 */
	@Test
	void lapseStatesTheDossierAsSubmittedNotTheUnsubmittedEdits() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.correct(project, form -> {
			form.setProjectName("从未提交的新项目名称");
			form.setTotalInvestment("99000000.00");
			form.setEquipmentInvestment("88000000.00");
		});

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");

		ReviewFixture.Issued lapse = review.issued(project, DecisionType.APPLICATION_LAPSED);
		assertThat(lapse.text()).doesNotContain("从未提交的新项目名称", "99,000,000", "88,000,000").contains("冠县轴承生产线绿色化改造项目");
		// The enterprise's message of the decision names the application as submitted.
		String told = jdbc.sql("SELECT body FROM notification WHERE application_id = ? AND kind = 'CASE_DECIDED'")
			.param(project.id())
			.query(String.class)
			.single();
		assertThat(told).contains("冠县轴承生产线绿色化改造项目").doesNotContain("从未提交的新项目名称");
	}

	/**
	 * An application submitted before the submitted dossier was kept (no row of it):
	 * returned for correction, its dossier as it stands then is the one submitted, kept
	 * as the correction opens, before any edit.
	 */
	@Test
	void anApplicationSubmittedBeforeSubmissionsWereKeptLapsesAsSubmitted() {
		Case project = review.submitProject(7);
		jdbc.sql("DELETE FROM application_submission WHERE application_id = ?").param(project.id()).update();
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.correct(project, form -> form.setProjectName("从未提交的新项目名称"));

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");

		assertThat(review.issued(project, DecisionType.APPLICATION_LAPSED).text()).doesNotContain("从未提交的新项目名称")
			.contains("冠县轴承生产线绿色化改造项目");
	}

	/**
	 * Resubmitted after a correction, the dossier as resubmitted is the one the decisions
	 * state: the edits count once they are submitted.
	 */
	@Test
	void aResubmittedCorrectionIsStatedAsResubmitted() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.correct(project, form -> form.setProjectName("补正后重新提交的项目名称"));
		review.resubmit(project);
		review.decide(project, "Task_CountyFormalReview", "REFUSE");

		assertThat(review.issued(project, DecisionType.PROJECT_NOT_RECOMMENDED).text()).contains("补正后重新提交的项目名称");
	}

	/**
	 * A loan returned for correction: the enterprise raises the amount it asks for in the
	 * portal but never resubmits. The lapse names the banks of the submission (as
	 * {@code DecisionIssuing.lender} takes care to); the amount asked must be the
	 * submitted one too.
	 */
	@Test
	void loanLapseStatesTheAmountAskedAsSubmitted() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.decide(loan, "Task_CountyFormalReview", "RETURN");
		Object askedInTheCounty = loansAskedIn("371525");
		review.correct(loan, form -> {
			form.setLoanAmount("11000000.00");
			form.setLoanTermMonths("48");
		});
		// The statistics count the amount asked as submitted too, not the unsubmitted
		// edit.
		assertThat(loansAskedIn("371525")).isEqualTo(askedInTheCounty);

		review.fireTimer(loan, "BoundaryEvent_CorrectionOverdue");

		ReviewFixture.Issued lapse = review.issued(loan, DecisionType.APPLICATION_LAPSED);
		assertThat(lapse.text()).contains("申请贷款金额：人民币10,000,000.00元", "申请贷款期限：36个月")
			.doesNotContain("11,000,000", "48个月");
	}

	/**
	 * A claim refused after its amount was computed (here by the finance bureau at the
	 * allocation): the amount was never granted and the refusal does not state it, so the
	 * enterprise's API does not either.
	 */
	@Test
	void aClaimRefusedAfterItsAmountWasComputedShowsTheEnterpriseNoAmount() throws Exception {
		Case claim = review.subsidyAtAllocation();
		assertThat(review.outcomes(claim).subsidyAmount()).isNotNull();
		review.decide(claim, "Task_FinanceAllocation", "REFUSE", "预算指标不足，不予下达。");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.REFUSED);
		// The result says what the finance bureau's document decides.
		assertThat(review.history(claim)).anySatisfy(line -> assertThat(line).contains("办理结果：不予下达奖补资金"))
			.noneSatisfy(line -> assertThat(line).contains("办理结果：不予奖补"));

		String body = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/api/applications/" + claim.id())
			.body();
		assertThat(new ObjectMapper().readTree(body).path("outcomes").hasNonNull("subsidyAmount")).as(body).isFalse();
		assertThat(review.outcomes(claim).subsidyAmount()).as("kept on the record for the reviewers").isNotNull();
	}

	/** The statistics' loan amount asked (申请金额, 万元) in a county, all years. */
	private Object loansAskedIn(String division) {
		StatTable loans = dashboard.table("loans", new StatisticsScope(Set.of(division), null, true)).orElseThrow();
		assertThat(loans.headers().get(2)).isEqualTo("申请金额");
		return loans.rows().get(0).get(2);
	}

	/**
	 * Fraud found while a subsidy is being paid in instalments: 20,000 of the 37,000
	 * allocated were paid. The decision recovers the 20,000 and, as a further operative
	 * item, has the 17,000 not paid withdrawn (proposed for revocation to the allocating
	 * bureau). The prior notice, which the decision says told the enterprise the intended
	 * decision, must announce that item too.
	 */
	@Test
	void thePriorNoticeAnnouncesWhatTheDecisionDoesWithTheUnpaidRestOfTheAllocation() {
		Case claim = review.allocatedSubsidy();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "首期拨付。",
				"paymentDate", today.toString(), "paidAmount", 20000.0, "voucherNo", "GK-TRUTH-" + claim.id()));
		review.runJobs(claim);
		HttpResponse<String> started = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD)
			.postJson("/api/clawbacks",
					"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		review.complete(review.task(claim, "Task_DetermineClawback"),
				Map.of("decision", "APPROVE", "opinion", "追回已拨付的奖补资金。", "clawbackAmount", 20000, "repaymentDeadline",
						review.workingDay(today.plusDays(20)).toString(), "listNegative", false));
		review.runJobs(claim);
		review.complete(review.task(claim, "Task_ConfirmClawback"),
				Map.of("decision", "APPROVE", "opinion", "与拨付记录核对一致。"));
		review.runJobs(claim);
		String notice = jdbc.sql("""
				SELECT n.body FROM clawback_notice n JOIN clawback c ON c.id = n.clawback_id
				WHERE c.application_id = ?""").param(claim.id()).query(String.class).single();

		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);

		String decision = review.issued(claim, DecisionType.CLAWBACK_DECIDED).text();
		assertThat(decision).contains("已下达尚未拨付的奖补资金人民币17,000.00元");
		assertThat(notice).contains("追回你单位该项目设备更新奖补资金人民币20,000.00元").contains("17,000.00");
	}

}
