package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.notice.NoticeBoard;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The system signs no decision the record does not support, whatever a model, a variable
 * or a moved token says ({@code IssuingGrounds}).
 */
@WebIntegrationTest
class UnsupportedDecisionTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	Decisions decisions;

	@Autowired
	OpinionStore opinions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoticeBoard noticeBoard;

	@Autowired
	ApplicationStages stages;

	@Autowired
	UnsupportedDecisionTest(ApplicationContext context) {
		super(context);
	}

	/** project-registration with no review at all: start, sign, end. */
	static final String SKIP = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_X"
			    targetNamespace="http://liaocheng.cn/renewal/test">
			  <bpmn:process id="project-registration" name="项目入库" isExecutable="true" camunda:historyTimeToLive="P3650D">
			    <bpmn:startEvent id="StartEvent_Submitted"/>
			    <bpmn:sequenceFlow id="F1" sourceRef="StartEvent_Submitted" targetRef="Task_IssueRegistration"/>
			    <bpmn:serviceTask id="Task_IssueRegistration" camunda:asyncBefore="true" camunda:delegateExpression="${issueDecisionDelegate}">
			      <bpmn:extensionElements><camunda:inputOutput>
			        <camunda:inputParameter name="decisionType">PROJECT_REGISTERED</camunda:inputParameter>
			      </camunda:inputOutput></bpmn:extensionElements>
			    </bpmn:serviceTask>
			    <bpmn:sequenceFlow id="F2" sourceRef="Task_IssueRegistration" targetRef="EndEvent_Registered"/>
			    <bpmn:endEvent id="EndEvent_Registered"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Test
	void anAdministratorsModelCannotSignARegistrationNobodyReviewed() {
		HttpResponse<String> deployed = deploy("project-registration.bpmn", SKIP);
		if (deployed.statusCode() != 200) {
			return; // refused at deployment: the attack fails before it starts
		}
		String deploymentId = deployed.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
		try {
			Case c = review.submitProject(7);
			assertThatThrownBy(() -> review.runJobs(c)).hasMessageContaining("审核记录不支持")
				.hasMessageContaining("Task_CountyFormalReview");
			assertThat(opinions.forApplication(c.id())).isEmpty();
			assertThat(decisions.allForApplication(c.id())).isEmpty();
			assertThat(review.status(c)).isNotEqualTo(ApplicationStatus.APPROVED);
			assertThat(audited("DECISION_NOT_SUPPORTED", c)).isPositive();
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	@Test
	void aTokenMovedToTheIssuerBeforeAnyReviewSignsNothing() {
		Case c = review.submitProject(7);
		runtime.createProcessInstanceModification(c.process().getId())
			.startBeforeActivity("Task_IssueRegistration")
			.execute();

		assertThatThrownBy(() -> review.runJobs(c)).hasMessageContaining("审核记录不支持");
		assertThat(decisions.allForApplication(c.id())).isEmpty();
		assertThat(review.status(c)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	/**
	 * The lead bureau refused; a constant {@code reviewDecision} APPROVE, or a token
	 * moved to the registration's issuer, cannot turn that into 准予入库.
	 */
	@Test
	void aRefusalIsNotSignedAsARegistration() {
		Case c = review.submitProject(7);
		review.passCountyReview(c);
		review.passJointReview(c);
		review.complete(review.task(c, "Task_IndustryDecision"),
				Map.of("decision", "REFUSE", "opinion", ReviewFixture.opinionFor("REFUSE")));
		runtime.createProcessInstanceModification(c.process().getId())
			.cancelAllForActivity("Task_IssueRefusal")
			.startBeforeActivity("Task_IssueRegistration")
			.execute();

		assertThatThrownBy(() -> review.runJobs(c)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("Task_IndustryDecision");
		assertThat(decisions.allForApplication(c.id())).isEmpty();
		assertThat(review.status(c)).isNotEqualTo(ApplicationStatus.APPROVED);
	}

	/**
	 * An opinion recorded for a body by someone who is not its member (a task assigned
	 * past Tasklist's checks) is nobody's review of the case.
	 */
	@Test
	void anOpinionOfSomeoneOutsideTheBodyDoesNotCount() {
		Case c = review.submitProject(7);
		Task formal = review.task(c, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), DemoUsers.CITY_REVIEWER);
		review.complete(formal, Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
		review.runJobs(c);
		review.decide(c, "Task_CountyRecommendation", "APPROVE");
		review.passJointReview(c);
		review.complete(review.task(c, "Task_IndustryDecision"),
				Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));

		assertThatThrownBy(() -> review.runJobs(c)).hasMessageContaining(DemoUsers.CITY_REVIEWER)
			.hasMessageContaining("（" + ReviewFixture.COUNTY_INDUSTRY + "）的成员");
		assertThat(decisions.allForApplication(c.id())).isEmpty();
	}

	/**
	 * A task escalated to the body's lead (负责人) and completed by the lead counts as the
	 * body's: the lead is in the body's lead group, not in the body's own.
	 */
	@Test
	void theLeadsOpinionCountsForTheBody() {
		Case c = review.submitProject(7);
		review.decide(c, "Task_CountyFormalReview", "APPROVE");
		Task recommendation = review.task(c, "Task_CountyRecommendation");
		tasks.claim(recommendation.getId(), "gx-industry-lead");
		review.complete(recommendation, Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
		review.runJobs(c);
		review.passCityReview(c);

		assertThat(review.status(c)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.decision(c)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
	}

	/**
	 * Opinions recorded before membership was kept with them count as recorded, so a
	 * reviewer who has since left the body does not stop an in-flight case; one recorded
	 * without an assignee does not count.
	 */
	@Test
	void opinionsRecordedBeforeMembershipWasKeptCountUnlessNobodyGaveThem() {
		Case left = review.submitProject(7);
		review.passCountyReview(left);
		legacy(left, "Task_CountyFormalReview", "gx-former-reviewer");
		review.passCityReview(left);
		assertThat(review.decision(left)).isEqualTo(DecisionType.PROJECT_ACCEPTED);

		Case nobody = review.submitProject(7);
		review.passCountyReview(nobody);
		legacy(nobody, "Task_CountyFormalReview", "system");
		assertThatThrownBy(() -> review.passCityReview(nobody)).hasMessageContaining("system");
		assertThat(decisions.allForApplication(nobody.id())).isEmpty();
	}

	/**
	 * A model without the notice period's timer (here: the token moved past it) does not
	 * shorten the notice: the allocation is signed only once the period recorded when the
	 * notice began has ended, and then by the retried job.
	 */
	@Test
	void anAllocationIsNotSignedWhileItsNoticeRuns() {
		Case claim = onNotice();
		runtime.createProcessInstanceModification(claim.process().getId())
			.cancelAllForActivity(ReviewProcesses.NOTICE_PERIOD_ENDS)
			.startBeforeActivity("Task_FinanceAllocation")
			.execute();

		assertThatThrownBy(() -> review.decide(claim, "Task_FinanceAllocation", "APPROVE"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("公示期尚未届满");
		assertThat(decisions.allForApplication(claim.id())).isEmpty();
		assertThat(review.status(claim)).isNotEqualTo(ApplicationStatus.APPROVED);

		endNotice(claim);
		review.runJobs(claim);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_ALLOCATED);
	}

	/**
	 * The allocation states the amount the public saw: a subsidy computed again after its
	 * notice (here its recorded amount changed, as a re-run of the step under a changed
	 * rate table changes it) is not signed until it is noticed again.
	 */
	@Test
	void anAmountComputedAgainAfterItsNoticeIsNotSigned() {
		Case claim = onNotice();
		review.fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);
		jdbc.sql("UPDATE application SET subsidy_amount = subsidy_amount + 10000 WHERE id = ?")
			.param(claim.id())
			.update();

		assertThatThrownBy(() -> review.decide(claim, "Task_FinanceAllocation", "APPROVE"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("核定后未重新公示");
		assertThat(decisions.allForApplication(claim.id())).isEmpty();
	}

	/**
	 * An allocation agreed before the notice it rests on began (here the notice began
	 * again after the bureau's opinion, as it does when the amount is computed and
	 * noticed anew) is not signed on that opinion.
	 */
	@Test
	void anAllocationAgreedBeforeTheNoticeBeganAgainIsNotSigned() {
		Case claim = onNotice();
		review.fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);
		review.complete(review.task(claim, "Task_FinanceAllocation"),
				Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
		Instant later = Instant.now().plusSeconds(1);
		jdbc.sql("UPDATE public_notice SET starts_at = ?, ends_at = ? WHERE application_id = ?")
			.params(Timestamp.from(later), Timestamp.from(later), claim.id())
			.update();

		assertThatThrownBy(() -> review.runJobs(claim)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("资金下达意见早于本次拟奖补公示");
		assertThat(decisions.allForApplication(claim.id())).isEmpty();
	}

	/**
	 * The interest-subsidy decision rests on the finance bureau's review of the subsidy
	 * as last computed: a computation run again after the review (here its recorded
	 * moment moved past the opinion) is not signed on that review.
	 */
	@Test
	void anInterestSubsidyComputedAgainAfterItsReviewIsNotSigned() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "10000000.00", true, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");
		review.complete(review.task(loan, "Task_FinanceInterestReview"),
				Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
		jdbc.sql("UPDATE application SET interest_subsidy_computed_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().plusSeconds(1)), loan.id())
			.update();

		assertThatThrownBy(() -> review.runJobs(loan)).hasMessageContaining("审核记录不支持").hasMessageContaining("测算后未重新审核");
		assertThat(review.allDecisions(loan)).doesNotContain(DecisionType.INTEREST_SUBSIDY_GRANTED);
	}

	/**
	 * Once a case has ended, its amounts are those its decision states: a computation
	 * step run again (a moved token) does not change them.
	 */
	@Test
	void anEndedCasesSubsidyIsNotComputedAgain() {
		Case claim = onNotice();
		review.fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_ALLOCATED);

		assertThatThrownBy(() -> stages.recordSubsidyAmount(claim.id(), new BigDecimal("1.00")))
			.hasMessageContaining("申报已办结");
	}

	/**
	 * A subsidy above the expert-review threshold is not signed without the expert
	 * review, even when the token was moved past it (an administrator's modification):
	 * the requirement is read from the recorded amount, not from the process variable.
	 */
	@Test
	void aLargeSubsidyIsNotSignedWithoutTheExpertReviewTheTableRequires() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("20000000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		assertThat(review.task(claim, "Task_ExpertReview")).isNotNull();
		runtime.createProcessInstanceModification(claim.process().getId())
			.cancelAllForActivity("Task_ExpertReview")
			.startBeforeActivity("Task_FinanceAllocation")
			.execute();

		assertThatThrownBy(() -> review.decide(claim, "Task_FinanceAllocation", "APPROVE"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("拟奖补金额 2,000,000.00 元，按专家评审判定表应组织专家评审，但没有专家评审意见");
		assertThat(decisions.allForApplication(claim.id())).isEmpty();
	}

	/**
	 * A registration is not signed when a body the routing table names for the case did
	 * not review it (its joint-review task cancelled by an administrator): the routed
	 * bodies are read from the case's facts, not from the process.
	 */
	@Test
	void aRegistrationIsNotSignedWhenARoutedBodyDidNotReviewIt() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		List<Task> joint = review.tasks(project, "Task_JointReview");
		Task dropped = joint.stream()
			.filter(t -> !review.candidateGroup(t).equals("city-industry"))
			.findFirst()
			.orElseThrow();
		String droppedBody = review.bodyName(review.candidateGroup(dropped));
		for (Task t : joint) {
			if (t != dropped) {
				review.complete(t, Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
			}
		}
		ProcessInstance jointReview = review.called(project, "joint-review");
		runtime.createProcessInstanceModification(jointReview.getId())
			.cancelAllForActivity("Task_JointReview")
			.startBeforeActivity("Task_IndustryDecision")
			.execute();

		assertThatThrownBy(() -> review.decide(project, "Task_IndustryDecision", "APPROVE"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("没有" + droppedBody + "的市级联审意见（按联审单位判定表，该单位应参加联审）");
		assertThat(decisions.allForApplication(project.id())).isEmpty();
	}

	/**
	 * A correction asked for at the decision changed the dossier's investment; an
	 * administrator moved the token from the joint review it went back to straight to the
	 * decision: the bodies' opinions were given on the dossier before the correction, and
	 * the registration is not signed on them.
	 */
	@Test
	void aRegistrationIsNotSignedOnJointOpinionsGivenBeforeTheDossierWasCorrected() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.passJointReview(project);
		review.decide(project, "Task_IndustryDecision", "RETURN");
		review.correct(project, form -> form
			.setTotalInvestment(new BigDecimal(form.getTotalInvestment()).add(BigDecimal.TEN).toPlainString()));
		review.resubmit(project);
		ProcessInstance jointReview = review.called(project, "joint-review");
		runtime.createProcessInstanceModification(jointReview.getId())
			.cancelAllForActivity("Task_JointReview")
			.startBeforeActivity("Task_IndustryDecision")
			.execute();

		assertThatThrownBy(() -> review.decide(project, "Task_IndustryDecision", "APPROVE"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("的补正（修改了总投资），补正后该单位未重新联审");
		assertThat(decisions.allForApplication(project.id())).isEmpty();

		// What the administrator's guide says to do: the city's review again, on the
		// corrected dossier.
		runtime.createProcessInstanceModification(project.process().getId())
			.cancelAllForActivity("Task_IssueRegistration")
			.startBeforeActivity("CallActivity_JointReview")
			.execute();
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		review.decide(project, "Task_IndustryDecision", "APPROVE");
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
	}

	/**
	 * A loan listed before the rule on corrected dossiers was kept, on joint opinions
	 * older than a correction that changed its figures (the resubmission recorded after
	 * them): its interest subsidy rests on the listing notice already signed, and is
	 * issued.
	 */
	@Test
	void theInterestSubsidyOfALoanListedBeforeTheRuleOnCorrectedDossiersIsIssued() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "10000000.00", true, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");
		jdbc.sql("INSERT INTO application_resubmission (application_id, resubmitted_at, changes) VALUES (?, ?, ?)")
			.params(loan.id(), java.sql.Timestamp.from(java.time.Instant.now()), "贷款金额")
			.update();

		review.decide(loan, "Task_FinanceInterestReview", "APPROVE");

		assertThat(review.allDecisions(loan)).contains(DecisionType.INTEREST_SUBSIDY_GRANTED);
	}

	/**
	 * A listed loan whose token an administrator moved back to the joint review, returned
	 * there and left uncorrected, is not also ended as lapsed: the listing notice stands
	 * and a second, contradicting decision is not signed.
	 */
	@Test
	void aListedLoanIsNotEndedAgainAsLapsed() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "10000000.00", true, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");
		assertThat(review.allDecisions(loan)).containsExactly(DecisionType.LOAN_LISTED);
		runtime.createProcessInstanceModification(loan.process().getId())
			.cancelAllForActivity("Task_FinanceInterestReview")
			.startBeforeActivity("CallActivity_JointReview")
			.execute();
		review.decide(loan, "Task_CityAcceptance", "RETURN");

		assertThatThrownBy(() -> review.fireTimer(loan, "BoundaryEvent_CorrectionOverdue"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("该申请已出具《设备更新贷款项目入选通知书》");
		assertThat(review.allDecisions(loan)).containsExactly(DecisionType.LOAN_LISTED);
		assertThat(review.status(loan)).isNotEqualTo(ApplicationStatus.LAPSED);
	}

	/**
	 * Objections checked while the notice still ran (the check moved before the period's
	 * end) settle only those filed by then: one filed after the ruling is open, and the
	 * allocation is not signed over it.
	 */
	@Test
	void anAllocationIsNotSignedOverAnOpenObjection() {
		Case claim = onNotice();
		assertThat(file(claim, "13800000101", "该企业所购设备为翻新旧设备。")).isEqualTo(NoticeBoard.Result.FILED);
		runtime.createProcessInstanceModification(claim.process().getId())
			.startBeforeActivity("Task_CheckObjections")
			.execute();
		review.runJobs(claim);
		review.decide(claim, "Task_ResolveObjections", "APPROVE");
		assertThat(file(claim, "13800000102", "发票金额明显高于市场价。")).isEqualTo(NoticeBoard.Result.FILED);
		endNotice(claim);

		assertThatThrownBy(() -> review.decide(claim, "Task_FinanceAllocation", "APPROVE"))
			.hasMessageContaining("审核记录不支持")
			.hasMessageContaining("公示异议尚有1件未经核查办结");
		assertThat(decisions.allForApplication(claim.id())).isEmpty();
	}

	/**
	 * The banks whose declines end a loan are those the listing pushed it to, not those
	 * of the dossier as it stands: banks dropped from a dossier edited during a
	 * correction opened after they decided (the token moved back to the county review)
	 * still count, so a bank that granted is not passed over.
	 */
	@Test
	void aBankThatGrantedIsNotDroppedByEditingTheBanksAfterwards() {
		Case loan = review.listedLoan("icbc", "abc");
		review.decline(loan, "icbc");
		review.grantOnly(loan, "abc", "5000000.00", false, "FIXED_ASSET");
		runtime.createProcessInstanceModification(loan.process().getId())
			.cancelAllForActivity("IntermediateCatchEvent_LoanOfferAccepted")
			.startBeforeActivity("CallActivity_CountyReview")
			.execute();
		review.runJobs(loan);
		review.decide(loan, "Task_CountyFormalReview", "RETURN");
		review.correct(loan, dossier -> dossier.setBankKeys(new ArrayList<>(List.of("icbc"))));
		runtime.createProcessInstanceModification(loan.process().getId())
			.cancelAllForActivity("CallActivity_CountyReview")
			.startBeforeActivity("Task_IssueRefusal")
			.execute();

		assertThatThrownBy(() -> review.runJobs(loan)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("中国农业银行聊城分行")
			.hasMessageContaining("同意放贷");
		assertThat(decisions.allForApplication(loan.id())).isEmpty();
	}

	/**
	 * Banks changed in a correction before the listing: the listing pushes the loan to
	 * those of the resubmission, whose declines end it.
	 */
	@Test
	void theBanksOfTheResubmissionAreThoseWhoseDeclinesEndALoan() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.decide(loan, "Task_CountyFormalReview", "RETURN");
		review.correct(loan, dossier -> dossier.setBankKeys(new ArrayList<>(List.of("abc"))));
		review.resubmit(loan);
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");

		review.decline(loan, "abc");

		assertThat(review.decision(loan)).isEqualTo(DecisionType.LOAN_DECLINED);
	}

	/**
	 * The refusal after every bank declined names the banks the loan was submitted with,
	 * not those of a dossier that says otherwise (as one edited in a correction that was
	 * never resubmitted would).
	 */
	@Test
	void theRefusalNamesTheBanksTheLoanWasSubmittedWith() {
		Case loan = review.listedLoan("icbc", "abc");
		jdbc.sql("UPDATE application SET bank_keys = 'boc' WHERE id = ?").param(loan.id()).update();

		review.decline(loan, "icbc");
		review.decline(loan, "abc");

		assertThat(review.issued(loan, DecisionType.LOAN_DECLINED).text()).contains("中国工商银行聊城分行、中国农业银行聊城分行")
			.doesNotContain("中国银行聊城分行");
	}

	/**
	 * The case's opinion at {@code step} as a row recorded before V122 by
	 * {@code reviewer}.
	 */
	private void legacy(Case c, String step, String reviewer) {
		int rows = jdbc.sql("""
				UPDATE review_opinion SET reviewer = ?, reviewer_member = NULL, root_process_instance_id = NULL
				WHERE application_id = ? AND step = ?""").params(reviewer, c.id(), step).update();
		assertThat(rows).isEqualTo(1);
	}

	/** A claim of 370,000 yuan through county and city review, on public notice. */
	private Case onNotice() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.PUBLIC_NOTICE);
		return claim;
	}

	/** The notice's recorded period has ended, as if its five working days had passed. */
	private void endNotice(Case c) {
		assertThat(jdbc.sql("UPDATE public_notice SET ends_at = ? WHERE application_id = ?")
			.params(Timestamp.from(Instant.now()), c.id())
			.update()).isEqualTo(1);
	}

	/**
	 * Files an objection as the notice board's form would, from a documentation address
	 * (RFC 5737).
	 */
	private NoticeBoard.Result file(Case claim, String phone, String content) {
		return noticeBoard.file(claim.id(), new NoticeBoard.ObjectionForm("测试异议人", "", phone, content), "198.51.100.17")
			.result();
	}

	private long audited(String action, Case c) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, "application:" + c.id())
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> deploy(String file, String content) {
		String boundary = "----unsupported" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String text = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nunsupported\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD)
			.post("/engine-rest/deployment/create", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
					"multipart/form-data; boundary=" + boundary);
	}

}
