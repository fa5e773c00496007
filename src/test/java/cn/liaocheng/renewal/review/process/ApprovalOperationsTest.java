package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.StepReturnedToPrevious;
import cn.liaocheng.renewal.review.TaskUrged;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 撤回, 退回上一环节 and 催办 through the REST API, on real cases: each moves or marks the case as
 * the organisation chart allows, is recorded with who, when and why, and is refused to
 * everyone else (a colleague who did not do the step, another county's reviewer, an
 * enterprise, anonymous callers, a session without the CSRF token).
 */
@WebIntegrationTest
@RecordApplicationEvents
class ApprovalOperationsTest extends ReviewProcessTest {

	private static final String REVIEWER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String CITY = "lc-industry";

	private static final String LEAD = "gx-industry-lead";

	private static final String REASON = "{\"reason\":\"推荐意见需补充核实情况\"}";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskOperations operations;

	@Autowired
	ApplicationEvents events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApprovalOperationsTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void colleagueAndLead() {
		new CountyReviewTasks(null, identity, tasks).ensureColleague();
		if (identity.createUserQuery().userId(LEAD).count() == 0) {
			User lead = identity.newUser(LEAD);
			lead.setLastName("冠县工业和信息化局");
			lead.setFirstName("负责人");
			lead.setPassword(DemoUsers.PASSWORD);
			identity.saveUser(lead);
			identity.createMembership(LEAD, CountyReviewTasks.BODY + "-lead");
		}
	}

