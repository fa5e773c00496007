package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * project-registration (项目入库审核): county review, then city review, then a registration
 * notice or a refusal. The lapse of an unanswered return (EndEvent_Lapsed) is in
 * {@link CorrectionProcessTest}.
 */
@WebIntegrationTest
class ProjectRegistrationProcessTest extends ReviewProcessTest {

	@Autowired
	ProjectRegistrationProcessTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldRegisterAProjectThatCountyAndCityApprove() {
		Case project = review.submitProject(7);
		assertThat(project.process()).isWaitingAt("CallActivity_CountyReview");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);

		review.passCountyReview(project);
		assertThat(project.process()).hasPassed("Gateway_CountyRecommended").isWaitingAt("CallActivity_JointReview");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CITY_REVIEW);

		review.passCityReview(project);

		assertThat(project.process())
			.hasPassedInOrder("CallActivity_CountyReview", "CallActivity_JointReview", "Gateway_CityApproved",
					"Task_IssueRegistration", "EndEvent_Registered")
			.hasNotPassed("Task_IssueRefusal")
			.isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldRefuseAProjectTheCountyDoesNotRecommend() {
		Case project = review.submitProject(7);
		ProcessInstance county = review.called(project, "county-review");
		review.decide(project, "Task_CountyFormalReview", "APPROVE");

		review.decide(project, "Task_CountyRecommendation", "REFUSE");

		assertThat(county).hasPassed("Gateway_RecommendationResult", "EndEvent_CountyRefused")
			.hasNotPassed("EndEvent_CountyRecommended")
			.isEnded();
		assertThat(project.process())
			.hasPassedInOrder("CallActivity_CountyReview", "Gateway_CountyRecommended", "Task_IssueRefusal",
					"EndEvent_Refused")
			.hasNotPassed("CallActivity_JointReview")
			.isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_NOT_RECOMMENDED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldRefuseAProjectTheCityRefusesAfterTheJointReview() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.passJointReview(project);
		ProcessInstance city = review.called(project, "joint-review");

		review.decide(project, "Task_IndustryDecision", "REFUSE");

		assertThat(city).hasPassed("EndEvent_JointReviewRefused").isEnded();
		assertThat(project.process())
			.hasPassedInOrder("CallActivity_JointReview", "Gateway_CityApproved", "Task_IssueRefusal",
					"EndEvent_Refused")
			.hasNotPassed("Task_IssueRegistration")
			.isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_REFUSED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

}
