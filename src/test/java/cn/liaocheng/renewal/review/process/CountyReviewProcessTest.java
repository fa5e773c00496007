package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * county-review (县级初审与推荐), called by every main process: formal review by the county
 * industry bureau, an invoice check by the county finance bureau for subsidy claims only,
 * then the recommendation.
 */
@WebIntegrationTest
class CountyReviewProcessTest extends ReviewProcessTest {

	private static final BigDecimal SMALL_CLAIM = new BigDecimal("370000.00");

	@Autowired
	CountyReviewProcessTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldAskTheCountyIndustryBureauForAFormalReviewWithADueDateWhenAnEnterpriseSubmits() {
		Case project = review.submitProject(7);

		ProcessInstance county = review.called(project, "county-review");
		assertThat(county).hasBusinessKey(project.key()).isWaitingAtExactly("Task_CountyFormalReview");
		Task formalReview = review.task(project, "Task_CountyFormalReview");
		assertThat(formalReview).hasCandidateGroup(ReviewFixture.COUNTY_INDUSTRY).isNotAssigned();
		assertThat(formalReview.getDueDate()).as("due date of five working days").isInTheFuture();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	@Test
	void shouldNotCompleteAReviewWithoutAnOpinion() {
		Case project = review.submitProject(7);
		Task formalReview = review.task(project, "Task_CountyFormalReview");

		assertThatThrownBy(() -> review.complete(formalReview, Map.of("decision", "APPROVE")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("「审查意见」为必填项");
		assertThatThrownBy(() -> review.complete(formalReview, Map.of("decision", "APPROVE", "opinion", " ")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("「审查意见」为必填项");

		assertThat(review.called(project, "county-review")).isWaitingAtExactly("Task_CountyFormalReview");
		assertThat(review.opinionTaskIds(project)).isEmpty();
	}

	@Test
	void shouldRecommendAProjectToTheCityWithoutAnInvoiceCheck() {
		Case project = review.submitProject(7);
		ProcessInstance county = review.called(project, "county-review");

		review.decide(project, "Task_CountyFormalReview", "APPROVE");
		assertThat(county).hasPassed("Gateway_NeedsInvoiceCheck").isWaitingAtExactly("Task_CountyRecommendation");
		assertThat(county).task().hasCandidateGroup(ReviewFixture.COUNTY_INDUSTRY);
		review.decide(project, "Task_CountyRecommendation", "APPROVE");

		assertThat(county)
			.hasPassedInOrder("Task_CountyFormalReview", "Gateway_FormalReviewResult", "Gateway_NeedsInvoiceCheck",
					"Gateway_ToRecommendation", "Task_CountyRecommendation", "Gateway_RecommendationResult",
					"EndEvent_CountyRecommended")
			.hasNotPassed("Task_CountyInvoiceCheck")
			.isEnded();
		assertThat(project.process()).isWaitingAt("CallActivity_JointReview");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CITY_REVIEW);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldCheckTheInvoicesOfASubsidyClaimAtTheCountyFinanceBureauBeforeRecommending() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), SMALL_CLAIM);
		ProcessInstance county = review.called(claim, "county-review");

		review.decide(claim, "Task_CountyFormalReview", "APPROVE");
		assertThat(county).isWaitingAtExactly("Task_CountyInvoiceCheck");
		assertThat(county).task().hasCandidateGroup(ReviewFixture.COUNTY_FINANCE);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);

		review.decide(claim, "Task_CountyInvoiceCheck", "APPROVE");
		assertThat(county).isWaitingAtExactly("Task_CountyRecommendation");
		review.decide(claim, "Task_CountyRecommendation", "APPROVE");

		assertThat(county)
			.hasPassedInOrder("Gateway_NeedsInvoiceCheck", "Task_CountyInvoiceCheck", "Gateway_InvoiceCheckResult",
					"Gateway_ToRecommendation", "Task_CountyRecommendation", "EndEvent_CountyRecommended")
			.isEnded();
		assertThat(claim.process()).isWaitingAt("CallActivity_JointReview");
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
	}

	@Test
	void shouldRefuseAtTheFormalReview() {
		Case project = review.submitProject(7);
		ProcessInstance county = review.called(project, "county-review");

		review.decide(project, "Task_CountyFormalReview", "REFUSE");

		assertThat(county).hasPassed("Gateway_FormalReviewResult", "EndEvent_CountyRefused")
			.hasNotPassed("Gateway_NeedsInvoiceCheck", "Task_CountyRecommendation")
			.isEnded();
		assertThat(project.process()).hasPassed("Task_IssueRefusal", "EndEvent_Refused").isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_NOT_RECOMMENDED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldRefuseASubsidyClaimWhoseInvoicesDoNotCheckOut() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), SMALL_CLAIM);
		ProcessInstance county = review.called(claim, "county-review");
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");

		review.decide(claim, "Task_CountyInvoiceCheck", "REFUSE");

		assertThat(county).hasPassed("Gateway_InvoiceCheckResult", "EndEvent_CountyRefused")
			.hasNotPassed("Task_CountyRecommendation")
			.isEnded();
		assertThat(claim.process())
			.hasPassedInOrder("CallActivity_CountyReview", "Gateway_CountyRecommended", "Task_IssueRefusal",
					"EndEvent_Refused")
			.hasNotPassed("CallActivity_JointReview")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_NOT_RECOMMENDED);
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
	}

	@Test
	void shouldReturnToFormalReviewAfterTheEnterpriseResubmits() {
		Case project = review.submitProject(7);
		ProcessInstance county = review.called(project, "county-review");

		review.decide(project, "Task_CountyFormalReview", "RETURN");

		assertThat(county).isWaitingAtExactly("CallActivity_CorrectionAtFormalReview");
		ProcessInstance correction = review.called(project, "correction");
		assertThat(correction).isWaitingAtExactly(ReviewFixture.CORRECTION_TASK);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		review.resubmit(project);

		assertThat(correction).hasPassed("EndEvent_Resubmitted").isEnded();
		assertThat(county).isWaitingAtExactly("Task_CountyFormalReview");
		assertThat(county).task().hasCandidateGroup(ReviewFixture.COUNTY_INDUSTRY);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldReturnToTheInvoiceCheckAfterTheEnterpriseResubmits() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), SMALL_CLAIM);
		ProcessInstance county = review.called(claim, "county-review");
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");

		review.decide(claim, "Task_CountyInvoiceCheck", "RETURN");
		assertThat(county).isWaitingAtExactly("CallActivity_CorrectionAtInvoiceCheck");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);

		review.resubmit(claim);

		assertThat(county).isWaitingAtExactly("Task_CountyInvoiceCheck");
		assertThat(county).task().hasCandidateGroup(ReviewFixture.COUNTY_FINANCE);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
	}

	@Test
	void shouldReturnToTheRecommendationAfterTheEnterpriseResubmits() {
		Case project = review.submitProject(7);
		ProcessInstance county = review.called(project, "county-review");
		review.decide(project, "Task_CountyFormalReview", "APPROVE");

		review.decide(project, "Task_CountyRecommendation", "RETURN");
		assertThat(county).isWaitingAtExactly("CallActivity_CorrectionAtRecommendation");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		review.resubmit(project);

		assertThat(county).isWaitingAtExactly("Task_CountyRecommendation");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		review.decide(project, "Task_CountyRecommendation", "APPROVE");
		assertThat(county).hasPassed("EndEvent_CountyRecommended").isEnded();
		assertThat(project.process()).isWaitingAt("CallActivity_JointReview");
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

}