	@Test
	void theReviewerTakesBackAnApprovedStepWhileTheNextIsUnclaimedAndDoesItAgain() {
		Case project = review.submitProject(7);
		Task formal = approveAs(project, "Task_CountyFormalReview", REVIEWER, "材料齐全，同意");
		assertThat(as(REVIEWER).get("/api/review/withdrawable").body()).contains(formal.getId(), "县级形式审查");
		assertThat(as(COLLEAGUE).get("/api/review/withdrawable").body()).doesNotContain(formal.getId());

		String path = "/api/review/completed-tasks/" + formal.getId() + "/withdraw";
		assertThat(as(COLLEAGUE).postJson(path, REASON).statusCode()).as("a colleague who did not do it")
			.isEqualTo(403);
		assertThat(as("lq-industry").postJson(path, REASON).statusCode()).as("another county").isEqualTo(404);
		assertThat(as(CITY).postJson(path, REASON).statusCode()).as("a city body").isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, REASON).statusCode()).as("an enterprise").isEqualTo(403);
		assertThat(new WebClient(port).postJson(path, REASON).statusCode()).as("anonymous").isEqualTo(403);
		assertThat(new WebClient(port).get("/api/review/withdrawable").statusCode()).as("anonymous").isEqualTo(401);
		assertThat(as(REVIEWER).postJson(path, "{\"reason\":\" \"}").statusCode()).as("no reason").isEqualTo(400);
		assertThat(sessionWithoutCsrf(REVIEWER).postJson(path, REASON).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(review.tasks(project, "Task_CountyRecommendation")).as("nothing moved yet").hasSize(1);

		HttpResponse<String> withdrawn = withCsrf(REVIEWER, path, REASON);
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(review.tasks(project, "Task_CountyRecommendation")).isEmpty();
		Task again = review.task(project, "Task_CountyFormalReview");
		assertThat(again.getAssignee()).isEqualTo(REVIEWER);
		assertThat(notices(again.getId(), "TASK_CREATED")).as("not announced to the body as new work").isEmpty();
		assertThat(superseded(formal.getId())).isTrue();
		assertThat(operationsOf(project)).containsExactly("WITHDRAW|" + REVIEWER + "|推荐意见需补充核实情况");
		assertThat(historyOf(project, "TASK_WITHDRAW")).singleElement().asString().contains("撤回", "推荐意见需补充核实情况");
		assertThat(as(REVIEWER).postJson(path, REASON).statusCode()).as("taken back once").isEqualTo(404);
		assertThat(as(REVIEWER).get("/review/applications/" + project.id()).body())
			.as("the dossier keeps the superseded opinion, marked")
			.contains("材料齐全，同意", "此意见不再作为结论", "办理操作记录", "撤回");
		// The enterprise is told of steps and conclusions, not of who in the body took
		// what back and why, nor any reviewer's login id.
		String own = as(DemoUsers.ENTERPRISE).get("/api/applications/" + project.id()).body();
		assertThat(own).contains("县级形式审查").doesNotContain("推荐意见需补充核实情况", "\"actor\"", "\"" + REVIEWER + "\"");

		review.complete(again, Map.of("decision", "APPROVE", "opinion", "核实后同意"));
		assertThat(review.tasks(project, "Task_CountyRecommendation")).hasSize(1);
	}

	/**
	 * A return for correction made by mistake is taken back by whoever made it while the
	 * enterprise has neither changed nor resubmitted anything: the correction ends with
	 * its deadline, the enterprise is told, the step is done again.
	 */
	@Test
	void theReviewerTakesBackAReturnForCorrectionTheEnterpriseHasNotActedOn() {
		Case project = review.submitProject(7);
		Task formal = decideAs(project, "Task_CountyFormalReview", REVIEWER, "RETURN", "请补充上传加盖公章的营业执照副本");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
		String correction = review.called(project, "correction").getId();
		assertThat(as(REVIEWER).get("/api/review/withdrawable").body()).contains(formal.getId(), "\"correction\":true");
		assertThat(as(COLLEAGUE).get("/api/review/withdrawable").body()).doesNotContain(formal.getId());

		String path = "/api/review/completed-tasks/" + formal.getId() + "/withdraw";
		assertThat(as(COLLEAGUE).postJson(path, REASON).statusCode()).as("a colleague who did not do it")
			.isEqualTo(403);
		assertThat(as("lq-industry").postJson(path, REASON).statusCode()).as("another county").isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, REASON).statusCode()).as("an enterprise").isEqualTo(403);
		assertThat(review.status(project)).as("nothing moved yet").isEqualTo(ApplicationStatus.CORRECTION);

		HttpResponse<String> withdrawn = withCsrf(REVIEWER, path, REASON);

		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(review.hasActive(project, "correction")).as("the correction ended").isFalse();
		assertThat(management.createJobQuery().processInstanceId(correction).count()).as("its deadline's timer")
			.isZero();
		Task again = review.task(project, "Task_CountyFormalReview");
		assertThat(again.getAssignee()).isEqualTo(REVIEWER);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThat(review.outcomes(project).correctionDeadline()).isNull();
		assertThat(superseded(formal.getId())).isTrue();
		assertThat(historyOf(project, "TASK_WITHDRAW")).singleElement().asString().contains("撤回退回补正", "推荐意见需补充核实情况");
		assertThat(jdbc.sql("SELECT body FROM notification WHERE recipient_id = ? AND title = ?")
			.params(DemoUsers.ENTERPRISE, "退回补正已撤回：" + review.referenceNo(project))
			.query(String.class)
			.list()).singleElement().asString().contains("您无需补正", "县级形式审查");
		assertThat(review.history(project)).as("the enterprise's own record")
			.anySatisfy(line -> assertThat(line).contains("退回补正已由", "撤回，无需补正"));
		assertThat(as(REVIEWER).get("/api/review/tasks/cards?ids=" + again.getId()).body())
			.as("the step again is not the step after a resubmission")
			.contains(again.getId())
			.doesNotContain("重新提交");
		review.resubmit(project);
		assertThat(historyOf(project, "RESUBMITTED")).as("nothing left to resubmit").isEmpty();
		assertThat(review.task(project, "Task_CountyFormalReview").getId()).isEqualTo(again.getId());
		assertThat(as(REVIEWER).postJson(path, REASON).statusCode()).as("taken back once").isEqualTo(404);

		review.complete(again, Map.of("decision", "APPROVE", "opinion", "核实后材料齐全，同意"));
		assertThat(review.tasks(project, "Task_CountyRecommendation")).hasSize(1);
	}

	/**
	 * Once the enterprise has changed its dossier in the correction, or resubmitted it,
	 * the return stands: taking it back would put an edit under review that nobody
	 * submitted.
	 */
	@Test
	void aReturnTheEnterpriseHasActedOnIsNotTakenBack() {
		Case edited = review.submitProject(7);
		Task first = decideAs(edited, "Task_CountyFormalReview", REVIEWER, "RETURN", "请补充上传加盖公章的营业执照副本");
		review.correct(edited, form -> form.setProjectName("补正中改过的项目名称"));
		assertThat(as(REVIEWER).get("/api/review/withdrawable").body()).doesNotContain(first.getId());
		HttpResponse<String> refused = withCsrf(REVIEWER, "/api/review/completed-tasks/" + first.getId() + "/withdraw",
				REASON);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("企业已开始补正", "项目名称");
		assertThat(review.status(edited)).isEqualTo(ApplicationStatus.CORRECTION);
		assertThat(superseded(first.getId())).isFalse();

		Case resubmitted = review.submitProject(7);
		Task second = decideAs(resubmitted, "Task_CountyFormalReview", REVIEWER, "RETURN", "请补充上传加盖公章的营业执照副本");
		review.resubmit(resubmitted);
		assertThat(as(REVIEWER).get("/api/review/withdrawable").body()).doesNotContain(second.getId());
		HttpResponse<String> resubmittedRefusal = withCsrf(REVIEWER,
				"/api/review/completed-tasks/" + second.getId() + "/withdraw", REASON);
		assertThat(resubmittedRefusal.statusCode()).isEqualTo(409);
		assertThat(resubmittedRefusal.body()).contains("企业已重新提交");
		assertThat(review.tasks(resubmitted, "Task_CountyFormalReview")).as("back at the step that returned it")
			.hasSize(1);
		assertThat(superseded(second.getId())).isFalse();

		Case lapsing = review.submitProject(7);
		Task third = decideAs(lapsing, "Task_CountyFormalReview", REVIEWER, "RETURN", "请补充上传加盖公章的营业执照副本");
		// The deadline passed; the timer that lapses the case has not run yet.
		review.recordCorrectionDeadline(lapsing, Instant.now().minusSeconds(60));
		assertThat(as(REVIEWER).get("/api/review/withdrawable").body()).doesNotContain(third.getId());
		HttpResponse<String> late = withCsrf(REVIEWER, "/api/review/completed-tasks/" + third.getId() + "/withdraw",
				REASON);
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("补正期限已届满");
		assertThat(review.hasActive(lapsing, "correction")).isTrue();
	}

	/** Who has left the body since no longer decides its steps, not even their own. */
	@Test
	void aReviewerWhoHasLeftTheBodyCannotTakeBackTheirStep() {
		Case project = review.submitProject(7);
		Task formal = approveAs(project, "Task_CountyFormalReview", COLLEAGUE, "材料齐全，同意");
		identity.deleteMembership(COLLEAGUE, CountyReviewTasks.BODY);
		try {
			assertThatThrownBy(() -> operations.withdraw(COLLEAGUE, formal.getId(), "推荐意见需补充核实情况"))
				.isInstanceOf(HandOverException.class)
				.hasMessageContaining("您已不在冠县工业和信息化局，不能撤回该环节");
			assertThat(review.tasks(project, "Task_CountyRecommendation")).as("nothing moved").hasSize(1);
			assertThat(superseded(formal.getId())).isFalse();
		}
		finally {
			identity.createMembership(COLLEAGUE, CountyReviewTasks.BODY);
		}
	}

	/**
	 * The personal grants Camunda gave on a body's open task (to the task and to its
	 * history) stay while its holder may still work it, as the body's lead, and go when
	 * they leave the lead group too.
	 */
	@Test
	void personalGrantsOnABodysOpenTaskGoOnlyWhenItsHolderMayNoLongerWorkIt() {
		Case project = review.submitProject(7);
		String formal = review.task(project, "Task_CountyFormalReview").getId();
		String lead = GroupNames.lead(CountyReviewTasks.BODY);
		tasks.claim(formal, COLLEAGUE);
		assertThat(grants(Resources.TASK, formal)).as("granted on claiming").isPositive();
		assertThat(grants(Resources.HISTORIC_TASK, formal)).as("granted on claiming").isPositive();
		identity.createMembership(COLLEAGUE, lead);
		try {
			identity.deleteMembership(COLLEAGUE, CountyReviewTasks.BODY);
			assertThat(tasks.createTaskQuery().taskId(formal).singleResult().getAssignee()).isEqualTo(COLLEAGUE);
			assertThat(grants(Resources.TASK, formal)).as("as the body's lead").isPositive();
			assertThat(grants(Resources.HISTORIC_TASK, formal)).as("as the body's lead").isPositive();

			identity.deleteMembership(COLLEAGUE, lead);
			assertThat(tasks.createTaskQuery().taskId(formal).singleResult().getAssignee()).isNull();
			assertThat(grants(Resources.TASK, formal)).isZero();
			assertThat(grants(Resources.HISTORIC_TASK, formal)).isZero();
		}
		finally {
			identity.deleteMembership(COLLEAGUE, lead);
			identity.createMembership(COLLEAGUE, CountyReviewTasks.BODY);
		}
	}

	private long grants(Resources resource, String taskId) {
		return authorizations.createAuthorizationQuery()
			.userIdIn(COLLEAGUE)
			.resourceType(resource)
			.resourceId(taskId)
			.count();
	}

	/**
	 * Someone who left the body keeps the task they held, and the personal grant Camunda
	 * gave them when it was theirs: neither lets them work it in the body's name, at
	 * either REST root.
	 */
	@Test
	void aReviewerWhoHasLeftTheBodyCannotClaimOrCompleteItsTasks() {
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"材料齐全，同意\"}}}";
		assertThat(as(COLLEAGUE)
			.postJson("/engine-rest/task/" + formal.getId() + "/claim", "{\"userId\":\"" + COLLEAGUE + "\"}")
			.statusCode()).isEqualTo(204);
		// Moved to another county's bureau: still staff, signed in anew.
		String elsewhere = GroupNames.county("371581", "industry");
		identity.createMembership(COLLEAGUE, elsewhere);
		identity.deleteMembership(COLLEAGUE, CountyReviewTasks.BODY);
		try {
			assertThat(review.task(project, "Task_CountyFormalReview").getAssignee())
				.as("the task they held is back in the body's pool")
				.isNull();
			// Nor do they go on reading it through the grant Camunda gave them when it
			// was theirs.
			for (String root : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
				assertThat(as(COLLEAGUE).get(root + "/task/" + formal.getId() + "/variables").statusCode())
					.as("the task's variables at %s", root)
					.isIn(403, 404);
				assertThat(as(COLLEAGUE).get(root + "/task?processInstanceBusinessKey=" + project.id()).body())
					.as("the task list at %s", root)
					.doesNotContain(formal.getId());
			}
			// Held again (say, by an identity change made outside the engine's door), it
			// is still not theirs to work.
			tasks.setAssignee(formal.getId(), COLLEAGUE);
			assertThat(as(COLLEAGUE).get("/review/applications/" + project.id()).statusCode())
				.as("nor read the dossier by holding the task")
				.isIn(403, 404);
			for (String root : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
				HttpResponse<String> held = as(COLLEAGUE).postJson(root + "/task/" + formal.getId() + "/submit-form",
						approve);
				assertThat(held.statusCode()).as(held.body()).isEqualTo(403);
			}
			assertThat(as(COLLEAGUE).postJson("/engine-rest/task/" + formal.getId() + "/submit-form", approve).body())
				.as("refused by the engine's rule, not only at the door")
				.contains("您已不在该任务所属单位");
			tasks.setAssignee(formal.getId(), null);
			HttpResponse<String> claim = as(COLLEAGUE).postJson("/engine-rest/task/" + formal.getId() + "/claim",
					"{\"userId\":\"" + COLLEAGUE + "\"}");
			assertThat(claim.statusCode()).as("claimed through the grant left from holding it").isEqualTo(403);
			assertThat(review.task(project, "Task_CountyFormalReview").getAssignee()).isNull();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM review_opinion WHERE task_id = ?")
				.param(formal.getId())
				.query(Long.class)
				.single()).as("no opinion recorded in the body's name").isZero();
		}
		finally {
			identity.createMembership(COLLEAGUE, CountyReviewTasks.BODY);
			identity.deleteMembership(COLLEAGUE, elsewhere);
		}
		// Back in the body, the same person works it as before.
		assertThat(as(COLLEAGUE)
			.postJson("/engine-rest/task/" + formal.getId() + "/claim", "{\"userId\":\"" + COLLEAGUE + "\"}")
			.statusCode()).isEqualTo(204);
		HttpResponse<String> done = as(COLLEAGUE).postJson("/engine-rest/task/" + formal.getId() + "/submit-form",
				approve);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
	}

	/**
	 * Deleting an account or a group removes memberships in bulk, past the single
	 * membership's door: the tasks the leaver held still go back to the pool, a task
	 * delegated to them goes back to its holder, and a task they delegated no longer
	 * returns to them.
	 */
	@Test
	void anAccountOrGroupDeletedGivesItsTasksBack() {
		String leaver = "tmp-leaver";
		String colleague = "tmp-colleague";
		String extra = "tmp-extra-body";
		for (String id : List.of(leaver, colleague)) {
			org.camunda.bpm.engine.identity.User user = identity.newUser(id);
			user.setFirstName("临时");
			user.setLastName(id);
			user.setPassword("Tmp-password-1");
			identity.saveUser(user);
			identity.createMembership(id, CountyReviewTasks.BODY);
		}
		org.camunda.bpm.engine.identity.Group group = identity.newGroup(extra);
		group.setName("临时单位");
		group.setType("county");
		identity.saveGroup(group);
		try {
			Task held = review.task(review.submitProject(7), "Task_CountyFormalReview");
			tasks.claim(held.getId(), leaver);
			Task delegatedToLeaver = review.task(review.submitProject(7), "Task_CountyFormalReview");
			tasks.claim(delegatedToLeaver.getId(), REVIEWER);
			tasks.delegateTask(delegatedToLeaver.getId(), leaver);
			Task delegatedByLeaver = review.task(review.submitProject(7), "Task_CountyFormalReview");
			tasks.claim(delegatedByLeaver.getId(), leaver);
			tasks.delegateTask(delegatedByLeaver.getId(), colleague);

			identity.deleteUser(leaver);

			assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee())
				.as("held: back in the pool")
				.isNull();
			Task back = tasks.createTaskQuery().taskId(delegatedToLeaver.getId()).singleResult();
			assertThat(back.getAssignee()).as("delegated to the leaver: back with its holder").isEqualTo(REVIEWER);
			assertThat(back.getDelegationState()).isEqualTo(org.camunda.bpm.engine.task.DelegationState.RESOLVED);
			Task away = tasks.createTaskQuery().taskId(delegatedByLeaver.getId()).singleResult();
			assertThat(away.getAssignee()).as("delegated by the leaver: still with the colleague").isEqualTo(colleague);
			assertThat(away.getOwner()).as("and no longer returns to the leaver").isNull();

			// A group deleted: the colleague held a task only through it.
			identity.createMembership(colleague, extra);
			identity.deleteMembership(colleague, CountyReviewTasks.BODY);
			Task nobodysNow = tasks.createTaskQuery().taskId(delegatedByLeaver.getId()).singleResult();
			assertThat(nobodysNow.getAssignee()).as("the colleague left too: back in the pool").isNull();
			assertThat(nobodysNow.getDelegationState()).as("no longer a delegation with nobody to return to").isNull();
			Task throughGroup = review.task(review.submitProject(7), "Task_CountyFormalReview");
			tasks.addCandidateGroup(throughGroup.getId(), extra);
			tasks.claim(throughGroup.getId(), colleague);
			identity.deleteGroup(extra);
			assertThat(tasks.createTaskQuery().taskId(throughGroup.getId()).singleResult().getAssignee())
				.as("held through the deleted group: back in the pool")
				.isNull();
		}
		finally {
			identity.deleteUser(leaver);
			identity.deleteUser(colleague);
			identity.deleteGroup(extra);
		}
	}

	@Test
	void aStepCannotBeTakenBackOnceTheNextStepIsClaimed() {
		Case project = review.submitProject(7);
		Task formal = approveAs(project, "Task_CountyFormalReview", REVIEWER, "材料齐全，同意");
		tasks.claim(review.task(project, "Task_CountyRecommendation").getId(), COLLEAGUE);

		HttpResponse<String> refused = as(REVIEWER)
			.postJson("/api/review/completed-tasks/" + formal.getId() + "/withdraw", REASON);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("已被认领");
		assertThat(superseded(formal.getId())).isFalse();
		assertThat(operationsOf(project)).isEmpty();
	}

	@Test
	void theCountyTakesBackItsRecommendationFromTheCityWhileAcceptanceIsUnclaimed() {
		Case project = review.submitProject(7);
		approveAs(project, "Task_CountyFormalReview", REVIEWER, "材料齐全，同意");
		Task recommendation = approveAs(project, "Task_CountyRecommendation", REVIEWER, "同意推荐");
		assertThat(review.tasks(project, "Task_CityAcceptance")).hasSize(1);

		HttpResponse<String> withdrawn = as(REVIEWER)
			.postJson("/api/review/completed-tasks/" + recommendation.getId() + "/withdraw", REASON);
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(review.tasks(project, "Task_CityAcceptance")).isEmpty();
		assertThat(review.tasks(project, "Task_CountyFormalReview")).isEmpty();
		Task again = review.task(project, "Task_CountyRecommendation");
		assertThat(again.getAssignee()).isEqualTo(REVIEWER);

		review.complete(again, Map.of("decision", "APPROVE", "opinion", "再次同意推荐"));
		assertThat(review.tasks(project, "Task_CityAcceptance")).hasSize(1);
	}

	@Test
	void theCityReturnsTheCaseToTheCountyRecommendationAndTheDecisionSaysWhatStands() {
		Case project = review.submitProject(7);
		approveAs(project, "Task_CountyFormalReview", REVIEWER, "材料齐全，同意");
		approveAs(project, "Task_CountyRecommendation", REVIEWER, "最初的推荐意见：同意推荐");
		Task acceptance = review.task(project, "Task_CityAcceptance");
		tasks.claim(acceptance.getId(), CITY);
		String path = "/api/review/tasks/" + acceptance.getId() + "/return-to-previous";

		assertThat(as(REVIEWER).postJson(path, REASON).statusCode()).as("the county does not hold it").isEqualTo(404);
		assertThat(as(DemoUsers.CITY_REVIEWER).postJson(path, REASON).statusCode()).as("another city body")
			.isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, REASON).statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).postJson(path, REASON).statusCode()).as("anonymous").isEqualTo(403);
		assertThat(as(CITY).postJson(path, "{}").statusCode()).as("no reason").isEqualTo(400);
		assertThat(review.tasks(project, "Task_CityAcceptance")).hasSize(1);

		events.clear();
		operations.returnToPrevious(CITY, acceptance.getId(), "推荐意见未说明产能情况，请补充");
		assertThat(events.stream(StepReturnedToPrevious.class)).singleElement()
			.satisfies(e -> assertThat(e.assignee()).isEqualTo(REVIEWER));
		assertThat(review.tasks(project, "Task_CityAcceptance")).isEmpty();
		Task again = review.task(project, "Task_CountyRecommendation");
		assertThat(again.getAssignee()).as("back to who recommended").isEqualTo(REVIEWER);
		// Who recommended is told who sent it back, from where and why; the body is not
		// told of new work.
		assertThat(notices(again.getId(), "TASK_CREATED")).isEmpty();
		assertThat(notices(again.getId(), "TASK_SENT_BACK")).singleElement().satisfies(note -> {
			assertThat(note).startsWith(REVIEWER + "|任务退回重办：县级推荐|");
			assertThat(note).contains("「市工业和信息化局受理」环节", "「县级推荐」退回，由您重新办理", "推荐意见未说明产能情况", "办理期限");
		});
		assertThat(historyOf(project, "TASK_RETURN_TO_PREVIOUS")).singleElement()
			.asString()
			.contains("退回上一环节", "县级推荐", "推荐意见未说明产能情况");

		review.complete(again, Map.of("decision", "APPROVE", "opinion", "补充核实产能后同意推荐"));
		review.decide(project, "Task_CityAcceptance", "APPROVE", "同意受理。");
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		review.decide(project, "Task_IndustryDecision", "APPROVE");

		ReviewFixture.Issued notice = review.issued(project, DecisionType.PROJECT_ACCEPTED);
		assertThat(notice.text()).contains("补充核实产能后同意推荐").doesNotContain("最初的推荐意见");
		assertThat(notice.text()).containsOnlyOnce("冠县工业和信息化局推荐审查");
	}

	@Test
	void aLeadUrgesAnOpenTaskOfTheBodyAndOthersCannot() {
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		String path = "/api/review/tasks/" + formal.getId() + "/urge";

		assertThat(as(REVIEWER).postJson(path, REASON).statusCode()).as("a member, not the lead").isEqualTo(403);
		assertThat(as("lq-industry").postJson(path, REASON).statusCode()).isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, REASON).statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).postJson(path, REASON).statusCode()).as("anonymous").isEqualTo(403);
		assertThat(operationsOf(project)).isEmpty();

		HttpResponse<String> urged = as(LEAD).postJson(path, REASON);
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
		assertThat(operationsOf(project)).containsExactly("URGE|" + LEAD + "|推荐意见需补充核实情况");

		events.clear();
		operations.urgeAsLead(LEAD, formal.getId(), "请今日办结");
		assertThat(events.stream(TaskUrged.class)).singleElement()
			.satisfies(e -> assertThat(e.byEnterprise()).isFalse())
			.satisfies(e -> assertThat(e.bodyGroup()).isEqualTo(CountyReviewTasks.BODY));
	}

	/**
	 * An urge of a step whose completion is being committed waits for it and is refused,
	 * so that nobody is urged to a task that is gone and the record shows no urge of a
	 * done step.
	 */
	@Test
	void aLeadsUrgeOfAStepEndingMeanwhileIsRefused() throws Exception {
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), REVIEWER);
		try (OpenTransaction<Void> ending = OpenTransaction.begin(transactions,
				() -> tasks.complete(formal.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，符合要求。")))) {
			Future<?> urge = ending.meanwhile(() -> operations.urgeAsLead(LEAD, formal.getId(), "请今日办结"));
			assertThat(ending.stillWaiting(urge)).as("the urge waits for the step's end to commit").isTrue();
			ending.commit();
			assertThatThrownBy(() -> OpenTransaction.outcome(urge)).cause()
				.isInstanceOf(HandOverException.class)
				.hasMessage("该任务已办结，无需催办");
		}
		assertThat(operationsOf(project)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE task_id = ? AND kind = 'TASK_URGED'")
			.param(formal.getId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theEnterpriseUrgesItsOwnCaseOnceADay() {
		Case project = review.submitProject(7);
		String path = "/api/applications/" + project.id() + "/urge";

		assertThat(as(DemoUsers.OTHER_ENTERPRISE).postJson(path, REASON).statusCode()).as("not its case")
			.isEqualTo(404);
		assertThat(as(REVIEWER).postJson(path, REASON).statusCode()).as("a reviewer").isEqualTo(403);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, "{}").statusCode()).as("no reason").isEqualTo(400);

		tasks.claim(review.task(project, "Task_CountyFormalReview").getId(), REVIEWER);
		HttpResponse<String> urged = as(DemoUsers.ENTERPRISE).postJson(path, REASON);
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
		assertThat(urged.body()).contains("县级形式审查", "\"claimed\":true").doesNotContain(REVIEWER, "assignee");
		assertThat(historyOf(project, "ENTERPRISE_URGE")).singleElement().asString().contains("（已有人办理）");
		assertThat(review.history(project)).as("told to the enterprise")
			.anyMatch(line -> line.contains("催办冠县工业和信息化局「县级形式审查」（已有人办理）。催办事由：推荐意见需补充核实情况"));
		HttpResponse<String> again = as(DemoUsers.ENTERPRISE).postJson(path, REASON);
		assertThat(again.statusCode()).isEqualTo(429);
		assertThat(again.body()).contains("每个工作日只能催办一次");
		assertThat(operationsOf(project)).containsExactly("URGE|" + DemoUsers.ENTERPRISE + "|推荐意见需补充核实情况");
	}

	@Test
	void theEnterpriseUrgesFromItsCasePageWithTheSameRule() {
		Case project = review.submitProject(7);
		String page = "/enterprise/applications/" + project.id();
		String form = "reason=" + java.net.URLEncoder.encode("设备已到货，请尽快审查", java.nio.charset.StandardCharsets.UTF_8);
		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String csrf = WebClient.csrfTokenOf(enterprise.get(page).body());
		assertThat(enterprise.get(page).body()).contains("id=\"urge\"").doesNotContain("id=\"urge-not-needed\"");
		// Each stage's date carries its year: a case may run from December into January.
		assertThat(enterprise.get(page).body())
			.contains(" · " + LocalDate.now(ChinaTime.ZONE).format(DateTimeFormatter.ofPattern("yyyy年M月d日")));

		assertThat(enterprise.postForm(page + "/urge", form).statusCode()).as("without the CSRF token").isEqualTo(403);
		WebClient other = new WebClient(port);
		other.login(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
		String otherCsrf = WebClient.csrfTokenOf(other.get("/enterprise/applications").body());
		assertThat(other.postForm(page + "/urge", form + "&_csrf=" + otherCsrf).statusCode()).as("not its case")
			.isEqualTo(404);
		assertThat(operationsOf(project)).isEmpty();

		HttpResponse<String> urged = enterprise.postForm(page + "/urge", form + "&_csrf=" + csrf);
		assertThat(urged.statusCode()).isEqualTo(302);
		assertThat(enterprise.get(page).body()).contains("已催办", "县级形式审查");
		enterprise.postForm(page + "/urge", form + "&_csrf=" + csrf);
		assertThat(enterprise.get(page).body()).contains("未能催办", "每个工作日只能催办一次", "设备已到货，请尽快审查");
		assertThat(operationsOf(project)).containsExactly("URGE|" + DemoUsers.ENTERPRISE + "|设备已到货，请尽快审查");
	}

	@Test
	void theCityIndustryBureauAddsABodyToTheRunningJointReviewWhichThenWaitsForItsOpinion() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE", "同意受理。");
		List<Task> joint = review.tasks(project, "Task_JointReview");
		assertThat(groupsOf(joint)).doesNotContain("city-finance").contains("city-industry", "city-ecology");
		Task any = joint.stream().filter(t -> groupsOf(List.of(t)).contains("city-industry")).findFirst().orElseThrow();
		String path = "/api/review/tasks/" + any.getId() + "/add-reviewer";
		String finance = "{\"body\":\"finance\",\"reason\":\"项目涉及财政资金，请市财政局参加联审\"}";

		assertThat(as(CITY).get("/api/review/tasks/" + any.getId() + "/addable-bodies").body())
			.contains("finance", "聊城市财政局")
			.doesNotContain("\"ecology\"");
		Task ecologys = joint.stream()
			.filter(t -> groupsOf(List.of(t)).contains("city-ecology"))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> jointBody = as(DemoUsers.CITY_REVIEWER)
			.postJson("/api/review/tasks/" + ecologys.getId() + "/add-reviewer", finance);
		assertThat(jointBody.statusCode()).as("a joint reviewer, not the industry bureau").isEqualTo(403);
		assertThat(jointBody.body()).contains("只有市工业和信息化局可以加签");
		assertThat(as(DemoUsers.CITY_REVIEWER).postJson(path, finance).statusCode()).as("another body's task")
			.isEqualTo(404);
		assertThat(as(REVIEWER).postJson(path, finance).statusCode()).as("a county reviewer").isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, finance).statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).postJson(path, finance).statusCode()).as("anonymous").isEqualTo(403);
		assertThat(as(CITY).postJson(path, "{\"body\":\"nowhere\",\"reason\":\"请参加联审\"}").statusCode()).isEqualTo(400);
		assertThat(as(CITY).postJson(path, "{\"body\":\"ecology\",\"reason\":\"请参加联审\"}").statusCode())
			.as("already reviewing")
			.isEqualTo(400);
		assertThat(as(CITY).postJson(path, "{\"body\":\"finance\"}").statusCode()).as("no reason").isEqualTo(400);
		assertThat(review.tasks(project, "Task_JointReview")).hasSameSizeAs(joint);

		HttpResponse<String> added = as(CITY).postJson(path, finance);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		assertThat(groupsOf(review.tasks(project, "Task_JointReview"))).contains("city-finance")
			.hasSize(joint.size() + 1);
		assertThat(operationsOf(project)).containsExactly("ADD_REVIEWER|" + CITY + "|项目涉及财政资金，请市财政局参加联审");

		for (Task task : joint) {
			review.complete(task, Map.of("decision", "APPROVE", "opinion", "同意。"));
		}
		review.runJobs(project);
		assertThat(review.tasks(project, "Task_IndustryDecision")).as("the round waits for the added body").isEmpty();
		Task financeTask = review.task(project, "Task_JointReview");
		review.complete(financeTask, Map.of("decision", "APPROVE", "opinion", "财政局审核同意。"));
		review.runJobs(project);
		assertThat(jdbc.sql("SELECT body_group FROM review_opinion WHERE task_id = ?")
			.param(financeTask.getId())
			.query(String.class)
			.single()).isEqualTo("city-finance");
		review.decide(project, "Task_IndustryDecision", "APPROVE");
		assertThat(review.issued(project, DecisionType.PROJECT_ACCEPTED).text()).contains("聊城市财政局");
	}

	// --- helpers

	private List<String> groupsOf(List<Task> open) {
		return open.stream()
			.flatMap(t -> tasks.getIdentityLinksForTask(t.getId()).stream())
			.map(l -> l.getGroupId())
			.filter(g -> g != null)
			.toList();
	}

	/** The reviewer claims and decides the case's open {@code step}, as in Tasklist. */
	private Task decideAs(Case c, String step, String reviewer, String decision, String opinion) {
		Task task = review.task(c, step);
		tasks.claim(task.getId(), reviewer);
		review.complete(task, Map.of("decision", decision, "opinion", opinion));
		review.runJobs(c);
		return task;
	}

	/** The reviewer claims and approves the case's open {@code step}, as in Tasklist. */
	private Task approveAs(Case c, String step, String reviewer, String opinion) {
		Task task = review.task(c, step);
		tasks.claim(task.getId(), reviewer);
		review.complete(task, Map.of("decision", "APPROVE", "opinion", opinion));
		review.runJobs(c);
		return task;
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private WebClient sessionWithoutCsrf(String user) {
		WebClient browser = new WebClient(port);
		assertThat(browser.login(user, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		return browser;
	}

	/**
	 * As Tasklist's panel does: a session, the token from /api/review/csrf in its header.
	 */
	private HttpResponse<String> withCsrf(String user, String path, String json) {
		WebClient browser = sessionWithoutCsrf(user);
		String csrf = browser.get("/api/review/csrf").body();
		Matcher header = Pattern.compile("\"headerName\":\"([^\"]+)\"").matcher(csrf);
		Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(csrf);
		assertThat(header.find() && token.find()).as(csrf).isTrue();
		return browser.postJson(path, json, header.group(1), token.group(1));
	}

	private boolean superseded(String taskId) {
		return jdbc.sql("SELECT superseded_at IS NOT NULL FROM review_opinion WHERE task_id = ?")
			.param(taskId)
			.query(Boolean.class)
			.single();
	}

	/** The notifications about a task, as "recipient|title|body". */
	private List<String> notices(String taskId, String kind) {
		return jdbc
			.sql("SELECT recipient_id || '|' || title || '|' || body FROM notification WHERE kind = ? AND link LIKE ?"
					+ " ORDER BY id")
			.params(kind, "%" + taskId)
			.query(String.class)
			.list();
	}

	private List<String> operationsOf(Case c) {
		return jdbc.sql("SELECT operation, actor, reason FROM review_operation WHERE application_id = ? ORDER BY id")
			.param(c.id())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.list();
	}

	private List<String> historyOf(Case c, String action) {
		return jdbc.sql("SELECT message FROM application_event WHERE application_id = ? AND action = ? ORDER BY id")
			.params(c.id(), action)
			.query(String.class)
			.list();
	}

}
