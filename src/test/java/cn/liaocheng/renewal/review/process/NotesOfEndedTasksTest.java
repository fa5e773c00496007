package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.JavaMigrations;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.TrustedDeployment;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import db.migration.common.V132__NotesOfTasksEndedBefore;

/**
 * A to-do message is done once its task is: when a review task is completed by one member
 * of its body, or deleted because the case was withdrawn, a parallel bank review was
 * cancelled or an administrator deleted the process (even skipping its listeners), every
 * recipient's notes about that task stop counting as unread, say who completed it or that
 * it ended, and lead to the case instead of the task that is gone; notes about other
 * tasks, and other people's notes, stay as they were.
 */
@WebIntegrationTest
class NotesOfEndedTasksTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String REVIEWER_NAME = "冠县工业和信息化局审核员";

	@LocalServerPort
	int port;

	private final JdbcClient jdbc;

	private final IdentityService identity;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final Applications applications;

	private final DataSource dataSource;

	@Autowired
	NotesOfEndedTasksTest(ApplicationContext context, JdbcClient jdbc, IdentityService identity, TaskService tasks,
			RuntimeService runtime, RepositoryService repository, Applications applications, DataSource dataSource) {
		super(context);
		this.jdbc = jdbc;
		this.identity = identity;
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.applications = applications;
		this.dataSource = dataSource;
	}

	@Test
	void everyMembersNewTaskNoteIsHandledOnceOneMemberCompletesTheTask() throws Exception {
		new CountyReviewTasks(applications, identity, tasks).ensureColleague();
		Case project = review.submitProject(7);
		Case other = review.submitProject(7);
		Task task = review.task(project, "Task_CountyFormalReview");
		Task otherTask = review.task(other, "Task_CountyFormalReview");
		List<Note> created = notes(task.getId());
		assertThat(created).extracting(Note::recipient).contains(DemoUsers.COUNTY_REVIEWER, COLLEAGUE);
		assertThat(created).allSatisfy(note -> {
			assertThat(note.title()).startsWith("新的待办任务：");
			assertThat(note.unread()).isTrue();
			assertThat(note.outcome()).isNull();
			assertThat(note.link()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task.getId());
		});
		long colleaguesNote = noteOf(created, COLLEAGUE).id();
		long reviewersNote = noteOf(created, DemoUsers.COUNTY_REVIEWER).id();
		WebClient colleague = as(COLLEAGUE);
		assertThat(ids(colleague, true)).contains(colleaguesNote);
		long unreadBefore = unreadCount(colleague);

		// As Tasklist does: the reviewer claims and submits the form, signed in.
		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);
		assertThat(reviewer
			.postJson("/engine-rest/task/" + task.getId() + "/claim",
					"{\"userId\":\"" + DemoUsers.COUNTY_REVIEWER + "\"}")
			.statusCode()).isEqualTo(204);
		HttpResponse<String> done = reviewer.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
				"{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"材料齐全，同意\"}}}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		review.runJobs(project);

		assertThat(notes(task.getId())).hasSize(created.size()).allSatisfy(note -> {
			assertThat(note.unread()).isFalse();
			assertThat(note.outcome()).isEqualTo("已由" + REVIEWER_NAME + "办理");
			assertThat(note.link()).isEqualTo("/review/applications/" + project.id());
		});
		// The task that came next, and the other case's task, are still to do.
		Task next = review.task(project, "Task_CountyRecommendation");
		List<Note> nextNotes = notes(next.getId());
		assertThat(nextNotes).extracting(Note::recipient).contains(COLLEAGUE);
		assertThat(nextNotes).allSatisfy(note -> assertThat(note.unread()).isTrue());
		assertThat(notes(otherTask.getId())).isNotEmpty().allSatisfy(note -> {
			assertThat(note.unread()).isTrue();
			assertThat(note.outcome()).isNull();
		});
		assertThat(unreadCount(colleague)).as("one note done, one about the next task").isEqualTo(unreadBefore);
		assertThat(ids(colleague, true)).doesNotContain(colleaguesNote).contains(noteOf(nextNotes, COLLEAGUE).id());
		JsonNode shown = item(colleague, colleaguesNote);
		assertThat(shown.get("taskOutcome").asText()).isEqualTo("已由" + REVIEWER_NAME + "办理");
		assertThat(shown.get("link").asText()).isEqualTo("/review/applications/" + project.id());
		assertThat(shown.get("taskEndedAt").asText()).endsWith("+08:00");
		String page = loggedIn(COLLEAGUE).get("/messages").body();
		assertThat(page).contains("已由" + REVIEWER_NAME + "办理", "查看案件",
				"href=\"/review/applications/" + project.id() + "\"");
		// An insider sees only their own notes, ended or not, and cannot touch another's.
		assertThat(ids(colleague, false)).contains(colleaguesNote).doesNotContain(reviewersNote);
		assertThat(colleague.postJson("/api/notifications/" + reviewersNote + "/read", "{}").statusCode())
			.isEqualTo(404);
		assertThat(ids(reviewer, false)).contains(reviewersNote).doesNotContain(colleaguesNote);
	}

	@Test
	void notesOfATaskEndedByTheEnterprisesWithdrawalSayTheTaskEnded() {
		Case project = review.submitProject(7);
		Task task = review.task(project, "Task_CountyFormalReview");
		assertThat(notes(task.getId())).isNotEmpty().allSatisfy(note -> assertThat(note.unread()).isTrue());

		HttpResponse<String> withdrawn = as(DemoUsers.ENTERPRISE)
			.postJson("/api/applications/" + project.id() + "/withdraw", "");

		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(notes(task.getId())).isNotEmpty().allSatisfy(note -> {
			assertThat(note.unread()).isFalse();
			assertThat(note.outcome()).isEqualTo("任务已结束");
			assertThat(note.link()).isEqualTo("/review/applications/" + project.id());
		});
	}

	@Test
	void theOtherBanksNotesEndWhenTheEnterpriseAcceptsOneBanksGrant() {
		Case loan = review.listedLoan("icbc", "abc");
		Task icbc = review.bankTask(loan, "icbc");
		Task abc = review.bankTask(loan, "abc");
		assertThat(notes(abc.getId())).extracting(Note::recipient).contains("abc-officer");

		review.grantOnly(loan, "icbc", "6000000.00", false, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");

		assertThat(tasks.createTaskQuery().taskId(abc.getId()).count()).as("the parallel review was cancelled")
			.isZero();
		assertThat(notes(abc.getId())).isNotEmpty().allSatisfy(note -> {
			assertThat(note.unread()).isFalse();
			assertThat(note.outcome()).isEqualTo("任务已结束");
		});
		String granter = jdbc.sql("SELECT assignee_ FROM act_hi_taskinst WHERE id_ = ?")
			.param(icbc.getId())
			.query(String.class)
			.single();
		assertThat(notes(icbc.getId())).isNotEmpty()
			.allSatisfy(note -> assertThat(note.outcome()).isEqualTo("已由" + nameOf(granter) + "办理"));
	}

	@Test
	void aDeletionThatSkipsTheModelsListenersStillEndsTheNotesOfItsTaskOnly() {
		String deploymentId = deployProbe();
		List<Long> inserted = new java.util.ArrayList<>();
		try {
			String deleted = runtime.startProcessInstanceByKey("notes-probe").getId();
			String kept = runtime.startProcessInstanceByKey("notes-probe").getId();
			String deletedTask = tasks.createTaskQuery().processInstanceId(deleted).singleResult().getId();
			String keptTask = tasks.createTaskQuery().processInstanceId(kept).singleResult().getId();
			inserted.add(note(DemoUsers.COUNTY_REVIEWER, deletedTask));
			inserted.add(note(COLLEAGUE, deletedTask));
			long untouched = note(DemoUsers.COUNTY_REVIEWER, keptTask);
			inserted.add(untouched);

			// Cockpit's cancellation with "skip custom listeners".
			runtime.deleteProcessInstance(deleted, "管理员撤销", true);

			assertThat(notes(deletedTask)).hasSize(2).allSatisfy(note -> {
				assertThat(note.unread()).isFalse();
				assertThat(note.outcome()).isEqualTo("任务已结束");
				assertThat(note.link()).as("no case to lead to").isNull();
			});
			assertThat(notes(keptTask)).singleElement().satisfies(note -> {
				assertThat(note.unread()).isTrue();
				assertThat(note.outcome()).isNull();
				assertThat(note.link()).contains(keptTask);
			});
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
			inserted.forEach(id -> jdbc.sql("DELETE FROM notification WHERE id = ?").param(id).update());
		}
	}

	@Test
	void theMigrationEndsTheNotesOfTasksThatEndedBeforeNotesWereMarked() throws Exception {
		String deploymentId = deployProbe();
		List<Long> inserted = new java.util.ArrayList<>();
		try {
			String completed = runtime.startProcessInstanceByKey("notes-probe").getId();
			String open = runtime.startProcessInstanceByKey("notes-probe").getId();
			String completedTask = tasks.createTaskQuery().processInstanceId(completed).singleResult().getId();
			String openTask = tasks.createTaskQuery().processInstanceId(open).singleResult().getId();
			tasks.claim(completedTask, DemoUsers.COUNTY_REVIEWER);
			tasks.complete(completedTask);
			// As notes written before the product marked them: the task gone, the note
			// unread.
			inserted.add(note(COLLEAGUE, completedTask));
			inserted.add(note(COLLEAGUE, openTask));

			migrate();

			assertThat(notes(completedTask)).singleElement().satisfies(note -> {
				assertThat(note.unread()).isFalse();
				assertThat(note.outcome()).isEqualTo("已由" + REVIEWER_NAME + "办理");
			});
			assertThat(notes(openTask)).singleElement().satisfies(note -> assertThat(note.unread()).isTrue());
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
			inserted.forEach(id -> jdbc.sql("DELETE FROM notification WHERE id = ?").param(id).update());
		}
	}

	private String deployProbe() {
		return TrustedDeployment
			.deploy(repository.createDeployment()
				.name("notes-probe")
				.addString("notes-probe.bpmn",
						"""
								<?xml version="1.0" encoding="UTF-8"?>
								<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
								    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_NotesProbe"
								    targetNamespace="http://liaocheng.cn/renewal/test">
								  <bpmn:process id="notes-probe" name="消息测试" isExecutable="true" camunda:historyTimeToLive="P1D">
								    <bpmn:startEvent id="Start_NotesProbe"/>
								    <bpmn:sequenceFlow id="Flow_NotesProbe" sourceRef="Start_NotesProbe" targetRef="Task_NotesProbe"/>
								    <bpmn:userTask id="Task_NotesProbe" name="消息测试审核" camunda:candidateGroups="county-371525-industry"/>
								  </bpmn:process>
								</bpmn:definitions>
								"""))
			.getId();
	}

	/** A note about a task outside any case, as the message centre stores it. */
	private long note(String recipient, String taskId) {
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (recipient_id, kind, title, body, link, task_id, created_at)
				VALUES (?, 'TASK_CREATED', '新的待办任务：消息测试审核', '「消息测试审核」已到达。', ?, ?, ?)""")
			.params(recipient, "/camunda/app/tasklist/default/#/?task=" + taskId, taskId, Timestamp.from(Instant.now()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private void migrate() throws SQLException {
		JavaMigrations.run(new V132__NotesOfTasksEndedBefore(), dataSource);
	}

	private String nameOf(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName()))
			.strip();
	}

	private List<Note> notes(String taskId) {
		return jdbc.sql("""
				SELECT id, recipient_id, title, read_at, task_outcome, link FROM notification
				WHERE task_id = ? ORDER BY id""")
			.param(taskId)
			.query((rs, n) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4) == null,
					rs.getString(5), rs.getString(6)))
			.list();
	}

	private static Note noteOf(List<Note> notes, String recipient) {
		return notes.stream().filter(n -> n.recipient().equals(recipient)).findFirst().orElseThrow();
	}

	private List<Long> ids(WebClient client, boolean unread) throws Exception {
		JsonNode items = JSON.readTree(client.get("/api/notifications?limit=100&unread=" + unread).body()).get("items");
		List<Long> ids = new java.util.ArrayList<>();
		items.forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private JsonNode item(WebClient client, long id) throws Exception {
		JsonNode items = JSON.readTree(client.get("/api/notifications?limit=100").body()).get("items");
		for (JsonNode item : items) {
			if (item.get("id").asLong() == id) {
				return item;
			}
		}
		throw new AssertionError("notification " + id + " not listed");
	}

	private long unreadCount(WebClient client) throws Exception {
		return JSON.readTree(client.get("/api/notifications/unread-count").body()).get("unreadCount").asLong();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private WebClient loggedIn(String user) {
		WebClient client = new WebClient(port);
		assertThat(client.login(user, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		return client;
	}

	record Note(long id, String recipient, String title, boolean unread, String outcome, String link) {
	}

}
