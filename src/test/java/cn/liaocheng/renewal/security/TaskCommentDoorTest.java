package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Tasklist's 添加意见 and the task's comments, through both REST roots: the holder of a
 * county review adds a note and reads it together with the overdue reminder the system
 * left on the task (Camunda's comment door looks the task up in its history, which
 * reviewers may read for their own tasks only); someone of another body can neither read
 * nor write notes on it, nor find the task in the history; a note cannot be filed under
 * another case; and reviewers can neither start processes nor create tasks, which is why
 * Tasklist hides 发起流程 and 新建任务.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskCommentDoorTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final String OUTSIDER = "lq-industry";

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
		countyTasks.ensureColleague();
	}

	@Test
	void theHolderAddsANoteAndReadsItWithTheOverdueReminder() throws Exception {
		Task task = countyTasks.heldBy(HOLDER);
		// What the overdue check writes on a task past its due date
		// (OverdueTaskListener), as the engine, without a user.
		String reminder = "「县级形式审查」已超过办理期限，已提醒审核员尽快办理，并报送冠县工业和信息化局负责人督办。";
		tasks.createComment(task.getId(), task.getProcessInstanceId(), reminder);

		for (Door door : Door.values()) {
			Caller holder = caller(door, HOLDER);
			String note = "已电话核实企业联系人（" + door + " " + UUID.randomUUID().toString().substring(0, 8) + "）";

			HttpResponse<String> added = holder.send("POST", door.root + "/task/" + task.getId() + "/comment/create",
					"{\"message\":\"" + note + "\",\"processInstanceId\":\"" + task.getProcessInstanceId() + "\"}");

			assertThat(added.statusCode()).as("%s: 添加意见 → %s", door, added.body()).isEqualTo(200);
			assertThat(json.readTree(added.body()).get("userId").asText()).isEqualTo(HOLDER);
			HttpResponse<String> listed = holder.send("GET", door.root + "/task/" + task.getId() + "/comment", null);
			assertThat(listed.statusCode()).as("%s: comments → %s", door, listed.body()).isEqualTo(200);
			assertThat(messages(listed.body())).contains(reminder, note);
		}
		assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage).hasSize(3);
	}

	@Test
	void someoneOfAnotherBodyCanNeitherReadNorWriteNotesNorFindTheTaskInTheHistory() {
		Task task = countyTasks.heldBy(HOLDER);
		Comment reminder = tasks.createComment(task.getId(), task.getProcessInstanceId(), "仅本部门可见的提醒");
		for (Door door : Door.values()) {
			Caller outsider = caller(door, OUTSIDER);

			HttpResponse<String> read = outsider.send("GET", door.root + "/task/" + task.getId() + "/comment", null);
			HttpResponse<String> readOne = outsider.send("GET",
					door.root + "/task/" + task.getId() + "/comment/" + reminder.getId(), null);
			HttpResponse<String> caseNotes = outsider.send("GET",
					door.root + "/process-instance/" + task.getProcessInstanceId() + "/comment", null);
			HttpResponse<String> attachments = outsider.send("GET", door.root + "/task/" + task.getId() + "/attachment",
					null);
			HttpResponse<String> write = outsider.send("POST", door.root + "/task/" + task.getId() + "/comment/create",
					"{\"message\":\"越权写入的备注\"}");
			HttpResponse<String> history = outsider.send("GET",
					door.root + "/history/task?processInstanceId=" + task.getProcessInstanceId(), null);
			HttpResponse<String> cases = outsider.send("GET",
					door.root + "/history/process-instance?processInstanceId=" + task.getProcessInstanceId(), null);

			assertThat(read.statusCode()).as("%s: reading → %s", door, read.body()).isIn(403, 404);
			assertThat(read.body()).doesNotContain("仅本部门可见的提醒");
			assertThat(readOne.statusCode()).as("%s: one note by its id → %s", door, readOne.body()).isIn(403, 404);
			assertThat(readOne.body()).doesNotContain("仅本部门可见的提醒");
			assertThat(caseNotes.body()).as("%s: the case's notes", door).doesNotContain("仅本部门可见的提醒");
			assertThat(attachments.statusCode()).as("%s: attachments → %s", door, attachments.body()).isIn(403, 404);
			assertThat(write.statusCode()).as("%s: writing → %s", door, write.body()).isIn(400, 403, 404);
			assertThat(history.statusCode()).isEqualTo(200);
			assertThat(history.body()).as("%s: the task in the history", door).isEqualTo("[]");
			assertThat(cases.statusCode()).isEqualTo(200);
			assertThat(cases.body()).as("%s: the case in the history", door).isEqualTo("[]");
		}
		assertThat(tasks.getTaskComments(task.getId())).hasSize(1);
		// The holder sees their own task in the history, and still not the case.
		Caller holder = caller(Door.ENGINE_REST, HOLDER);
		assertThat(holder.send("GET", "/engine-rest/history/task?taskId=" + task.getId(), null).body())
			.contains(task.getId());
		assertThat(holder
			.send("GET", "/engine-rest/history/process-instance?processInstanceId=" + task.getProcessInstanceId(), null)
			.body()).isEqualTo("[]");
	}

	@Test
	void notesAreChangedOrDeletedOnlyByWhoeverWroteThem() throws Exception {
		Task task = countyTasks.heldBy(HOLDER);
		String base = "/task/" + task.getId() + "/comment";
		Comment reminder = tasks.createComment(task.getId(), task.getProcessInstanceId(), "「县级形式审查」已超过办理期限，已报送负责人督办。");
		for (Door door : Door.values()) {
			Caller holder = caller(door, HOLDER);
			Caller colleague = caller(door, CountyReviewTasks.COLLEAGUE);
			HttpResponse<String> added = holder.send("POST", door.root + base + "/create",
					"{\"message\":\"已电话核实企业联系人。\",\"processInstanceId\":\"" + task.getProcessInstanceId() + "\"}");
			assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
			String note = json.readTree(added.body()).get("id").asText();

			// A colleague of the same body, who may see the task, changes nobody's note.
			assertThat(colleague.send("PUT", door.root + base, "{\"id\":\"" + note + "\",\"message\":\"改写\"}")
				.statusCode()).as("%s: a colleague rewrites", door).isEqualTo(403);
			assertThat(colleague.send("DELETE", door.root + base + "/" + note, null).statusCode())
				.as("%s: a colleague deletes", door)
				.isEqualTo(403);
			assertThat(colleague.send("DELETE", door.root + base, null).statusCode())
				.as("%s: a colleague deletes all", door)
				.isEqualTo(403);
			// The holder neither rewrites nor deletes the system's reminder, alone or
			// with all notes.
			assertThat(holder.send("PUT", door.root + base, "{\"id\":\"" + reminder.getId() + "\",\"message\":\"已办结\"}")
				.statusCode()).as("%s: the reminder rewritten", door).isEqualTo(403);
			assertThat(holder.send("DELETE", door.root + base + "/" + reminder.getId(), null).statusCode())
				.as("%s: the reminder deleted", door)
				.isEqualTo(403);
			assertThat(holder.send("DELETE", door.root + base, null).statusCode()).as("%s: all deleted", door)
				.isEqualTo(403);
			// Their own note, they may correct.
			HttpResponse<String> corrected = holder.send("PUT", door.root + base,
					"{\"id\":\"" + note + "\",\"message\":\"已电话核实企业联系人（更正）。\"}");
			assertThat(corrected.statusCode()).as("%s: own note → %s", door, corrected.body()).isEqualTo(204);
		}
		assertThat(tasks.getTaskComment(task.getId(), reminder.getId()).getFullMessage())
			.isEqualTo("「县级形式审查」已超过办理期限，已报送负责人督办。");
		assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
			.filteredOn(m -> m.startsWith("已电话核实"))
			.containsOnly("已电话核实企业联系人（更正）。")
			.hasSize(Door.values().length);
	}

	@Test
	void aNoteOnOnesOwnTaskCannotBeFiledUnderAnotherCase() {
		Task own = countyTasks.heldBy(HOLDER);
		Task other = countyTasks.open();
		for (Door door : Door.values()) {
			HttpResponse<String> added = caller(door, HOLDER).send("POST",
					door.root + "/task/" + own.getId() + "/comment/create",
					"{\"message\":\"记到别的案件上\",\"processInstanceId\":\"" + other.getProcessInstanceId() + "\"}");

			// Camunda's comment door wraps every refusal of the engine in "Not enough
			// parameters submitted"; the product's reason is answered instead.
			assertThat(added.statusCode()).as("%s → %s", door, added.body()).isEqualTo(400);
			assertThat(added.body()).as("%s", door).contains("意见只能记录在本任务所属的案件上");
		}
		identity.setAuthentication(HOLDER, List.of(CountyReviewTasks.BODY));
		try {
			assertThatThrownBy(() -> tasks.createComment(own.getId(), other.getProcessInstanceId(), "记到别的案件上"))
				.isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
				.hasMessageContaining("意见只能记录在本任务所属的案件上");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(tasks.getTaskComments(own.getId())).isEmpty();
		assertThat(tasks.getProcessInstanceComments(other.getProcessInstanceId())).isEmpty();
	}

	@Test
	void reviewersCanNeitherStartProcessesNorCreateTasks() {
		for (Door door : Door.values()) {
			Caller reviewer = caller(door, HOLDER);
			long before = tasks.createTaskQuery().count();

			HttpResponse<String> start = reviewer.send("POST",
					door.root + "/process-definition/key/county-review/start",
					"{\"businessKey\":\"999999\",\"variables\":{}}");
			HttpResponse<String> startSubsidy = reviewer.send("POST",
					door.root + "/process-definition/key/subsidy-application/submit-form", "{\"variables\":{}}");
			HttpResponse<String> create = reviewer.send("POST", door.root + "/task/create",
					"{\"name\":\"自建任务\",\"assignee\":\"" + HOLDER + "\"}");

			assertThat(start.statusCode()).as("%s: start → %s", door, start.body()).isEqualTo(403);
			assertThat(startSubsidy.statusCode()).as("%s: submit start form → %s", door, startSubsidy.body())
				.isEqualTo(403);
			assertThat(create.statusCode()).as("%s: create task → %s", door, create.body()).isEqualTo(403);
			assertThat(tasks.createTaskQuery().count()).isEqualTo(before);
		}
	}

	private List<String> messages(String body) throws Exception {
		JsonNode comments = json.readTree(body);
		List<String> messages = new java.util.ArrayList<>();
		comments.forEach(c -> messages.add(c.get("message").asText()));
		return messages;
	}

	private Caller caller(Door door, String user) {
		return EngineDoors.caller(port, door, user);
	}

}
