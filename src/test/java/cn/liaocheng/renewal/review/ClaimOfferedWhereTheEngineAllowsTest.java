package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Tasklist offers 认领 where the engine would let the signed-in user claim the task: the
 * task's operations ({@code /api/review/tasks/{id}/operations}) list {@code claim} then
 * and only then, answered by the engine's own checks of a claim. A body's lead reads the
 * body's tasks but does not claim them until one is escalated to the lead group; the
 * engine refuses the lead's claim and completion at every door and spelling, and says why
 * in Chinese. An ordinary reviewer claims as before; a lead of another county, an
 * enterprise and an administrator are offered nothing and claim nothing.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimOfferedWhereTheEngineAllowsTest {

	private static final String LEAD = "gx-industry-lead";

	private static final String OTHER_COUNTY_LEAD = "lq-industry-lead";

	private static final String LEAD_READS_ONLY = "负责人对本部门的任务只能查看";

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	private CountyReviewTasks county;

	@BeforeAll
	void fixture() {
		county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
	}

	@Test
	void aReviewerOfTheBodyIsOfferedTheClaimOfAWaitingTaskAndTheClaimWorks() {
		Task waiting = county.open();
		Task held = county.heldBy(CountyReviewTasks.COLLEAGUE);

		assertThat(operations(DemoUsers.COUNTY_REVIEWER, waiting)).contains("\"claim\"");
		assertThat(operations(DemoUsers.COUNTY_REVIEWER, held)).as("a task a colleague holds")
			.doesNotContain("\"claim\"");
		assertThat(operations(CountyReviewTasks.COLLEAGUE, held)).as("nor one the caller holds")
			.doesNotContain("\"claim\"");

		HttpResponse<String> claimed = as(DemoUsers.COUNTY_REVIEWER).postJson(
				"/engine-rest/task/" + waiting.getId() + "/claim",
				"{\"userId\":\"" + DemoUsers.COUNTY_REVIEWER + "\"}");
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
		assertThat(assigneeOf(waiting)).isEqualTo(DemoUsers.COUNTY_REVIEWER);
	}

	@Test
	void theLeadIsNotOfferedTheClaimOfATaskTheyOnlyReadWaitingOrHeld() {
		Task waiting = county.open();
		Task held = county.heldBy(CountyReviewTasks.COLLEAGUE);

		String offered = operations(LEAD, waiting);
		assertThat(offered).contains("\"urge\"", "\"reassign\"").doesNotContain("\"claim\"");
		assertThat(operations(LEAD, held)).doesNotContain("\"claim\"");
	}

	/**
	 * 本部门待办 lists the body's waiting tasks to its lead, with Tasklist's boxes for 批量认领:
	 * the batch claim refuses each, saying why.
	 */
	@Test
	void theLeadsBatchClaimOfATaskTheyOnlyReadIsRefusedSayingWhy() {
		Task waiting = county.open();

		HttpResponse<String> batch = as(LEAD).postJson("/api/review/tasks/claim",
				"{\"taskIds\":[\"" + waiting.getId() + "\"]}");
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
		assertThat(batch.body()).contains("\"claimed\":0", "负责人对本部门未超期的任务只能查看");
		assertThat(
				as(OTHER_COUNTY_LEAD).postJson("/api/review/tasks/claim", "{\"taskIds\":[\"" + waiting.getId() + "\"]}")
					.body())
			.as("another county's lead learns nothing of the task")
			.contains("任务不存在")
			.doesNotContain("负责人");
		assertThat(assigneeOf(waiting)).isNull();
	}

	@Test
	void theLeadIsOfferedTheClaimOnceTheTaskIsEscalatedToTheLeadGroup() {
		Task waiting = county.open();
		tasks.addCandidateGroup(waiting.getId(), GroupNames.lead(CountyReviewTasks.BODY));

		assertThat(operations(LEAD, waiting)).contains("\"claim\"");
	}

	/**
	 * Tasklist's 添加意见 is offered ({@code comment}) where the engine lets the caller write
	 * a note: the holder and the body's members, not a lead who only reads the task,
	 * until it is escalated to the lead group. Each answer is what the engine then does
	 * with the note.
	 */
	@Test
	void aNoteIsOfferedWhereTheEngineTakesOne() {
		Task waiting = county.open();
		Task held = county.heldBy(CountyReviewTasks.COLLEAGUE);

		assertThat(operations(CountyReviewTasks.COLLEAGUE, held)).contains("\"comment\"");
		assertThat(operations(DemoUsers.COUNTY_REVIEWER, waiting)).contains("\"comment\"");
		assertThat(operations(LEAD, waiting)).doesNotContain("\"comment\"");
		assertThat(operations(LEAD, held)).doesNotContain("\"comment\"");
		assertThat(note(CountyReviewTasks.COLLEAGUE, held).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = note(LEAD, waiting);
		// Camunda's comment door answers the engine's refusal as an invalid request.
		assertThat(refused.statusCode()).as(refused.body()).isIn(400, 403);
		assertThat(refused.body()).contains("不能认领、办理或填写备注");

		tasks.addCandidateGroup(waiting.getId(), GroupNames.lead(CountyReviewTasks.BODY));
		assertThat(operations(LEAD, waiting)).contains("\"comment\"");
		assertThat(note(LEAD, waiting).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> note(String user, Task task) {
		return as(user).postJson("/engine-rest/task/" + task.getId() + "/comment/create",
				"{\"message\":\"已电话核实企业联系人\",\"processInstanceId\":\"" + task.getProcessInstanceId() + "\"}");
	}

	/**
	 * The engine refuses the lead's claim, completion and form submission of a task of
	 * the body they only read, on both REST roots and in several spellings of each path,
	 * and says why in Chinese; the task stays as it was.
	 */
	@Test
	void theEngineRefusesTheLeadsClaimAndCompletionAtEveryDoorAndSpellingInChinese() {
		Task waiting = county.open();
		Task held = county.heldBy(CountyReviewTasks.COLLEAGUE);

		for (Door door : Door.values()) {
			Caller lead = EngineDoors.caller(port, door, LEAD);
			for (String path : spellings(door.root + "/task/" + waiting.getId() + "/claim")) {
				HttpResponse<String> refused = lead.send("POST", path, "{\"userId\":\"" + LEAD + "\"}");
				assertThat(refused.statusCode()).as("POST %s: %s", path, refused.body()).isBetween(400, 405);
				if (refused.statusCode() == 403 && refused.body().contains("AuthorizationException")) {
					assertThat(refused.body()).as(path).contains(LEAD_READS_ONLY).doesNotContain(LEAD + "'");
				}
			}
			HttpResponse<String> plain = lead.send("POST", door.root + "/task/" + waiting.getId() + "/claim",
					"{\"userId\":\"" + LEAD + "\"}");
			assertThat(plain.statusCode()).as(plain.body()).isEqualTo(403);
			assertThat(plain.body()).contains(LEAD_READS_ONLY);
			for (String action : List.of("complete", "submit-form")) {
				for (Task task : List.of(waiting, held)) {
					for (String path : spellings(door.root + "/task/" + task.getId() + "/" + action)) {
						HttpResponse<String> refused = lead.send("POST", path, EngineDoors.approval("负责人代为办理，同意。"));
						assertThat(refused.statusCode()).as("POST %s: %s", path, refused.body()).isBetween(400, 405);
					}
				}
			}
		}
		assertThat(assigneeOf(waiting)).isNull();
		assertThat(assigneeOf(held)).isEqualTo(CountyReviewTasks.COLLEAGUE);
		assertThat(tasks.createTaskQuery().taskId(waiting.getId()).count()).isEqualTo(1);
		assertThat(tasks.createTaskQuery().taskId(held.getId()).count()).isEqualTo(1);
	}

	@Test
	void aLeadOfAnotherCountyIsOfferedNothingAndClaimsNothing() {
		Task waiting = county.open();

		assertThat(as(OTHER_COUNTY_LEAD).get(operationsPath(waiting)).statusCode()).isEqualTo(404);
		for (Door door : Door.values()) {
			Caller stranger = EngineDoors.caller(port, door, OTHER_COUNTY_LEAD);
			HttpResponse<String> refused = stranger.send("POST", door.root + "/task/" + waiting.getId() + "/claim",
					"{\"userId\":\"" + OTHER_COUNTY_LEAD + "\"}");
			assertThat(refused.statusCode()).as(refused.body()).isIn(403, 404);
			assertThat(refused.body()).as("another county's lead is not told of this body's lead")
				.doesNotContain(LEAD_READS_ONLY);
		}
		assertThat(assigneeOf(waiting)).isNull();
	}

	@Test
	void anEnterpriseAndAnAdministratorAreNotOfferedTheClaim() {
		Task waiting = county.open();

		HttpResponse<String> enterprise = as(DemoUsers.ENTERPRISE).get(operationsPath(waiting));
		assertThat(enterprise.statusCode()).isIn(403, 404);
		assertThat(enterprise.body()).doesNotContain("\"claim\"");
		assertThat(as(DemoUsers.ENTERPRISE)
			.postJson("/engine-rest/task/" + waiting.getId() + "/claim",
					"{\"userId\":\"" + DemoUsers.ENTERPRISE + "\"}")
			.statusCode()).isEqualTo(403);
		// An administrator may not claim a body's task, even as a member of the body (the
		// engine refuses it), so it is not offered either.
		identity.createMembership(DemoUsers.ADMIN, CountyReviewTasks.BODY);
		try {
			assertThat(as(DemoUsers.ADMIN).get(operationsPath(waiting)).body()).doesNotContain("\"claim\"");
			assertThat(as(DemoUsers.ADMIN)
				.postJson("/engine-rest/task/" + waiting.getId() + "/claim", "{\"userId\":\"" + DemoUsers.ADMIN + "\"}")
				.statusCode()).isEqualTo(403);
		}
		finally {
			identity.deleteMembership(DemoUsers.ADMIN, CountyReviewTasks.BODY);
		}
		assertThat(assigneeOf(waiting)).isNull();
	}

	/**
	 * The plain path, a trailing slash, a path parameter, a double slash, the action's
	 * first letter percent-encoded and the action in upper case.
	 */
	private static List<String> spellings(String path) {
		int slash = path.lastIndexOf('/');
		String action = path.substring(slash + 1);
		String root = path.substring(0, path.indexOf("/task/"));
		String rest = path.substring(path.indexOf("/task/"));
		return List.of(path, path + "/", path + ";x=y", root + "/" + rest,
				path.substring(0, slash + 1) + "%" + Integer.toHexString(action.charAt(0)) + action.substring(1),
				path.substring(0, slash + 1) + action.toUpperCase(java.util.Locale.ROOT));
	}

	private String operations(String user, Task task) {
		HttpResponse<String> response = as(user).get(operationsPath(task));
		assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static String operationsPath(Task task) {
		return "/api/review/tasks/" + task.getId() + "/operations";
	}

	private String assigneeOf(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

}
