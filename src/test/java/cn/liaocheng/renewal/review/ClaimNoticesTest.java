package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
 * Who hears about a task changing hands: the new assignee when someone else gives it to
 * them, the body when a task goes back to its pool, nobody when a reviewer claims a task
 * for themselves; and each fact once, whichever door (Tasklist's engine API, the
 * product's hand-over operations) it came through.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimNoticesTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
		countyTasks.ensureColleague();
	}

	@Test
	void aReviewerClaimingATaskInTasklistTellsNobody() {
		Task task = countyTasks.open();

		HttpResponse<String> claim = as(HOLDER).postJson("/engine-rest/task/" + task.getId() + "/claim",
				"{\"userId\":\"" + HOLDER + "\"}");

		assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
		assertThat(assigneeOf(task)).isEqualTo(HOLDER);
		assertThat(notices(task, "TASK_ASSIGNED", "TASK_RELEASED", "TASK_TRANSFERRED")).isEmpty();
	}

	@Test
	void anAdministratorAssigningATaskTellsTheNewAssigneeOnce() {
		Task task = countyTasks.open();

		HttpResponse<String> assign = as(DemoUsers.ADMIN).postJson("/engine-rest/task/" + task.getId() + "/assignee",
				"{\"userId\":\"" + COLLEAGUE + "\"}");

		assertThat(assign.statusCode()).as(assign.body()).isEqualTo(204);
		assertThat(notices(task, "TASK_ASSIGNED")).singleElement().satisfies(n -> {
			assertThat(n.recipient()).isEqualTo(COLLEAGUE);
			assertThat(n.body()).contains("将申报编号", "「县级形式审查」指派给您办理", "办理期限");
		});
		assertThat(notices(task, "TASK_RELEASED", "TASK_TRANSFERRED")).isEmpty();
	}

	@Test
	void anAdministratorPuttingATaskBackIntoThePoolTellsTheBody() {
		Task task = countyTasks.heldBy(HOLDER);

		HttpResponse<String> unclaim = as(DemoUsers.ADMIN).postJson("/engine-rest/task/" + task.getId() + "/unclaim",
				"");

		assertThat(unclaim.statusCode()).as(unclaim.body()).isEqualTo(204);
		assertThat(assigneeOf(task)).isNull();
		assertThat(notices(task, "TASK_RELEASED")).extracting(Notice::recipient)
			.containsExactlyInAnyOrderElementsOf(members(CountyReviewTasks.BODY))
			.contains(HOLDER, COLLEAGUE)
			.doesNotContain(DemoUsers.ADMIN, "gx-finance", "gx-industry-lead");
		assertThat(notices(task, "TASK_ASSIGNED")).isEmpty();
	}

	@Test
	void aReviewerAssigningATaskToAColleagueThroughTheEngineIsRefusedAndTellsNobody() {
		Task task = countyTasks.open();

		for (String[] attempt : new String[][] {
				{ "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"" + COLLEAGUE + "\"}" },
				{ "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + COLLEAGUE + "\"}" },
				{ "/engine-rest//task/" + task.getId() + "/assignee", "{\"userId\":\"" + COLLEAGUE + "\"}" } }) {
			HttpResponse<String> refused = as(HOLDER).postJson(attempt[0], attempt[1]);
			assertThat(refused.statusCode()).as("%s: %s", attempt[0], refused.body()).isIn(400, 403, 404);
		}

		assertThat(assigneeOf(task)).isNull();
		assertThat(notices(task, "TASK_ASSIGNED", "TASK_RELEASED", "TASK_TRANSFERRED")).isEmpty();
	}

	@Test
	void theHolderReleasingATaskTellsTheirColleaguesOnceWithTheReason() {
		Task task = countyTasks.heldBy(HOLDER);

		HttpResponse<String> released = as(HOLDER).postJson("/api/review/tasks/" + task.getId() + "/release",
				"{\"reason\":\"误领，放回部门待办\"}");

		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		List<Notice> notices = notices(task, "TASK_RELEASED");
		assertThat(notices).extracting(Notice::recipient)
			.containsExactlyInAnyOrderElementsOf(
					members(CountyReviewTasks.BODY).stream().filter(u -> !u.equals(HOLDER)).toList())
			.contains(COLLEAGUE);
		assertThat(notices).allSatisfy(n -> assertThat(n.body()).contains("放回本部门待办", "原因：误领，放回部门待办。"));
		assertThat(notices(task, "TASK_ASSIGNED", "TASK_TRANSFERRED")).isEmpty();
	}

	@Test
	void aTransferTellsTheColleagueOnceWithTheReason() {
		Task task = countyTasks.heldBy(HOLDER);

		HttpResponse<String> transfer = as(HOLDER).postJson("/api/review/tasks/" + task.getId() + "/transfer",
				"{\"to\":\"" + COLLEAGUE + "\",\"reason\":\"本人下周出差，转同事办理\"}");

		assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(200);
		assertThat(notices(task, "TASK_TRANSFERRED", "TASK_ASSIGNED", "TASK_RELEASED")).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("TASK_TRANSFERRED");
			assertThat(n.recipient()).isEqualTo(COLLEAGUE);
			assertThat(n.body()).contains("本人下周出差，转同事办理");
		});
	}

	record Notice(String kind, String recipient, String body) {
	}

	private List<Notice> notices(Task task, String... kinds) {
		return jdbc.sql(
				"SELECT kind, recipient_id, body FROM notification WHERE link = :link AND kind IN (:kinds) ORDER BY id")
			.param("link", "/camunda/app/tasklist/default/#/?task=" + task.getId())
			.param("kinds", List.of(kinds))
			.query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private List<String> members(String group) {
		return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private String assigneeOf(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

}
