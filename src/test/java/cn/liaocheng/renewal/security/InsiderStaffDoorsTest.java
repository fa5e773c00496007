package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.ProbeTasks;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * What an insider with a reviewer's account tries against the doors added since the page
 * limit, at both engine roots: lists the page limit does not reach (a task's notes,
 * paging tricks, reports, other query types), and the notes about tasks that the end of a
 * task marks done (someone else's notes, a task ended by a crafted call). A reviewer
 * holds more than a page of tasks for the time of the class; everything made here is
 * removed after.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderStaffDoorsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String REVIEWER = DemoUsers.BANK_OFFICER;

	private static final int LIMIT = 1000;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	FilterService filters;

	@Autowired
	JdbcClient jdbc;

	private Deployment pile;

	private String taskId;

	private final List<Long> notes = new ArrayList<>();

	@BeforeAll
	void pileUpTasks() {
		pile = ProbeTasks.pileUp(engine, "insider-probe", "内部人员测试", REVIEWER, LIMIT + 1);
		taskId = engine.getTaskService()
			.createTaskQuery()
			.processDefinitionKey("insider-probe")
			.listPage(0, 1)
			.get(0)
			.getId();
	}

	@AfterAll
	void clearUp() {
		notes.forEach(id -> jdbc.sql("DELETE FROM notification WHERE id = ?").param(id).update());
		if (pile != null) {
			engine.getTaskService().deleteTaskComments(taskId);
			engine.getRepositoryService().deleteDeployment(pile.getId(), true);
		}
	}

	/**
	 * Camunda answers a task's comments in one list without a page, a command the page
	 * limit does not reach; a reviewer may not write a task's notes past the limit, so no
	 * read of them loads more.
	 */
	@Test
	void aReviewerCannotPileNotesOnATaskPastTheLimit() throws Exception {
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				for (int i = 0; i < LIMIT; i++) {
					engine.getTaskService().createComment(taskId, null, "备注" + i);
				}
				return null;
			});
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, REVIEWER);
			HttpResponse<String> more = caller.send("POST", door.root + "/task/" + taskId + "/comment/create",
					"{\"message\":\"再来一条\"}");
			assertThat(more.statusCode()).as("%s: %s", door, more.body()).isEqualTo(400);
			// Camunda's comment resource wraps every refusal in its own English words;
			// the product's reason is answered instead.
			assertThat(more.body()).as("%s", door).contains("备注已达 1000 条上限").doesNotContain("Not enough parameters");
			HttpResponse<String> read = caller.send("GET", door.root + "/task/" + taskId + "/comment", null);
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(read.body()).size()).isEqualTo(LIMIT);
		}
		engine.getTaskService().deleteTaskComments(taskId);
		Caller caller = EngineDoors.caller(port, Door.ENGINE_REST, REVIEWER);
		HttpResponse<String> first = caller.send("POST", "/engine-rest/task/" + taskId + "/comment/create",
				"{\"message\":\"复核意见见表单\"}");
		assertThat(first.statusCode()).as("a reviewer's note on his own task: %s", first.body()).isEqualTo(200);
		engine.getTaskService().deleteTaskComments(taskId);
	}

	/**
	 * Paging tricks and other lists and reports: none answers a reviewer more than a
	 * page, whether the page limit, Camunda's authorizations or the database refuses.
	 */
	@Test
	void noOtherListOrPageSpellingAnswersMoreThanAPage() throws Exception {
		String mine = filters.createTaskFilterQuery().filterName("我的待办").singleResult().getId();
		List<String> requests = List.of("GET /task?firstResult=0&maxResults=-1", "GET /task?maxResults=0",
				"GET /task?firstResult=2147483647&maxResults=2147483647",
				"GET /task?firstResult=0&maxResults=-2147483648",
				"POST /filter/" + mine + "/list?firstResult=0&maxResults=-1",
				"GET /filter/" + mine + "/list?firstResult=0&maxResults=-1",
				"GET /history/task?firstResult=0&maxResults=-1", "GET /history/identity-link-log",
				"GET /history/identity-link-log?maxResults=5000", "GET /history/activity-instance",
				"POST /task?maxResults=-1", "GET /task?sortBy=created&sortOrder=desc", "GET /execution",
				"GET /process-instance", "POST /process-instance", "GET /history/process-instance",
				"GET /variable-instance", "GET /history/user-operation", "GET /identity/groups?userId=" + REVIEWER,
				"GET /identity/groups?userId=" + DemoUsers.ENTERPRISE);
		List<String> refused = List.of("POST /task", "GET /history/identity-link-log",
				"GET /history/identity-link-log?maxResults=5000", "GET /task?sortBy=created&sortOrder=desc");
		List<String> forbidden = List.of("GET /history/task/report?reportType=count&groupBy=taskName",
				"GET /history/task/report?reportType=duration&periodUnit=month",
				"GET /task/report/candidate-group-count",
				"GET /history/process-instance/report?reportType=duration&periodUnit=month", "GET /history/detail",
				"GET /history/variable-instance", "GET /process-definition/statistics");
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, REVIEWER);
			for (String request : requests) {
				HttpResponse<String> answer = send(caller, door, request,
						"{\"orQueries\":[{\"assignee\":\"" + REVIEWER + "\"}]}");
				if (answer.statusCode() == 200) {
					JsonNode rows = JSON.readTree(answer.body());
					int size = rows.has("groupUsers") ? rows.get("groupUsers").size() : rows.size();
					assertThat(size).as("%s %s", door, request).isLessThanOrEqualTo(LIMIT);
				}
				else {
					assertThat(answer.statusCode()).as("%s %s: %s", door, request, answer.body()).isBetween(400, 500);
				}
				if (refused.contains(request)) {
					assertThat(answer.statusCode()).as("%s %s", door, request).isEqualTo(400);
				}
			}
			for (String request : forbidden) {
				assertThat(send(caller, door, request, "{}").statusCode()).as("%s %s", door, request).isEqualTo(403);
			}
		}
	}

	/**
	 * The lists the page limit leaves alone because the configuration fixes their length
	 * cannot be made long by a reviewer: filters, groups, tenants and deployments are
	 * created by administrators only, at both roots.
	 */
	@Test
	void aReviewerCannotLengthenTheListsTheLimitLeavesAlone() {
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, REVIEWER);
			for (String[] create : List.of(
					new String[] { "/filter/create", "{\"resourceType\":\"Task\",\"name\":\"多一个\",\"query\":{}}" },
					new String[] { "/group/create", "{\"id\":\"insider-group\",\"name\":\"x\",\"type\":\"CITY\"}" },
					new String[] { "/tenant/create", "{\"id\":\"insider-tenant\",\"name\":\"x\"}" })) {
				HttpResponse<String> answer = caller.send("POST", door.root + create[0], create[1]);
				assertThat(answer.statusCode()).as("%s %s: %s", door, create[0], answer.body()).isEqualTo(403);
			}
		}
		assertThat(filters.createFilterQuery().filterName("多一个").count()).isZero();
		assertThat(engine.getIdentityService().createGroupQuery().groupId("insider-group").count()).isZero();
	}

	/**
	 * A task's end marks its notes done, and nothing else does: a reviewer cannot end a
	 * case's task by deleting it nor make a task of the same id, and cannot read or mark
	 * another's note, at any door.
	 */
	@Test
	void notesAreMarkedOnlyByTheEndOfTheirOwnTask() throws Exception {
		String other = engine.getTaskService()
			.createTaskQuery()
			.processDefinitionKey("insider-probe")
			.listPage(1, 1)
			.get(0)
			.getId();
		long colleaguesNote = note(DemoUsers.COUNTY_REVIEWER, other);
		long reviewersNote = note(REVIEWER, other);
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, REVIEWER);
			assertThat(caller.send("DELETE", door.root + "/task/" + other, null).statusCode()).as("%s delete", door)
				.isIn(403, 404);
			assertThat(caller.send("POST", door.root + "/task/create", "{\"id\":\"" + other + "\",\"name\":\"x\"}")
				.statusCode()).as("%s create", door).isIn(400, 403, 409);
			assertThat(caller.send("POST", door.root + "/task/" + other + "/resolve", "{}").statusCode())
				.as("%s resolve", door)
				.isBetween(400, 499);
		}
		assertThat(ended(colleaguesNote)).isFalse();
		assertThat(ended(reviewersNote)).isFalse();
		WebClient reviewer = new WebClient(port).withBasic(REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.postJson("/api/notifications/" + colleaguesNote + "/read", "{}").statusCode())
			.isEqualTo(404);
		assertThat(reviewer.get("/api/notifications?limit=100").body())
			.doesNotContain("\"id\":" + colleaguesNote + ",");
		assertThat(jdbc.sql("SELECT read_at FROM notification WHERE id = ?")
			.param(colleaguesNote)
			.query(Timestamp.class)
			.optional()).isEmpty();
		engine.getTaskService().complete(other);
		assertThat(ended(colleaguesNote)).isTrue();
		assertThat(ended(reviewersNote)).isTrue();
	}

	private boolean ended(long note) {
		return jdbc.sql("SELECT task_ended_at FROM notification WHERE id = ?")
			.param(note)
			.query(Timestamp.class)
			.optional()
			.isPresent();
	}

	private long note(String recipient, String task) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (recipient_id, kind, title, body, link, task_id, created_at)
				VALUES (?, 'TASK_CREATED', '新的待办任务：内部人员测试任务', '「内部人员测试任务」已到达。', ?, ?, ?)""")
			.params(recipient, "/camunda/app/tasklist/default/#/?task=" + task, task, Timestamp.from(Instant.now()))
			.update(key, "id");
		long id = key.getKey().longValue();
		notes.add(id);
		return id;
	}

	private static HttpResponse<String> send(Caller caller, Door door, String request, String postBody) {
		String method = request.substring(0, request.indexOf(' '));
		String path = door.root + request.substring(request.indexOf(' ') + 1);
		return caller.send(method, path, method.equals("GET") ? null : postBody);
	}

}
