package cn.liaocheng.renewal.security;

import static cn.liaocheng.renewal.support.EngineDoors.approval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
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
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county reviewer who holds a review task tries to administer it, through both REST
 * roots and several spellings of each path: give it to someone else, delegate it, open it
 * to another county, drop their own body, move or clear its due date, rename it, delete
 * it, create tasks, write variables, throw a BPMN error at it, rename themselves. Every
 * attempt is refused and the engine's state of the task, its case and the reviewer's
 * identity record is unchanged. Claiming and completing one's own task still work.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskAdministrationAttackTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String OTHER_COUNTY = "county-371581-industry";

	/** The lead (负责人) of the holder's body, a demo account. */
	private static final String LEAD = "gx-industry-lead";

	private static final String LEAD_GROUP = CountyReviewTasks.BODY + "-lead";

	private static final String FORGED_KEY = "990099";

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
	AuthorizationService authorizations;

	@Autowired
	JdbcClient jdbc;

	private CountyReviewTasks countyTasks;

	/** Spellings of one path the servlet container may accept. */
	enum Spelling {

		PLAIN, TRAILING_SLASH, DOUBLE_SLASH, PATH_PARAMETER, PERCENT_ENCODED, UPPER_CASE;

		String of(String root, String path) {
			return switch (this) {
				case PLAIN -> root + path;
				case TRAILING_SLASH -> root + path + "/";
				case DOUBLE_SLASH -> root + "/" + path;
				case PATH_PARAMETER -> root + path.replaceFirst("^/([a-z-]+)/", "/$1;x=y/");
				// The first segment's second letter percent-encoded: /t%61sk/…, /us%65r/…
				case PERCENT_ENCODED -> root + "/" + path.charAt(1) + "%"
						+ Integer.toHexString(path.charAt(2)).toUpperCase() + path.substring(3);
				case UPPER_CASE -> {
					int end = path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1);
					yield root + path.substring(0, end).toUpperCase() + path.substring(end);
				}
			};
		}

	}

	record Attack(String method, String path, String body, Set<Integer> refusals) {

		Attack(String method, String path, String body) {
			this(method, path, body, Set.of(403, 404));
		}

		String path(Task task) {
			return fill(path, task);
		}

		String body(Task task) {
			return body == null ? null : fill(body, task);
		}

		private static String fill(String text, Task task) {
			return text.replace("{id}", task.getId())
				.replace("{pi}", task.getProcessInstanceId())
				.replace("{pd}", task.getProcessDefinitionId());
		}

	}

	private static final List<Attack> ATTACKS = List.of(
			new Attack("POST", "/task/{id}/assignee", "{\"userId\":\"" + COLLEAGUE + "\"}"),
			new Attack("POST", "/task/{id}/assignee", "{\"userId\":\"" + DemoUsers.ENTERPRISE + "\"}"),
			new Attack("POST", "/task/{id}/assignee", "{\"userId\":null}"),
			new Attack("POST", "/task/{id}/delegate", "{\"userId\":\"lq-industry\"}"),
			new Attack("POST", "/task/{id}/identity-links",
					"{\"groupId\":\"" + OTHER_COUNTY + "\",\"type\":\"candidate\"}"),
			new Attack("POST", "/task/{id}/identity-links", "{\"userId\":\"lq-industry\",\"type\":\"candidate\"}"),
			new Attack("POST", "/task/{id}/identity-links/delete",
					"{\"groupId\":\"" + CountyReviewTasks.BODY + "\",\"type\":\"candidate\"}"),
			new Attack("PUT", "/task/{id}", "{\"name\":\"改名的任务\",\"priority\":99,\"assignee\":\"" + HOLDER
					+ "\",\"due\":\"2099-01-01T00:00:00.000+0800\",\"followUp\":\"2099-01-01T00:00:00.000+0800\"}"),
			new Attack("PUT", "/task/{id}",
					"{\"name\":\"县级形式审查\",\"priority\":50,\"assignee\":\"" + HOLDER
							+ "\",\"due\":null,\"followUp\":null}"),
			// The engine refuses to delete a task of a running process before any
			// permission check, for everyone, with a ProcessEngineException that
			// Camunda's REST API answers with 500; what matters is that it stays.
			new Attack("DELETE", "/task/{id}", null, Set.of(403, 404, 500)),
			new Attack("POST", "/task/create",
					"{\"id\":\"intruder-task\",\"name\":\"伪造任务\",\"assignee\":\"" + HOLDER + "\"}"),
			new Attack("PUT", "/task/{id}/variables/bankKey", "{\"value\":\"boc\",\"type\":\"String\"}"),
			new Attack("PUT", "/task/{id}/localVariables/decision", "{\"value\":\"APPROVE\",\"type\":\"String\"}"),
			new Attack("POST", "/task/{id}/variables",
					"{\"modifications\":{\"divisionCode\":{\"value\":\"371581\",\"type\":\"String\"}}}"),
			new Attack("POST", "/task/{id}/localVariables", "{\"deletions\":[\"applicationId\"]}"),
			new Attack("DELETE", "/task/{id}/variables/applicationId", null),
			new Attack("PUT", "/process-instance/{pi}/variables/divisionCode",
					"{\"value\":\"371581\",\"type\":\"String\"}"),
			// The case itself, past its task: start another, write its execution's
			// variables, move its tokens, correlate a message, restart or migrate it,
			// evaluate a table. A message finds no subscription on this case (400); one
			// that waits for a message is MultiBankLoanTest's.
			new Attack("POST", "/process-definition/key/project-registration/start",
					"{\"businessKey\":\"" + FORGED_KEY + "\"}"),
			new Attack("PUT", "/execution/{pi}/localVariables/divisionCode",
					"{\"value\":\"371581\",\"type\":\"String\"}"),
			new Attack("POST", "/execution/{pi}/localVariables",
					"{\"modifications\":{\"divisionCode\":{\"value\":\"371581\",\"type\":\"String\"}}}"),
			new Attack("POST", "/process-instance/{pi}/modification",
					"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CountyRecommendation\"}]}"),
			new Attack("POST", "/message", "{\"messageName\":\"LoanOfferAccepted\",\"processInstanceId\":\"{pi}\"}",
					Set.of(400, 403, 404)),
			new Attack("POST", "/process-definition/{pd}/restart",
					"{\"processInstanceIds\":[\"{pi}\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CountyFormalReview\"}]}"),
			new Attack("POST", "/migration/execute",
					"{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{pd}\",\"targetProcessDefinitionId\":\"{pd}\",\"instructions\":[]},\"processInstanceIds\":[\"{pi}\"]}"),
			new Attack("POST", "/decision-definition/key/subsidy-amount/evaluate", "{\"variables\":{}}"),
			new Attack("POST", "/task/{id}/bpmnError", "{\"errorCode\":\"CORRECTION_LAPSED\"}"),
			new Attack("POST", "/task/{id}/bpmnEscalation", "{\"escalationCode\":\"ANY\"}"),
			new Attack("PUT", "/user/" + HOLDER + "/profile",
					"{\"id\":\"" + HOLDER
							+ "\",\"firstName\":\"局长\",\"lastName\":\"聊城市人民政府\",\"email\":\"x@example.invalid\"}"),
			new Attack("PUT", "/user/" + HOLDER + "/credentials",
					"{\"password\":\"Zq9#mbv4TT0p\",\"authenticatedUserPassword\":\"" + DemoUsers.PASSWORD + "\"}"));

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
		countyTasks.ensureColleague();
	}

	@Test
	void theHolderOfATaskCannotAdministerItThroughAnyDoorOrSpelling() {
		Task task = countyTasks.heldBy(HOLDER);
		Snapshot before = snapshot(task);
		List<String> refused = new ArrayList<>();
		for (Door door : Door.values()) {
			Caller holder = caller(door, HOLDER);
			for (Spelling spelling : Spelling.values()) {
				for (Attack attack : ATTACKS) {
					String path = spelling.of(door.root, attack.path(task));
					HttpResponse<String> response = holder.send(attack.method(), path, attack.body(task));
					refused.add(response.statusCode() + " " + attack.method() + " " + path);
					assertThat(response.statusCode()).as("%s %s → %s", attack.method(), path, response.body())
						.isIn(spelling == Spelling.PLAIN ? attack.refusals() : variantRefusals(attack));
					assertThat(snapshot(task)).as("engine state after %s %s", attack.method(), path).isEqualTo(before);
				}
			}
		}
		System.out.println("[TaskAdministrationAttackTest] refused:\n" + String.join("\n", refused));
		assertThat(tasks.createTaskQuery().taskId("intruder-task").count()).isZero();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(FORGED_KEY).count())
			.as("no case started")
			.isZero();
		assertThat(identity.checkPassword(HOLDER, DemoUsers.PASSWORD)).as("the holder's password is unchanged")
			.isTrue();
	}

	@Test
	void onlyWhoMayWorkATaskCommentsOnItAndNoReviewerAttachesFilesToIt() {
		Task task = countyTasks.heldBy(HOLDER);
		for (Door door : Door.values()) {
			for (String outsider : List.of("lq-industry", "icbc-officer", "gx-finance")) {
				int before = tasks.getTaskComments(task.getId()).size();
				HttpResponse<String> comment = caller(door, outsider).send("POST",
						door.root + "/task/" + task.getId() + "/comment/create", "{\"message\":\"越权写入的备注\"}");
				assertThat(comment.statusCode()).as("%s comments on %s's task: %s", outsider, HOLDER, comment.body())
					.isIn(400, 403, 404);
				assertThat(tasks.getTaskComments(task.getId())).hasSize(before);
			}
		}
		// Behind every door, the engine: someone of another body is refused, the holder
		// may comment but not attach.
		identity.setAuthentication("lq-industry", List.of(OTHER_COUNTY));
		try {
			assertThatThrownBy(() -> tasks.createComment(task.getId(), null, "越权写入的备注"))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			identity.clearAuthentication();
		}
		identity.setAuthentication(HOLDER, List.of(CountyReviewTasks.BODY));
		try {
			int before = tasks.getTaskComments(task.getId()).size();
			tasks.createComment(task.getId(), null, "已电话核实企业联系人");
			assertThat(tasks.getTaskComments(task.getId())).hasSize(before + 1);
			assertThatThrownBy(() -> tasks.createAttachment("text/plain", task.getId(), null, "说明.txt", "",
					new java.io.ByteArrayInputStream(new byte[] { 1 })))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(tasks.getTaskAttachments(task.getId())).isEmpty();
	}

	@Test
	void aReviewerCannotClaimAnOpenTaskForSomeoneElse() {
		for (Door door : Door.values()) {
			Task task = countyTasks.open();
			Snapshot before = snapshot(task);
			Caller reviewer = caller(door, HOLDER);
			for (String someoneElse : List.of(COLLEAGUE, DemoUsers.ENTERPRISE, "lq-industry",
					"nobody-" + UUID.randomUUID())) {
				HttpResponse<String> claim = reviewer.send("POST", door.root + "/task/" + task.getId() + "/claim",
						"{\"userId\":\"" + someoneElse + "\"}");
				assertThat(claim.statusCode()).as("%s claims for %s: %s", door, someoneElse, claim.body())
					.isEqualTo(403);
				assertThat(snapshot(task)).isEqualTo(before);
			}
		}
	}

	@Test
	void aReviewerCannotUnclaimOrCompleteAColleaguesTask() {
		for (Door door : Door.values()) {
			Task task = countyTasks.heldBy(COLLEAGUE);
			Snapshot before = snapshot(task);
			Caller reviewer = caller(door, HOLDER);
			HttpResponse<String> unclaim = reviewer.send("POST", door.root + "/task/" + task.getId() + "/unclaim",
					null);
			assertThat(unclaim.statusCode()).as("%s unclaim: %s", door, unclaim.body()).isEqualTo(403);
			for (String completion : List.of("complete", "submit-form", "resolve")) {
				HttpResponse<String> complete = reviewer.send("POST",
						door.root + "/task/" + task.getId() + "/" + completion, approval("同事代为通过"));
				assertThat(complete.statusCode()).as("%s %s: %s", door, completion, complete.body()).isEqualTo(403);
			}
			assertThat(snapshot(task)).isEqualTo(before);
			assertThat(opinionsOf(task)).isEmpty();
		}
	}

	@Test
	void anUnclaimedTaskCannotBeCompletedWithoutClaimingIt() {
		Task task = countyTasks.open();
		Snapshot before = snapshot(task);
		HttpResponse<String> complete = caller(Door.ENGINE_REST, HOLDER).send("POST",
				"/engine-rest/task/" + task.getId() + "/submit-form", approval("未认领直接通过"));
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
		assertThat(snapshot(task)).isEqualTo(before);
		assertThat(opinionsOf(task)).isEmpty();
	}

	@Test
	void theHolderClaimsAndCompletesAndTheOpinionNamesThemAsTheAdministratorsRecordSays() {
		User record = identity.createUserQuery().userId(HOLDER).singleResult();
		String recordedName = record.getLastName() + record.getFirstName();
		for (Door door : Door.values()) {
			Task task = countyTasks.open();
			Caller holder = caller(door, HOLDER);
			HttpResponse<String> rename = holder.send("PUT", door.root + "/user/" + HOLDER + "/profile",
					"{\"id\":\"" + HOLDER + "\",\"firstName\":\"局长\",\"lastName\":\"聊城市人民政府\"}");
			assertThat(rename.statusCode()).isEqualTo(403);

			HttpResponse<String> claim = holder.send("POST", door.root + "/task/" + task.getId() + "/claim",
					"{\"userId\":\"" + HOLDER + "\"}");
			assertThat(claim.statusCode()).as("%s claim: %s", door, claim.body()).isEqualTo(204);
			assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(HOLDER);
			String opinion = "材料齐全，同意（" + door + "）";
			HttpResponse<String> complete = holder.send("POST", door.root + "/task/" + task.getId() + "/submit-form",
					approval(opinion));
			assertThat(complete.statusCode()).as("%s submit-form: %s", door, complete.body()).isEqualTo(204);
			assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
			assertThat(opinionsOf(task)).containsExactly(HOLDER + "|" + recordedName + "|APPROVE|" + opinion);
		}
		User after = identity.createUserQuery().userId(HOLDER).singleResult();
		assertThat(after.getLastName() + after.getFirstName()).isEqualTo(recordedName);
	}

	/**
	 * Giving a task back is the product's release, with a reason (TaskHandOverTest); the
	 * engine's doors are shut.
	 */
	@Test
	void theHolderCannotSilentlyGiveBackTheirOwnTaskThroughTheEngine() {
		for (Door door : Door.values()) {
			Task task = countyTasks.heldBy(HOLDER);
			Snapshot before = snapshot(task);
			Caller holder = caller(door, HOLDER);
			HttpResponse<String> unclaim = holder.send("POST", door.root + "/task/" + task.getId() + "/unclaim", null);
			assertThat(unclaim.statusCode()).as("%s unclaim: %s", door, unclaim.body()).isEqualTo(403);
			HttpResponse<String> claimForNobody = holder.send("POST", door.root + "/task/" + task.getId() + "/claim",
					"{\"userId\":null}");
			assertThat(claimForNobody.statusCode()).as("%s claim for nobody: %s", door, claimForNobody.body())
				.isEqualTo(403);
			assertThat(snapshot(task)).isEqualTo(before);
		}
	}

	@Test
	void usersOnlyReadTheirOwnIdentityRecordAndAdministratorsMaintainIt() {
		for (String user : List.of(HOLDER, COLLEAGUE, DemoUsers.ENTERPRISE)) {
			List<Authorization> own = authorizations.createAuthorizationQuery()
				.userIdIn(user)
				.resourceType(Resources.USER)
				.resourceId(user)
				.list();
			assertThat(own).as("grants of %s on their own record", user).isNotEmpty().allSatisfy(a -> {
				assertThat(a.isPermissionGranted(Permissions.READ)).isTrue();
				assertThat(a.isPermissionGranted(Permissions.UPDATE)).isFalse();
				assertThat(a.isPermissionGranted(Permissions.DELETE)).isFalse();
			});
		}
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		HttpResponse<String> rename = admin.send("PUT", "/engine-rest/user/" + COLLEAGUE + "/profile", "{\"id\":\""
				+ COLLEAGUE + "\",\"firstName\":\"科员\",\"lastName\":\"冠县工业和信息化局\",\"email\":\"c@demo.invalid\"}");
		assertThat(rename.statusCode()).as(rename.body()).isEqualTo(204);
		assertThat(identity.createUserQuery().userId(COLLEAGUE).singleResult().getFirstName()).isEqualTo("科员");
	}

	@Test
	void candidateGroupsAndAssigneesHoldTaskWorkNotUpdateAndTheLeadGroupReadsOnly() {
		Task task = countyTasks.heldBy(HOLDER);
		List<Authorization> grants = authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(task.getId())
			.list();
		assertThat(grants.stream().map(a -> a.getGroupId() != null ? a.getGroupId() : a.getUserId()))
			.containsExactlyInAnyOrder(CountyReviewTasks.BODY, HOLDER, LEAD_GROUP);
		assertThat(grants).allSatisfy(a -> {
			assertThat(a.isPermissionGranted(Permissions.READ)).isTrue();
			assertThat(a.isPermissionGranted(Permissions.TASK_WORK)).isEqualTo(!LEAD_GROUP.equals(a.getGroupId()));
			assertThat(a.isPermissionGranted(Permissions.UPDATE)).isFalse();
			assertThat(a.isPermissionGranted(Permissions.TASK_ASSIGN)).isFalse();
		});
	}

	/**
	 * A body's lead reads the body's tasks from the moment they are created (to reassign,
	 * take back or urge them) and that is all: every attempt of the holder's to
	 * administer the task, and claiming, unclaiming, completing or resolving a
	 * colleague's task, is refused to the lead too, and the task stays as it was.
	 */
	@Test
	void aBodysLeadReadsAColleaguesTaskButCannotAdministerOrWorkIt() {
		for (Door door : Door.values()) {
			Task task = countyTasks.heldBy(COLLEAGUE);
			Snapshot before = snapshot(task);
			Caller lead = caller(door, LEAD);
			HttpResponse<String> read = lead.send("GET", door.root + "/task/" + task.getId(), null);
			assertThat(read.statusCode()).as("%s read: %s", door, read.body()).isEqualTo(200);
			for (Attack attack : ATTACKS) {
				String path = door.root + attack.path(task);
				HttpResponse<String> response = lead.send(attack.method(), path, attack.body(task));
				assertThat(response.statusCode()).as("%s %s → %s", attack.method(), path, response.body())
					.isIn(attack.refusals());
				assertThat(snapshot(task)).as("engine state after %s %s", attack.method(), path).isEqualTo(before);
			}
			for (String claimFor : List.of(LEAD, COLLEAGUE)) {
				HttpResponse<String> claim = lead.send("POST", door.root + "/task/" + task.getId() + "/claim",
						"{\"userId\":\"" + claimFor + "\"}");
				assertThat(claim.statusCode()).as("%s claim for %s: %s", door, claimFor, claim.body()).isEqualTo(403);
			}
			HttpResponse<String> unclaim = lead.send("POST", door.root + "/task/" + task.getId() + "/unclaim", null);
			assertThat(unclaim.statusCode()).as("%s unclaim: %s", door, unclaim.body()).isEqualTo(403);
			for (String completion : List.of("complete", "submit-form", "resolve")) {
				HttpResponse<String> complete = lead.send("POST",
						door.root + "/task/" + task.getId() + "/" + completion, approval("负责人代为通过"));
				assertThat(complete.statusCode()).as("%s %s: %s", door, completion, complete.body()).isEqualTo(403);
			}
			HttpResponse<String> comment = lead.send("POST", door.root + "/task/" + task.getId() + "/comment/create",
					"{\"message\":\"负责人代写的备注\"}");
			assertThat(comment.statusCode()).as("%s comment: %s", door, comment.body()).isIn(400, 403, 404);
			assertThat(snapshot(task)).isEqualTo(before);
			assertThat(opinionsOf(task)).isEmpty();
			Task waiting = countyTasks.open();
			HttpResponse<String> claim = lead.send("POST", door.root + "/task/" + waiting.getId() + "/claim",
					"{\"userId\":\"" + LEAD + "\"}");
			assertThat(claim.statusCode()).as("%s claim a waiting task: %s", door, claim.body()).isEqualTo(403);
			assertThat(tasks.createTaskQuery().taskId(waiting.getId()).singleResult().getAssignee()).isNull();
		}
		// Behind every door, the engine: the lead writes no note on a task they do not
		// work.
		Task task = countyTasks.heldBy(COLLEAGUE);
		identity.setAuthentication(LEAD, List.of(LEAD_GROUP));
		try {
			assertThatThrownBy(() -> tasks.createComment(task.getId(), null, "负责人代写的备注"))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	// --- helpers

	/**
	 * Other spellings may also stop earlier: at Spring Security's firewall (400) or as an
	 * unknown resource (404, 405).
	 */
	private static Set<Integer> variantRefusals(Attack attack) {
		Set<Integer> refusals = new java.util.HashSet<>(attack.refusals());
		refusals.addAll(Set.of(400, 404, 405));
		return refusals;
	}

	private Caller caller(Door door, String user) {
		return EngineDoors.caller(port, door, user);
	}

	private List<String> opinionsOf(Task task) {
		return jdbc.sql("SELECT reviewer, reviewer_name, decision, opinion FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
			.list();
	}

	/**
	 * What an administrative change would alter: the task, who may work it, the case's
	 * variables, the reviewer.
	 */
	record Snapshot(boolean open, String assignee, String owner, String name, int priority, Date due, Date followUp,
			DelegationState delegation, Set<String> links, Map<String, Object> variables, Map<String, Object> local,
			boolean caseRunning, String holderName) {
	}

	private Snapshot snapshot(Task task) {
		Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		User holder = identity.createUserQuery().userId(HOLDER).singleResult();
		String holderName = holder.getLastName() + "|" + holder.getFirstName() + "|" + holder.getEmail();
		boolean caseRunning = runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.count() == 1;
		if (now == null) {
			return new Snapshot(false, null, null, null, 0, null, null, null, Set.of(), Map.of(), Map.of(), caseRunning,
					holderName);
		}
		Set<String> links = tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(l -> l.getType() + ":"
					+ (l.getGroupId() != null ? "group:" + l.getGroupId() : "user:" + l.getUserId()))
			.collect(Collectors.toSet());
		return new Snapshot(true, now.getAssignee(), now.getOwner(), now.getName(), now.getPriority(), now.getDueDate(),
				now.getFollowUpDate(), now.getDelegationState(), links, tasks.getVariables(task.getId()),
				tasks.getVariablesLocal(task.getId()), caseRunning, holderName);
	}

}
