package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * correction (退回补正): a return opens the enterprise's correction task with a deadline of
 * 10 working days; a resubmission goes back to the step that returned (see the county and
 * joint review tests for each step), an unanswered return lapses the application wherever
 * it was returned.
 */
@WebIntegrationTest
class CorrectionProcessTest extends ReviewProcessTest {

	private final WorkingDays workingDays;

	private final RuntimeService runtime;

	@Autowired
	CorrectionProcessTest(ApplicationContext context, WorkingDays workingDays, RuntimeService runtime) {
		super(context);
		this.workingDays = workingDays;
		this.runtime = runtime;
	}

	/**
	 * Between two steps the case waits on the system's own work (here the decision's
	 * issuing, not yet run; it may also have failed and wait for an administrator): the
	 * page names that step and the system, not the step already done nor an optional one.
	 */
	@Test
	void aStepOfTheSystemsOwnIsShownAsTheSystemAtWork() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.passJointReview(project);
		review.complete(review.task(project, "Task_IndustryDecision"),
				java.util.Map.of("decision", "APPROVE", "opinion", "同意入库。"));

		assertThat(review.standing(project)).satisfies(s -> {
			assertThat(s.currentStep()).isEqualTo("出具决定书");
			assertThat(s.handlingBodies()).singleElement().asString().startsWith("审批系统");
			assertThat(s.timeline()).filteredOn(stage -> stage.name().equals("市工业和信息化局审定"))
				.singleElement()
				.satisfies(stage -> assertThat(stage.state()).isEqualTo(CaseStanding.State.DONE));
		});
		review.runJobs(project);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.APPROVED);
	}

	@Test
	void shouldGiveTheEnterpriseTenWorkingDaysToCorrectAReturnedApplication() {
		Case project = review.submitProject(7);
		Instant before = Instant.now();

		review.decide(project, "Task_CountyFormalReview", "RETURN");

		Instant after = Instant.now();
		ProcessInstance correction = review.called(project, "correction");
		assertThat(correction).hasPassed("Task_OpenCorrection").isWaitingAtExactly(ReviewFixture.CORRECTION_TASK);
		assertThat(correction).task().isAssignedTo(DemoUsers.ENTERPRISE);
		Instant deadline = Instant.parse((String) review.variable(correction, "correctionDeadline"));
		assertThat(deadline).isIn(workingDays.deadline(before, 10, WorkingDays.CHINA),
				workingDays.deadline(after, 10, WorkingDays.CHINA));
		assertThat(review.outcomes(project).correctionDeadline()).isEqualTo(deadline);
		Job overdue = review.timer(project, "BoundaryEvent_CorrectionOverdue");
		assertThat(overdue.getDuedate().toInstant()).isEqualTo(deadline);
		assertThat((String) review.variable(correction, "correctionReasons"))
			.contains(ReviewFixture.opinionFor("RETURN"));
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
	}

	@Test
	void shouldEndTheCorrectionWhenTheEnterpriseResubmitsInTime() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		ProcessInstance correction = review.called(project, "correction");

		review.resubmit(project);

		assertThat(correction)
			.hasPassedInOrder("StartEvent_Returned", "Task_OpenCorrection", ReviewFixture.CORRECTION_TASK,
					"EndEvent_Resubmitted")
			.hasNotPassed("BoundaryEvent_CorrectionOverdue")
			.isEnded();
		assertThat(review.called(project, "county-review")).isWaitingAtExactly("Task_CountyFormalReview");
		assertThat(project.process()).isWaitingAt("CallActivity_CountyReview");
	}

	@Test
	void shouldLapseAProjectReturnedByTheCountyWhenTheDeadlinePasses() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		ProcessInstance county = review.called(project, "county-review");
		ProcessInstance correction = review.called(project, "correction");

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");

		assertThat(correction).hasPassed("BoundaryEvent_CorrectionOverdue", "EndEvent_CorrectionLapsed")
			.hasNotPassed("EndEvent_Resubmitted")
			.isEnded();
		assertThat(county).isEnded();
		assertThat(project.process())
			.hasPassedInOrder("BoundaryEvent_LapsedAtCounty", "Task_IssueLapse", "EndEvent_Lapsed")
			.hasNotPassed("Gateway_CountyRecommended", "Task_IssueRefusal")
			.isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.APPLICATION_LAPSED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
		// The case page's timeline: the county's step returned the case, it did not
		// "not take place".
		assertThat(review.standing(project).timeline()).filteredOn(s -> s.name().equals("县级初审与推荐"))
			.singleElement()
			.satisfies(stage -> {
				assertThat(stage.state()).isEqualTo(CaseStanding.State.ENDED);
				assertThat(stage.on()).isNotNull();
				assertThat(stage.note()).isEqualTo("退回补正后，逾期未补正");
			});
	}

	/**
	 * The deadline has passed but the engine's timer has not fired yet (it runs on its
	 * next acquisition): the resubmission is as late as any other and is refused; the
	 * timer then lapses the case.
	 */
	@Test
	void shouldRefuseAResubmissionAfterTheDeadlineBeforeTheTimerHasRun() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		// Passed by the time of the resubmission, yet after the return it was set for (as
		// every deadline is: the lapse is signed only on the deadline of the last
		// return).
		review.recordCorrectionDeadline(project, Instant.now());

		assertThatThrownBy(() -> review.resubmit(project)).isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("补正期限已于")
			.hasMessageContaining("届满，申报按逾期未补正处理，不能重新提交");

		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
		assertThat(review.called(project, "correction")).isWaitingAt("Task_EnterpriseCorrection");
		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
	}

	@Test
	void shouldNotReopenTheReviewWhenTheEnterpriseResubmitsAfterTheApplicationLapsed() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");

		assertThatThrownBy(() -> review.resubmit(project)).isInstanceOf(ApplicationStateException.class)
			.hasMessage("该申报已办结（已失效），不能再提交。如需申报，请新建申报。");

		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.hasActive(project, "county-review")).isFalse();
		assertThat(review.hasActive(project, "correction")).isFalse();
	}

	/**
	 * A project renamed in a correction the city asked for at acceptance: the joint
	 * review, a process of its own, names it anew on its next task.
	 */
	@Test
	void aProjectRenamedInACorrectionIsNamedAnewOnTheJointReviewsNextTask() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "RETURN");
		review.correct(project, form -> form.setProjectName("更名后的设备更新项目"));
		review.resubmit(project);

		Task again = review.task(project, "Task_CityAcceptance");
		assertThat(review.called(project, "joint-review").getId()).isEqualTo(again.getProcessInstanceId());
		assertThat(runtime.getVariable(again.getProcessInstanceId(), ReviewProcesses.APPLICATION_TITLE)).asString()
			.contains("更名后的设备更新项目");
	}

	@Test
	void shouldLapseAProjectReturnedByTheCityWhenTheDeadlinePasses() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "RETURN");
		ProcessInstance city = review.called(project, "joint-review");
		assertThat(city).isWaitingAtExactly("CallActivity_CorrectionAtAcceptance");

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");

		assertThat(city).isEnded();
		assertThat(project.process())
			.hasPassedInOrder("CallActivity_JointReview", "BoundaryEvent_LapsedAtCity", "Task_IssueLapse",
					"EndEvent_Lapsed")
			.hasNotPassed("Gateway_CityApproved")
			.isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.APPLICATION_LAPSED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldLapseASubsidyClaimReturnedAtTheInvoiceCheckWhenTheDeadlinePasses() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");
		review.decide(claim, "Task_CountyInvoiceCheck", "RETURN");

		review.fireTimer(claim, "BoundaryEvent_CorrectionOverdue");

		assertThat(claim.process())
			.hasPassedInOrder("BoundaryEvent_LapsedAtCounty", "Task_IssueLapse", "EndEvent_Lapsed")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.APPLICATION_LAPSED);
		// The finance bureau's own lapse says the finance bureau asked for the
		// correction, after the industry bureau's formal review had passed it.
		ReviewFixture.Issued lapse = review.issued(claim, DecisionType.APPLICATION_LAPSED);
		assertThat(lapse.decision().issuingBodyName()).isEqualTo("冠县财政局");
		assertThat(lapse.text()).contains("设备更新奖补资金申请，经冠县工业和信息化局形式审查，冠县财政局在县级财政发票核验环节要求补正材料，已告知你单位补正的内容和期限");
	}

	@Test
	void shouldLapseALoanApplicationReturnedByAJointReviewBodyWhenTheDeadlinePasses() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.decide(loan, "Task_CityAcceptance", "APPROVE");
		review.decideEach(loan, "Task_JointReview", group -> group.equals("city-pboc") ? "RETURN" : "APPROVE");
		assertThat(review.called(loan, "joint-review")).isWaitingAtExactly("CallActivity_CorrectionAtJointReview");

		review.fireTimer(loan, "BoundaryEvent_CorrectionOverdue");

		assertThat(loan.process()).hasPassedInOrder("BoundaryEvent_LapsedAtCity", "Task_IssueLapse", "EndEvent_Lapsed")
			.isEnded();
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.decision(loan)).isEqualTo(DecisionType.APPLICATION_LAPSED);
		// The central-bank branch returned it as a voice of the joint review, which the
		// city industry bureau runs: the lapse is that bureau's; and no bank ever
		// decided, so the banks are the ones the enterprise named, the amount the one it
		// asked for.
		ReviewFixture.Issued lapse = review.issued(loan, DecisionType.APPLICATION_LAPSED);
		assertThat(lapse.decision().issuingBodyName()).isEqualTo("聊城市工业和信息化局");
		assertThat(lapse.text()).contains("向聊城市人民政府申请行政复议", "意向银行：", "申请贷款金额：", "申请贷款期限：")
			.doesNotContain("贷款银行：", "中国人民银行山东省分行");
		// The body of the joint review that returned it is named as asking; the bodies
		// that approved are not.
		assertThat(lapse.text()).contains("设备更新贷款支持申请，", "中国人民银行聊城市分行在市级联审环节要求补正材料").doesNotContain("需补正材料");
	}

	@Test
	void shouldLapseASubsidyClaimReturnedAtTheCityDecisionWhenTheDeadlinePasses() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passJointReview(claim);
		review.decide(claim, "Task_IndustryDecision", "RETURN");

		review.fireTimer(claim, "BoundaryEvent_CorrectionOverdue");

		assertThat(claim.process()).hasPassedInOrder("BoundaryEvent_LapsedAtCity", "Task_IssueLapse", "EndEvent_Lapsed")
			.hasNotPassed("Task_ComputeSubsidy")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.APPLICATION_LAPSED);
	}

	@Test
	void shouldLapseALoanApplicationReturnedAtTheCountyRecommendationWhenTheDeadlinePasses() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.decide(loan, "Task_CountyFormalReview", "APPROVE");
		review.decide(loan, "Task_CountyRecommendation", "RETURN");

		review.fireTimer(loan, "BoundaryEvent_CorrectionOverdue");

		assertThat(loan.process())
			.hasPassedInOrder("BoundaryEvent_LapsedAtCounty", "Task_IssueLapse", "EndEvent_Lapsed")
			.hasNotPassed("CallActivity_JointReview")
			.isEnded();
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.decision(loan)).isEqualTo(DecisionType.APPLICATION_LAPSED);
	}

}
