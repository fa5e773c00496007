package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 负责人改派: a body's lead takes a task from a holder who is away and gives it to a
 * colleague, or back to the body's pool, with a reason that the case history, the
 * operations log and the audit trail keep, and tells the people concerned. Nobody else
 * may, and then nothing changes.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadReassignmentTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String LEAD = "gx-industry-lead";

	private static final String REASON = "原办理人病假，改由同事办理";

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
	void theLeadGivesAHeldTaskToAColleagueAndBothAreTold() {
		Task task = countyTasks.heldBy(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		assertThat(as(LEAD).get(operations(task)).body()).contains("reassign");
		assertThat(as(HOLDER).get(operations(task)).body()).doesNotContain("reassign");
		assertThat(as(LEAD).get("/api/review/tasks/" + task.getId() + "/reassignees").body()).contains(COLLEAGUE)
			.doesNotContain("\"" + HOLDER + "\"");

		// Fields the door does not know change nothing.
		HttpResponse<String> done = as(LEAD).postJson(reassign(task), "{\"to\":\"" + COLLEAGUE + "\",\"reason\":\""
				+ REASON + "\",\"assignee\":\"lq-industry\",\"body\":\"county-371581-industry\"}");

		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(done.body()).contains("\"body\":\"" + CountyReviewTasks.BODY + "\"");
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
		assertThat(history(applicationId)).singleElement()
			.satisfies(event -> assertThat(event).startsWith("TASK_REASSIGN|" + LEAD + "|冠县工业和信息化局|")
				.contains("由负责人", "从" + nameOf(HOLDER) + "名下改派" + nameOf(COLLEAGUE) + "办理", REASON));
		assertThat(audit(applicationId)).singleElement()
			.satisfies(entry -> assertThat(entry).contains("from " + HOLDER + " to " + COLLEAGUE, REASON));
		assertThat(as(HOLDER).get("/review/applications/" + applicationId).body()).contains("负责人改派");
		assertThat(messages(HOLDER, applicationId)).singleElement()
			.satisfies(m -> assertThat(m).contains("任务已由负责人改派", "改派" + nameOf(COLLEAGUE) + "办理", "您无需再办理", REASON));
		assertThat(messages(COLLEAGUE, applicationId)).singleElement()
			.satisfies(m -> assertThat(m).contains("负责人改派给您的任务", REASON));
		assertThat(messages(LEAD, applicationId)).isEmpty();

		// The former holder can no longer work it; the colleague can.
		assertThat(as(HOLDER).postJson("/engine-rest/task/" + task.getId() + "/submit-form", approval()).statusCode())
			.isEqualTo(403);
		assertThat(
				as(COLLEAGUE).postJson("/engine-rest/task/" + task.getId() + "/submit-form", approval()).statusCode())
			.isEqualTo(204);
	}

	@Test
	void theLeadTakesATaskBackIntoTheBodysPoolAndGivesAWaitingOneOut() {
		Task task = countyTasks.heldBy(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);

		HttpResponse<String> back = as(LEAD).postJson(reassign(task), "{\"reason\":\"办理人出差，收回部门待办\"}");
		assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
		assertThat(assigneeOf(task)).isNull();
		assertThat(messages(HOLDER, applicationId)).singleElement()
			.satisfies(m -> assertThat(m).contains("收回本部门待办", "您无需再办理"));
		assertThat(messages(COLLEAGUE, applicationId)).singleElement()
			.satisfies(m -> assertThat(m).contains("任务收回待认领", "请在 Tasklist 中认领办理"));
		assertThat(as(LEAD).postJson(reassign(task), "{\"reason\":\"再收回一次\"}").statusCode()).as("already in the pool")
			.isEqualTo(400);

		HttpResponse<String> given = as(LEAD).postJson(reassign(task), body(COLLEAGUE, "指定同事办理"));
		assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
		assertThat(history(applicationId)).hasSize(2).last().asString().contains("从本部门待办中改派");
	}

	@Test
	void onlyTheBodysLeadMayAndThenNothingChanges() {
		Task task = countyTasks.heldBy(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);

		HttpResponse<String> byHolder = as(HOLDER).postJson(reassign(task), body(COLLEAGUE, REASON));
		assertThat(byHolder.statusCode()).isEqualTo(403);
		assertThat(byHolder.body()).contains("只有本部门负责人");
		assertThat(as(COLLEAGUE).postJson(reassign(task), body(COLLEAGUE, REASON)).statusCode()).isEqualTo(403);
		for (String stranger : List.of("lq-industry-lead", "gx-finance-lead", DemoUsers.CITY_REVIEWER)) {
			HttpResponse<String> answer = as(stranger).postJson(reassign(task), body(COLLEAGUE, REASON));
			assertThat(answer.statusCode()).as(stranger).isEqualTo(404);
		}
		assertThat(as(DemoUsers.ENTERPRISE).postJson(reassign(task), body(COLLEAGUE, REASON)).statusCode())
			.isEqualTo(403);
		for (String outside : List.of("gx-finance", "lq-industry", DemoUsers.ENTERPRISE, "nobody-at-all", HOLDER)) {
			assertThat(as(LEAD).postJson(reassign(task), body(outside, REASON)).statusCode()).as(outside)
				.isEqualTo(400);
		}
		assertThat(as(LEAD).postJson(reassign(task), body(COLLEAGUE, " ")).statusCode()).as("no reason").isEqualTo(400);

		assertThat(assigneeOf(task)).isEqualTo(HOLDER);
		assertThat(history(applicationId)).isEmpty();
		assertThat(audit(applicationId)).isEmpty();
	}

	@Test
	void aTaskDelegatedAndNotYetHandedBackIsLeftAlone() {
		Task task = countyTasks.heldBy(HOLDER);
		HttpResponse<String> delegated = as(HOLDER).postJson("/api/review/tasks/" + task.getId() + "/delegate",
				body(COLLEAGUE, "请协助核对材料"));
		assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(200);

		assertThat(as(LEAD).get(operations(task)).body()).doesNotContain("reassign");
		HttpResponse<String> refused = as(LEAD).postJson(reassign(task), body(HOLDER, REASON));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("尚未交还");
		assertThat(assigneeOf(task)).isEqualTo(COLLEAGUE);
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String reassign(Task task) {
		return "/api/review/tasks/" + task.getId() + "/reassign";
	}

	private static String operations(Task task) {
		return "/api/review/tasks/" + task.getId() + "/operations";
	}

	private static String body(String to, String reason) {
		return "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
	}

	private static String approval() {
		return "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"材料齐全，同意推荐。\"}}}";
	}

	private String assigneeOf(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private String nameOf(String userId) {
		var user = identity.createUserQuery().userId(userId).singleResult();
		return user.getLastName() + user.getFirstName();
	}

	private List<String> history(long applicationId) {
		return jdbc.sql("""
				SELECT action, actor, actor_name, message FROM application_event
				WHERE application_id = ? AND action = 'TASK_REASSIGN' ORDER BY id""")
			.param(applicationId)
			.query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private List<String> audit(long applicationId) {
		return jdbc.sql("SELECT details FROM audit_log WHERE subject = ? AND action = 'TASK_REASSIGN' ORDER BY id")
			.param("application:" + applicationId)
			.query(String.class)
			.list();
	}

	private List<String> messages(String user, long applicationId) {
		return jdbc.sql("""
				SELECT title, body FROM notification WHERE recipient_id = ? AND application_id = ?
				AND kind = 'TASK_REASSIGNED' ORDER BY id""")
			.params(user, applicationId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.list();
	}

}
