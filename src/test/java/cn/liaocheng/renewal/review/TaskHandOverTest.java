package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Handing a review task over is a product operation within one body: the holder gives it
 * to a colleague of the same candidate group, or back to the group's pool, with a reason
 * that the case history and the audit trail keep. Every other target, a missing or
 * unprintable reason, a caller who does not hold the task and a task of another body are
 * refused, and then nothing changes.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskHandOverTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String REASON = "本人下周出差，转同事办理";

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
		countyTasks.ensureColleague();
	}

	@Test
	void theHolderTransfersToAColleagueOfTheSameBodyAndTheCaseHistoryKeepsWhoWhomAndWhy() throws Exception {
		Task task = countyTasks.heldBy(HOLDER);
		HttpResponse<String> response = as(HOLDER).postJson(transfer(task), body(COLLEAGUE, REASON));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode handOver = JSON.readTree(response.body());
		assertThat(handOver.path("assignee").asText()).isEqualTo(COLLEAGUE);
		assertThat(handOver.path("body").asText()).isEqualTo(CountyReviewTasks.BODY);
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
		assertThat(candidateGroupsOf(task)).containsExactly(CountyReviewTasks.BODY);

		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		assertThat(history(applicationId)).singleElement()
			.satisfies(event -> assertThat(event).startsWith("TASK_TRANSFER|" + HOLDER + "|冠县工业和信息化局|冠县工业和信息化局「县级形式审查」由"
					+ nameOf(HOLDER) + "转交" + nameOf(COLLEAGUE) + "办理。转交原因：" + REASON));
		assertThat(audit(applicationId, "TASK_TRANSFER")).singleElement()
			.satisfies(entry -> assertThat(entry).startsWith(HOLDER + "|task " + task.getId())
				.contains("to " + COLLEAGUE, REASON));

		// The colleague now works it; the former holder no longer can.
		WebClient former = as(HOLDER);
		assertThat(former.postJson("/engine-rest/task/" + task.getId() + "/submit-form", approval()).statusCode())
			.isEqualTo(403);
		HttpResponse<String> done = as(COLLEAGUE).postJson("/engine-rest/task/" + task.getId() + "/submit-form",
				approval());
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT reviewer FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query(String.class)
			.list()).containsExactly(COLLEAGUE);
	}

	static Stream<Arguments> refusedTransfers() {
		return Stream.of(Arguments.of("a member of another body of the same county", "gx-finance", REASON, "to"),
				Arguments.of("a member of another county's body", "lq-industry", REASON, "to"),
				Arguments.of("a city body's reviewer", DemoUsers.CITY_REVIEWER, REASON, "to"),
				Arguments.of("an enterprise", DemoUsers.ENTERPRISE, REASON, "to"),
				Arguments.of("an unknown id", "nobody-at-all", REASON, "to"),
				Arguments.of("oneself", HOLDER, REASON, "to"), Arguments.of("nobody", "", REASON, "to"),
				Arguments.of("no reason", COLLEAGUE, null, "reason"),
				Arguments.of("a blank reason", COLLEAGUE, "   ", "reason"),
				Arguments.of("a one-character reason", COLLEAGUE, "忙", "reason"),
				Arguments.of("a reason of 201 characters", COLLEAGUE, "忙".repeat(201), "reason"),
				Arguments.of("a reason with a bidi override", COLLEAGUE, "出差\u202E办代事同", "reason"),
				Arguments.of("a reason with a control character", COLLEAGUE, "出差\u0007三天", "reason"));
	}

	@ParameterizedTest(name = "transfer to {0} is refused")
	@MethodSource("refusedTransfers")
	void aTransferOutsideTheBodyOrWithoutAProperReasonIsRefused(String what, String to, String reason, String field)
			throws Exception {
		Task task = countyTasks.heldBy(HOLDER);
		HttpResponse<String> response = as(HOLDER).postJson(transfer(task), body(to, reason));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
		assertThat(problem.path("detail").asText()).as("a Chinese message").containsPattern("\\p{IsHan}");
		assertNothingChanged(task, HOLDER);
	}

	@Test
	void onlyTheHolderMayHandOverAndOtherBodiesDoNotEvenSeeTheTask() {
		Task task = countyTasks.heldBy(HOLDER);
		HttpResponse<String> colleague = as(COLLEAGUE).postJson(transfer(task), body(COLLEAGUE, REASON));
		assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(403);
		assertThat(colleague.body()).contains("只有该任务的当前办理人");
		HttpResponse<String> colleagueRelease = as(COLLEAGUE).postJson(release(task),
				"{\"reason\":\"" + REASON + "\"}");
		assertThat(colleagueRelease.statusCode()).isEqualTo(403);

		for (String outsider : List.of("lq-industry", "gx-finance", DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ADMIN)) {
			HttpResponse<String> response = as(outsider).postJson(transfer(task), body(outsider, REASON));
			assertThat(response.statusCode()).as("%s: %s", outsider, response.body()).isEqualTo(404);
			assertThat(response.body()).doesNotContain(task.getName());
		}
		HttpResponse<String> enterprise = as(DemoUsers.ENTERPRISE).postJson(transfer(task),
				body(DemoUsers.ENTERPRISE, REASON));
		assertThat(enterprise.statusCode()).isEqualTo(403);
		HttpResponse<String> unknown = as(HOLDER).postJson("/api/review/tasks/no-such-task/transfer",
				body(COLLEAGUE, REASON));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertNothingChanged(task, HOLDER);
	}

	@Test
	void aTaskOfAnotherCountyIsUnknownToTheReviewer() {
		Task foreign = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long
				.toString(new SubmittedProjects(applications, identity).submitProject(DemoUsers.OTHER_ENTERPRISE).id()))
			.taskDefinitionKey(CountyReviewTasks.FORMAL_REVIEW)
			.singleResult();
		tasks.claim(foreign.getId(), "lq-industry");
		for (String path : List.of(transfer(foreign), release(foreign))) {
			HttpResponse<String> response = as(HOLDER).postJson(path, body(COLLEAGUE, REASON));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
			assertThat(response.body()).contains("任务不存在");
		}
		assertNothingChanged(foreign, "lq-industry");
	}

	@Test
	void theHolderReleasesTheTaskToTheBodysPoolWithAReason() {
		Task task = countyTasks.heldBy(HOLDER);
		HttpResponse<String> noReason = as(HOLDER).postJson(release(task), "{}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertNothingChanged(task, HOLDER);

		HttpResponse<String> released = as(HOLDER).postJson(release(task), "{\"reason\":\"误领，放回部门待办\"}");
		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		assertThat(assigneeOf(task)).isNull();
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		assertThat(history(applicationId)).singleElement()
			.satisfies(
					event -> assertThat(event).startsWith("TASK_RELEASE|" + HOLDER).contains("放回本部门待办", "误领，放回部门待办"));
		assertThat(audit(applicationId, "TASK_RELEASE")).hasSize(1);

		HttpResponse<String> claim = as(COLLEAGUE).postJson("/engine-rest/task/" + task.getId() + "/claim",
				"{\"userId\":\"" + COLLEAGUE + "\"}");
		assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
	}

	/**
	 * 放回本部门待办 is offered to the holder alone, as the release itself allows: not to a
	 * colleague of the body, not to the colleague a task was delegated to, not to another
	 * county. Whoever is not the holder cannot release it by naming the holder, through
	 * another spelling of the path or by the id of someone else's task.
	 */
	@Test
	void releaseIsOfferedToTheHolderOnlyAndNobodyElseReleasesTheTaskHoweverAsked() throws Exception {
		Task task = countyTasks.heldBy(HOLDER);
		assertThat(operations(HOLDER, task)).contains("release", "transfer", "delegate");
		assertThat(operations(COLLEAGUE, task)).as("a colleague of the body").doesNotContain("release");
		assertThat(as("lq-industry").get(operationsOf(task)).statusCode()).as("another county").isEqualTo(404);

		String asTheHolder = "{\"reason\":\"误领，放回部门待办\",\"userId\":\"" + HOLDER + "\",\"assignee\":\"" + HOLDER + "\"}";
		String path = release(task);
		for (String spelling : List.of(path, path + "/", path + ";x=y", path.replace("/tasks/", "/tasks;x=y/"),
				path.replace("/api/review/", "/api//review/"), path.replace("/api/review/", "/API/review/"),
				path.replace("/release", "/RELEASE"), path.replace("/release", "%2Frelease"),
				path.replace("/release", "/./release"), path.replace("/tasks/", "/tasks/x/../"))) {
			HttpResponse<String> refused = as(COLLEAGUE).postJson(spelling, asTheHolder);
			assertThat(refused.statusCode()).as("%s: %s", spelling, refused.body()).isBetween(400, 405);
		}
		HttpResponse<String> refused = as(COLLEAGUE).postJson(path, asTheHolder);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("只有该任务的当前办理人");
		assertNothingChanged(task, HOLDER);

		// The holder, by the id of a colleague's task: refused, and that task stays
		// the colleague's.
		Task colleagues = countyTasks.heldBy(COLLEAGUE);
		assertThat(operations(HOLDER, colleagues)).doesNotContain("release");
		HttpResponse<String> others = as(HOLDER).postJson(release(colleagues), "{\"reason\":\"误领，放回部门待办\"}");
		assertThat(others.statusCode()).as(others.body()).isEqualTo(403);
		assertNothingChanged(colleagues, COLLEAGUE);

		// Delegated, the task is the delegate's to complete and hand back, not to
		// release.
		HttpResponse<String> delegated = as(HOLDER).postJson("/api/review/tasks/" + task.getId() + "/delegate",
				body(COLLEAGUE, "请协助核对设备清单"));
		assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(200);
		assertThat(operations(COLLEAGUE, task)).doesNotContain("release");
		assertThat(operations(HOLDER, task)).doesNotContain("release");
		HttpResponse<String> byDelegate = as(COLLEAGUE).postJson(path, "{\"reason\":\"误领，放回部门待办\"}");
		assertThat(byDelegate.statusCode()).as(byDelegate.body()).isEqualTo(403);
		assertThat(byDelegate.body()).contains("委派给您");
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
		assertThat(audit(CountyReviewTasks.applicationOf(task, runtime), "TASK_RELEASE")).isEmpty();
	}

	@Test
	void theHolderDelegatesToAColleagueWhoseCompletionReturnsTheTaskToTheHolder() {
		Task task = countyTasks.heldBy(HOLDER);
		String delegate = "/api/review/tasks/" + task.getId() + "/delegate";
		assertThat(as(HOLDER).postJson(delegate, body("gx-finance", REASON)).statusCode()).as("another body")
			.isEqualTo(400);
		assertThat(as(COLLEAGUE).postJson(delegate, body(COLLEAGUE, REASON)).statusCode()).as("not the holder")
			.isEqualTo(403);
		assertThat(as("lq-industry").postJson(delegate, body(COLLEAGUE, REASON)).statusCode()).isEqualTo(404);
		assertThat(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.postJson(delegate, body(COLLEAGUE, REASON))
			.statusCode()).isEqualTo(403);

		HttpResponse<String> delegated = as(HOLDER).postJson(delegate, body(COLLEAGUE, "请协助核对设备清单"));
		assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(200);
		Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(now.getAssignee()).isEqualTo(COLLEAGUE);
		assertThat(now.getOwner()).isEqualTo(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		assertThat(jdbc.sql("SELECT operation || '|' || reason FROM review_operation WHERE application_id = ?")
			.param(applicationId)
			.query(String.class)
			.list()).containsExactly("DELEGATE|请协助核对设备清单");

		// The delegate cannot pass it on, and completing it hands it back to the holder
		// without an opinion of record.
		HttpResponse<String> passOn = as(COLLEAGUE).postJson(transfer(task), body(HOLDER, REASON));
		assertThat(passOn.statusCode()).isEqualTo(403);
		assertThat(passOn.body()).contains("委派给您");
		// Nor end the holder's step outright, through either REST root, with or without
		// the variables in return.
		for (String complete : List.of("/engine-rest/task/" + task.getId() + "/complete",
				"/camunda/api/engine/engine/default/task/" + task.getId() + "/complete")) {
			for (String body : List.of(approval(),
					approval().replace("{\"variables\"", "{\"withVariablesInReturn\":true,\"variables\""))) {
				HttpResponse<String> completed = as(COLLEAGUE).postJson(complete, body);
				assertThat(completed.statusCode()).as(complete + " " + completed.body()).isEqualTo(403);
			}
		}
		// Nor hand it back by resolve, which skips the form: the form is how it returns.
		for (String resolve : List.of("/engine-rest/task/" + task.getId() + "/resolve",
				"/camunda/api/engine/engine/default/task/" + task.getId() + "/resolve")) {
			HttpResponse<String> bare = as(COLLEAGUE).postJson(resolve, approval());
			assertThat(bare.statusCode()).as(resolve + " " + bare.body()).isEqualTo(403);
		}
		assertThat(as(COLLEAGUE).postJson("/engine-rest/task/" + task.getId() + "/resolve", approval()).body())
			.as("refused by the engine's rule, not only at the door")
			.contains("请提交表单交还");
		now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(now).as("the refused completions left the task open").isNotNull();
		assertThat(now.getAssignee()).isEqualTo(COLLEAGUE);
		assertThat(now.getDelegationState()).isEqualTo(DelegationState.PENDING);
		HttpResponse<String> resolved = as(COLLEAGUE).postJson("/engine-rest/task/" + task.getId() + "/submit-form",
				approval());
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(204);
		now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(now).as("still open, back with the holder").isNotNull();
		assertThat(now.getAssignee()).isEqualTo(HOLDER);
		assertThat(jdbc.sql("SELECT count(*) FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query(Integer.class)
			.single()).isZero();

		HttpResponse<String> done = as(HOLDER).postJson("/engine-rest/task/" + task.getId() + "/submit-form",
				approval());
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT reviewer FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query(String.class)
			.list()).containsExactly(HOLDER);
	}

	@Test
	void aSessionCallerNeedsTheCsrfTokenAsEverywhereElse() {
		Task task = countyTasks.heldBy(HOLDER);
		WebClient browser = new WebClient(port);
		assertThat(browser.login(HOLDER, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);

		HttpResponse<String> forged = browser.postJson(transfer(task), body(COLLEAGUE, REASON));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertNothingChanged(task, HOLDER);

		Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(browser.get("/").body());
		assertThat(token.find()).as("the page carries the CSRF token").isTrue();
		HttpResponse<String> sent = browser.postJson(transfer(task), body(COLLEAGUE, REASON), "X-CSRF-TOKEN",
				token.group(1));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
	}

	// --- helpers

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String transfer(Task task) {
		return "/api/review/tasks/" + task.getId() + "/transfer";
	}

	private static String release(Task task) {
		return "/api/review/tasks/" + task.getId() + "/release";
	}

	private static String operationsOf(Task task) {
		return "/api/review/tasks/" + task.getId() + "/operations";
	}

	/** The operations {@code user} is offered on the task. */
	private List<String> operations(String user, Task task) throws Exception {
		HttpResponse<String> response = as(user).get(operationsOf(task));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> offered = new ArrayList<>();
		JSON.readTree(response.body()).forEach(op -> offered.add(op.asText()));
		return offered;
	}

	private static String body(String to, String reason) {
		com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
		body.put("to", to);
		body.put("reason", reason);
		return body.toString();
	}

	private static String approval() {
		return "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"材料齐全，同意\"}}}";
	}

	private String assigneeOf(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private List<String> candidateGroupsOf(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null)
			.toList();
	}

	private String nameOf(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return user.getLastName() + user.getFirstName();
	}

	private List<String> history(long applicationId) {
		return jdbc.sql("""
				SELECT action, actor, actor_name, message FROM application_event
				WHERE application_id = ? AND action IN ('TASK_TRANSFER', 'TASK_RELEASE') ORDER BY id""")
			.param(applicationId)
			.query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private List<String> audit(long applicationId, String action) {
		return jdbc.sql("SELECT actor, details FROM audit_log WHERE subject = ? AND action = ? ORDER BY id")
			.params("application:" + applicationId, action)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.list();
	}

	private void assertNothingChanged(Task task, String holder) {
		Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(now).as("the task is still open").isNotNull();
		assertThat(now.getAssignee()).isEqualTo(holder);
		assertThat(candidateGroupsOf(task)).hasSize(1);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		assertThat(history(applicationId)).isEmpty();
		assertThat(audit(applicationId, "TASK_TRANSFER")).isEmpty();
		assertThat(audit(applicationId, "TASK_RELEASE")).isEmpty();
	}

}
