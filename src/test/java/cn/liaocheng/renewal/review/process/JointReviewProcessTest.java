package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.EquipmentLineForm;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * joint-review (市级受理、联审与审定): the city industry bureau accepts, the bodies the routing
 * table names review in parallel, the industry bureau decides. Projects here are of
 * policy task 7 (green renewal), with no factor needs.
 */
@WebIntegrationTest
class JointReviewProcessTest extends ReviewProcessTest {

	@Autowired
	JointReviewProcessTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldAskTheCityIndustryBureauToAcceptARecommendedProject() {
		Case project = recommendedProject();

		ProcessInstance city = review.called(project, "joint-review");
		assertThat(city).isWaitingAtExactly("Task_CityAcceptance");
		assertThat(city).task().hasCandidateGroup("city-industry");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CITY_REVIEW);
	}

	@Test
	void shouldRouteAPolicyTask7ProjectToIndustryDevelopmentAndEcologyInParallel() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");

		review.decide(project, "Task_CityAcceptance", "APPROVE");

		assertThat(city).hasPassed("Gateway_AcceptanceResult", "Task_RouteJointReview").isWaitingAt("Task_JointReview");
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology");
	}

	@Test
	void shouldAskTheIndustryBureauToDecideWhenEveryBodyHasGivenItsOpinion() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.decide(project, "Task_CityAcceptance", "APPROVE");

		// A body's refusal is an opinion for the lead body's decision, not a decision of
		// its own.
		review.decideEach(project, "Task_JointReview", group -> group.equals("city-ecology") ? "REFUSE" : "APPROVE");

		assertThat(city).hasPassed("Task_SummariseJointReview", "Gateway_JointReviewResult")
			.hasNotPassed("CallActivity_CorrectionAtJointReview")
			.isWaitingAtExactly("Task_IndustryDecision");
		assertThat(city).task().hasCandidateGroup("city-industry");
		assertThat(review.variable(city, "jointOutcome")).isEqualTo("DONE");
	}

	@Test
	void shouldApproveWhenTheIndustryBureauApproves() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.passJointReview(project);

		review.decide(project, "Task_IndustryDecision", "APPROVE");

		assertThat(city)
			.hasPassedInOrder("Task_CityAcceptance", "Task_RouteJointReview", "Task_JointReview",
					"Task_SummariseJointReview", "Task_IndustryDecision", "Gateway_IndustryDecision",
					"EndEvent_JointReviewApproved")
			.hasNotPassed("EndEvent_JointReviewRefused")
			.isEnded();
		assertThat(project.process()).hasPassed("EndEvent_Registered").isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldRefuseWhenTheCityDoesNotAcceptTheApplication() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");

		review.decide(project, "Task_CityAcceptance", "REFUSE");

		assertThat(city).hasPassed("Gateway_AcceptanceResult", "EndEvent_JointReviewRefused")
			.hasNotPassed("Task_RouteJointReview")
			.isEnded();
		assertThat(project.process()).hasPassed("Gateway_CityApproved", "Task_IssueRefusal", "EndEvent_Refused")
			.isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_NOT_ACCEPTED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldReturnToAcceptanceAfterTheEnterpriseResubmits() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");

		review.decide(project, "Task_CityAcceptance", "RETURN");
		assertThat(city).isWaitingAtExactly("CallActivity_CorrectionAtAcceptance");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		review.resubmit(project);

		assertThat(city).isWaitingAtExactly("Task_CityAcceptance");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CITY_REVIEW);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldSendTheCaseToCorrectionWhenOneBodyReturnsItAndThenAskOnlyThatBodyAgain() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.decide(project, "Task_CityAcceptance", "APPROVE");

		review.decideEach(project, "Task_JointReview",
				group -> group.equals("city-development") ? "RETURN" : "APPROVE");

		assertThat(city).hasPassed("Task_SummariseJointReview", "Gateway_JointReviewResult")
			.isWaitingAtExactly("CallActivity_CorrectionAtJointReview");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		review.resubmit(project);

		assertThat(city).isWaitingAt("Task_JointReview");
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactly("city-development");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CITY_REVIEW);

		review.decideEach(project, "Task_JointReview", group -> "APPROVE");

		assertThat(city).isWaitingAtExactly("Task_IndustryDecision");
		assertThat(review.opinionSteps(project)).filteredOn(s -> s.startsWith("Task_JointReview")).hasSize(4);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	/**
	 * One body returns the case and the enterprise, correcting it, changes what the
	 * dossier states (its total investment): every body reviews the corrected dossier,
	 * not only the one that returned it, since the others' opinions were given on the
	 * dossier as it was.
	 */
	@Test
	void shouldAskEveryBodyAgainWhenTheCorrectionChangedWhatTheDossierStates() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		review.decideEach(project, "Task_JointReview",
				group -> group.equals("city-development") ? "RETURN" : "APPROVE");

		review.correct(project, form -> form
			.setTotalInvestment(new BigDecimal(form.getTotalInvestment()).add(BigDecimal.TEN).toPlainString()));
		review.resubmit(project);

		assertThat(city).hasPassed("Task_CorrectionChangesAtJointReview").isWaitingAt("Task_JointReview");
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology");
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		review.decide(project, "Task_IndustryDecision", "APPROVE");

		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	/**
	 * A body cannot decide who reviews the round after a correction, or whether the
	 * correction changed the dossier, by writing the variables with its opinion.
	 */
	@Test
	void aReviewerCannotWriteTheRoundsVariablesWithAnOpinion() {
		Case project = recommendedProject();
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		Task development = review.tasks(project, "Task_JointReview")
			.stream()
			.filter(t -> review.candidateGroup(t).equals("city-development"))
			.findFirst()
			.orElseThrow();

		for (String variable : List.of("correctedFacts", "reviewBodies")) {
			Map<String, Object> completion = new java.util.HashMap<>(
					Map.of("decision", "RETURN", "opinion", ReviewFixture.opinionFor("RETURN"), variable,
							variable.equals("correctedFacts") ? false : "industry"));
			assertThatThrownBy(() -> review.complete(development, completion))
				.hasMessageContaining("「" + variable + "」不是本任务表单的填写项");
		}
	}

	/**
	 * The industry bureau returns the case at its decision and the enterprise changes
	 * what the dossier states: the joint review runs again with every body before the
	 * bureau decides again.
	 */
	@Test
	void shouldHoldTheJointReviewAgainWhenACorrectionAtTheDecisionChangedWhatTheDossierStates() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.passJointReview(project);
		review.decide(project, "Task_IndustryDecision", "RETURN");

		review.correct(project, form -> form.setProjectName("补正后的设备更新项目"));
		review.resubmit(project);

		assertThat(city).hasPassed("Task_CorrectionChangesAtDecision", "Gateway_CorrectionChangesAtDecision")
			.isWaitingAt("Task_JointReview")
			.isNotWaitingAt("Task_IndustryDecision");
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology");
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		assertThat(city).isWaitingAtExactly("Task_IndustryDecision");
		review.decide(project, "Task_IndustryDecision", "APPROVE");

		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	/**
	 * A correction that rewrites an equipment line (model, quantity, price and origin) is
	 * a change of what the dossier states, even where the line's fields written one after
	 * another read the same as before (a model or a replaced machine may hold commas):
	 * the bodies review it again, and the history names the change.
	 */
	@Test
	void shouldHoldTheJointReviewAgainWhenACorrectionRewroteAnEquipmentLineThatReadsAlike() {
		DossierForm form = Dossiers.project(7);
		form.setEquipmentInvestment("1000000.00");
		EquipmentLineForm line = form.getEquipment().get(0);
		line.setModel("CK6150");
		line.setQuantity("1");
		line.setUnitPrice("100000.00");
		line.setOrigin("DOMESTIC");
		line.setReplacesEquipment("4, 200000, IMPORTED, C6140 普通车床");
		Case project = review.submitProject(form);
		review.passCountyReview(project);
		ProcessInstance city = review.called(project, "joint-review");
		review.passJointReview(project);
		review.decide(project, "Task_IndustryDecision", "RETURN");

		// Four imported machines at 200,000 instead of one domestic at 100,000.
		review.correct(project, corrected -> {
			EquipmentLineForm l = corrected.getEquipment().get(0);
			l.setModel("CK6150, 1, 100000, DOMESTIC");
			l.setQuantity("4");
			l.setUnitPrice("200000.00");
			l.setOrigin("IMPORTED");
			l.setReplacesEquipment("C6140 普通车床");
		});
		review.resubmit(project);

		assertThat(review.history(project)).anySatisfy(entry -> assertThat(entry).contains("设备明细及发票"))
			.noneSatisfy(entry -> assertThat(entry).contains("申报材料未作修改"));
		assertThat(city).isWaitingAt("Task_JointReview").isNotWaitingAt("Task_IndustryDecision");
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology");
	}

	/**
	 * Two bodies return the case in one round: the enterprise is told both reasons at
	 * once (一次性告知), in its history, its notification and the case page; after it
	 * resubmits, a later return names only the reasons of its own round.
	 */
	@Test
	void shouldTellEveryReasonOfTheRoundWhenSeveralBodiesReturnTheCase() {
		Case project = recommendedProject();
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		List<String> groups = review.candidateGroups(project, "Task_JointReview");
		assertThat(groups).contains("city-development").hasSizeGreaterThanOrEqualTo(2);
		String other = groups.stream().filter(g -> !g.equals("city-development")).findFirst().orElseThrow();

		review.decideEach(project, "Task_JointReview",
				group -> group.equals("city-development") || group.equals(other) ? "RETURN" : "APPROVE");

		String development = "市发展和改革委员会";
		String otherName = review.bodyName(other);
		String reason = ReviewFixture.opinionFor("RETURN");
		assertThat(review.history(project)).anySatisfy(line -> assertThat(line).contains("退回理由：")
			.contains(development + "（市级联审）：" + reason, otherName + "（市级联审）：" + reason));
		CaseStanding.Correction correction = review.standing(project).correction();
		assertThat(correction.returnedBy()).contains(development, otherName);
		assertThat(correction.reasons()).contains(development + "：" + reason, otherName + "：" + reason);

		review.resubmit(project);
		// The two bodies re-review; the others' opinions stand, and the case page shows
		// them all, not a round of two.
		List<CaseStanding.BodyReview> panel = review.standing(project).jointReview();
		assertThat(panel).hasSize(groups.size());
		assertThat(panel).filteredOn(b -> !b.finished())
			.extracting(CaseStanding.BodyReview::body)
			.containsExactlyInAnyOrder("聊城" + development, otherName);
		review.decideEach(project, "Task_JointReview", group -> group.equals(other) ? "RETURN" : "APPROVE");

		correction = review.standing(project).correction();
		assertThat(correction.returnedBy()).isEqualTo(otherName);
		assertThat(correction.reasons()).isEqualTo(reason);
		assertThat(review.history(project)).filteredOn(line -> line.startsWith("申报被退回补正"))
			.hasSize(2)
			.last()
			.satisfies(line -> assertThat(line).contains(otherName + "（市级联审）").doesNotContain(development));
	}

	/**
	 * One body returns the case, the others of the joint review conclude after it, and
	 * the enterprise never resubmits: the case ended at the joint review, returned, not
	 * after a joint review completed.
	 */
	@Test
	void shouldShowACaseThatLapsedAfterAJointReviewReturnAsEndedThere() {
		Case project = recommendedProject();
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		List<Task> joint = new ArrayList<>(review.tasks(project, "Task_JointReview"));
		joint.sort(Comparator.comparing(t -> !review.candidateGroup(t).equals("city-development")));
		for (Task task : joint) {
			String decision = review.candidateGroup(task).equals("city-development") ? "RETURN" : "APPROVE";
			review.complete(task, Map.of("decision", decision, "opinion", ReviewFixture.opinionFor(decision)));
		}
		review.runJobs(project);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		review.fireTimer(project, ReviewFixture.CORRECTION_OVERDUE);

		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(review.standing(project).timeline()).filteredOn(stage -> stage.name().equals("市级联审"))
			.singleElement()
			.satisfies(stage -> {
				assertThat(stage.state()).isEqualTo(CaseStanding.State.ENDED);
				assertThat(stage.note()).isEqualTo("退回补正后，逾期未补正");
			});
	}

	@Test
	void shouldReturnToTheIndustryDecisionAfterTheEnterpriseResubmits() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.passJointReview(project);

		review.decide(project, "Task_IndustryDecision", "RETURN");
		assertThat(city).isWaitingAtExactly("CallActivity_CorrectionAtDecision");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		review.resubmit(project);

		assertThat(city).isWaitingAtExactly("Task_IndustryDecision");
		assertThat(review.candidateGroups(project, "Task_JointReview")).isEmpty();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CITY_REVIEW);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	@Test
	void shouldRefuseWhenTheIndustryBureauRefuses() {
		Case project = recommendedProject();
		ProcessInstance city = review.called(project, "joint-review");
		review.passJointReview(project);

		review.decide(project, "Task_IndustryDecision", "REFUSE");

		assertThat(city).hasPassed("Gateway_IndustryDecision", "EndEvent_JointReviewRefused")
			.hasNotPassed("EndEvent_JointReviewApproved")
			.isEnded();
		assertThat(project.process()).hasPassed("Task_IssueRefusal", "EndEvent_Refused").isEnded();
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(project)).isEqualTo(DecisionType.PROJECT_REFUSED);
		review.assertEveryCompletedReviewLeftAnOpinion(project);
	}

	private Case recommendedProject() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		return project;
	}

}
