package cn.liaocheng.renewal.security;

import static cn.liaocheng.renewal.support.EngineDoors.approval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * An insider with the administrators' rights adds themselves to a county body's group,
 * tries to work that body's review task and leaves the group again: every door refuses
 * the work (the engine's checker for signed-in users, the opinion listener for the Java
 * API in nobody's name), no opinion is recorded, and the membership's coming and going is
 * in the audit trail with who did it ({@link IdentityAuditTest} for the other changes).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministratorReviewTest {

	private static final String BODY = CountyReviewTasks.BODY;

	private static final String ADMIN = DemoUsers.ADMIN;

	private static final String REFUSED = "系统管理员账号不能认领或办理审核任务";

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
	}

	@ParameterizedTest
	@EnumSource(Door.class)
	void anAdministratorWhoJoinsABodyCannotClaimOrCompleteItsTaskAndTheMembershipIsAudited(Door door) {
		Task task = countyTasks.open();
		long auditedBefore = lastAuditId();
		String membership = door.root + "/group/" + BODY + "/members/" + ADMIN;
		try {
			HttpResponse<String> joined = EngineDoors.caller(port, door, ADMIN).send("PUT", membership, null);
			assertThat(joined.statusCode()).as(joined.body()).isEqualTo(204);
			assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(BODY).count()).isOne();

			// Signed in again, with the body's group among the session's.
			Caller admin = EngineDoors.caller(port, door, ADMIN);
			HttpResponse<String> claim = admin.send("POST", door.root + "/task/" + task.getId() + "/claim",
					"{\"userId\":\"" + ADMIN + "\"}");
			assertThat(claim.statusCode()).as("%s claim: %s", door, claim.body()).isEqualTo(403);
			assertThat(claim.body()).contains(REFUSED);
			assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

			// Administrators may assign any task, themselves included; working it is
			// still refused.
			HttpResponse<String> assign = admin.send("POST", door.root + "/task/" + task.getId() + "/assignee",
					"{\"userId\":\"" + ADMIN + "\"}");
			assertThat(assign.statusCode()).as("%s assignee: %s", door, assign.body()).isEqualTo(204);
			for (String completion : List.of("submit-form", "complete")) {
				HttpResponse<String> complete = admin.send("POST",
						door.root + "/task/" + task.getId() + "/" + completion, approval("管理员代为审核，同意"));
				assertThat(complete.statusCode()).as("%s %s: %s", door, completion, complete.body()).isEqualTo(403);
				assertThat(complete.body()).contains(REFUSED);
			}
			assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
			assertThat(opinionsOf(task)).isEmpty();
		}
		finally {
			HttpResponse<String> left = EngineDoors.caller(port, door, ADMIN).send("DELETE", membership, null);
			assertThat(left.statusCode()).as(left.body()).isEqualTo(204);
		}
		assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(BODY).count()).isZero();
		assertThat(auditedSince(auditedBefore, "user:" + ADMIN)).containsExactly(
				ADMIN + " GROUP_MEMBERSHIP_CREATED group=" + BODY, ADMIN + " GROUP_MEMBERSHIP_DELETED group=" + BODY);
	}

	/**
	 * The engine's Java API in nobody's name (a script, the product's own code) passes no
	 * checker of signed-in users: the opinion listener refuses the administrator's
	 * opinion all the same, and the task stays open for the body.
	 */
	@Test
	void theJavaApiInNobodysNameRecordsNoOpinionOfAnAdministrator() {
		Task task = countyTasks.open();
		identity.createMembership(ADMIN, BODY);
		try {
			tasks.claim(task.getId(), ADMIN);
			assertThatThrownBy(
					() -> tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "管理员代为审核，同意")))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("系统管理员账号不能给出审核意见");
			assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
			assertThat(opinionsOf(task)).isEmpty();
		}
		finally {
			identity.deleteMembership(ADMIN, BODY);
			tasks.setAssignee(task.getId(), null);
		}
	}

	/**
	 * A task's holder cannot learn who administers the system by handing the task over:
	 * an administrator outside the body gets the same answer as an unknown id.
	 */
	@Test
	void aHandOverToAnAdministratorOutsideTheBodyAnswersAsForAnyOutsider() {
		Task task = countyTasks.open();
		try {
			tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);
			WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
			for (String operation : List.of("transfer", "delegate")) {
				HttpResponse<String> administrator = reviewer.postJson(
						"/api/review/tasks/" + task.getId() + "/" + operation,
						"{\"to\":\"" + ADMIN + "\",\"reason\":\"请协助办理\"}");
				HttpResponse<String> nobody = reviewer.postJson("/api/review/tasks/" + task.getId() + "/" + operation,
						"{\"to\":\"no-such-user\",\"reason\":\"请协助办理\"}");
				assertThat(administrator.statusCode()).as(operation).isEqualTo(400);
				assertThat(detail(administrator)).as(operation).isEqualTo(detail(nobody)).doesNotContain("系统管理员");
			}
			WebClient lead = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER + "-lead", DemoUsers.PASSWORD);
			assertThat(detail(lead.postJson("/api/review/tasks/" + task.getId() + "/reassign",
					"{\"to\":\"" + ADMIN + "\",\"reason\":\"请协助办理\"}")))
				.isEqualTo(detail(lead.postJson("/api/review/tasks/" + task.getId() + "/reassign",
						"{\"to\":\"no-such-user\",\"reason\":\"请协助办理\"}")));
		}
		finally {
			tasks.setAssignee(task.getId(), null);
		}
	}

	/** The refusal's text, without what differs from one request to the next. */
	private static String detail(HttpResponse<String> response) {
		return response.body().replaceAll("\"(instance|requestId|timestamp)\":\"[^\"]*\"", "");
	}

	/**
	 * No one hands a body's task to an administrator who is also a member: transfer,
	 * delegation and a lead's reassignment are refused, and the dialogs do not offer
	 * them; otherwise the task would wait in a name that cannot complete it.
	 */
	@Test
	void aTaskIsNotHandedToAnAdministratorWhoIsAMemberOfTheBody() {
		Task task = countyTasks.open();
		identity.createMembership(ADMIN, BODY);
		try {
			tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);
			WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
			String handOver = "{\"to\":\"" + ADMIN + "\",\"reason\":\"请协助办理\"}";
			for (String operation : List.of("transfer", "delegate")) {
				HttpResponse<String> refused = reviewer.postJson("/api/review/tasks/" + task.getId() + "/" + operation,
						handOver);
				assertThat(refused.statusCode()).as("%s: %s", operation, refused.body()).isEqualTo(400);
				assertThat(refused.body()).contains("系统管理员账号不能办理审核任务");
			}
			assertThat(reviewer.get("/api/review/tasks/" + task.getId() + "/colleagues").body()).doesNotContain(ADMIN);

			WebClient lead = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER + "-lead", DemoUsers.PASSWORD);
			HttpResponse<String> reassigned = lead.postJson("/api/review/tasks/" + task.getId() + "/reassign",
					handOver);
			assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(400);
			assertThat(reassigned.body()).contains("系统管理员账号不能办理审核任务");
			assertThat(lead.get("/api/review/tasks/" + task.getId() + "/reassignees").body()).doesNotContain(ADMIN)
				.contains(DemoUsers.COUNTY_REVIEWER + "-lead");
			assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
				.isEqualTo(DemoUsers.COUNTY_REVIEWER);
		}
		finally {
			identity.deleteMembership(ADMIN, BODY);
			tasks.setAssignee(task.getId(), null);
		}
	}

	// --- helpers

	private long lastAuditId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
	}

	private List<String> auditedSince(long id, String subject) {
		return jdbc
			.sql("SELECT actor || ' ' || action || ' ' || details FROM audit_log WHERE id > ? AND subject = ?"
					+ " ORDER BY id")
			.params(id, subject)
			.query(String.class)
			.list();
	}

	private List<String> opinionsOf(Task task) {
		return jdbc.sql("SELECT reviewer || '|' || decision FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query(String.class)
			.list();
	}

}
