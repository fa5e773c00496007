package cn.liaocheng.renewal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Running cases move to a new version through the administration page and finish on it;
 * the dry run names the rest.
 */
@WebIntegrationTest
class CaseMigrationTest {

	private static final String KEY = "migration-probe";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeProbes() {
		repository.createProcessDefinitionQuery()
			.processDefinitionKey(KEY)
			.list()
			.stream()
			.map(ProcessDefinition::getDeploymentId)
			.distinct()
			.forEach(id -> repository.deleteDeployment(id, true));
	}

	@Test
	void casesWaitingAtATaskMoveToTheNewVersionAndPassItsNewStep() {
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		deploy(modeler, TestModels.valid(KEY, "Task_Review", "Task_Check"));
		String first = runtime.startProcessInstanceByKey(KEY, "case-1").getId();
		String second = runtime.startProcessInstanceByKey(KEY, "case-2").getId();
		String pastReview = runtime.startProcessInstanceByKey(KEY, "case-3").getId();
		complete(pastReview, "Task_Review");
		deploy(modeler, TestModels.valid(KEY, "Task_Review", "Task_Extra"));
		String v1 = definition(1).getId();
		String v2 = definition(2).getId();
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		String page = admin.get("/admin/models/" + KEY + "/migration").body();
		HttpResponse<String> dryRun = admin.postForm("/admin/models/" + KEY + "/migration/dry-run",
				"source=" + enc(v1) + "&target=" + enc(v2) + "&_csrf=" + enc(WebClient.csrfTokenOf(page)));

		assertThat(dryRun.statusCode()).isEqualTo(200);
		String result = ModelValidationTest.unescape(dryRun.body());
		assertThat(result).contains("id=\"movable-" + first + "\"", "id=\"movable-" + second + "\"",
				"id=\"blocked-" + pastReview + "\"", "案件正停在环节 Task_Check，新版本中没有同一 id 的环节");
		assertThat(result).doesNotContain("id=\"movable-" + pastReview + "\"");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1).count()).as("a dry run changes nothing")
			.isEqualTo(3);

		HttpResponse<String> migrated = admin.postForm("/admin/models/" + KEY + "/migration",
				"source=" + enc(v1) + "&target=" + enc(v2) + "&instance=" + first + "&instance=" + second + "&_csrf="
						+ enc(WebClient.csrfTokenOf(dryRun.body())));

		assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(302);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2).list()).extracting(p -> p.getId())
			.containsExactlyInAnyOrder(first, second);
		for (String id : List.of(first, second)) {
			complete(id, "Task_Review");
			complete(id, "Task_Extra");
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
				.extracting(HistoricActivityInstance::getActivityId)
				.contains("Task_Review", "Task_Extra", "EndEvent_Done");
		}
		assertThat(jdbc
			.sql("SELECT actor || ' ' || details FROM audit_log WHERE action = 'CASES_MIGRATED' AND subject = ?")
			.param("process:" + KEY)
			.query(String.class)
			.list()).singleElement()
			.satisfies(e -> assertThat(e).contains("admin", "从版本 1", "版本 2", "2 个案件", first, second));
	}

	@Test
	void aTaskMovedOntoAVersionWithTheOverdueTimerGetsItOnTheTasksOwnDueDate() {
		String due = "camunda:dueDate=\"2031-01-15T17:00:00\" ";
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		deploy(modeler,
				TestModels.definitions(TestModels.process(KEY, TestModels.ttl(), TestModels.userTask("Task_Review",
						"camunda:candidateGroups=\"" + TestModels.PLAIN_GROUP + "\" " + due + TestModels.FORM_REF))));
		String waiting = runtime.startProcessInstanceByKey(KEY, "case-10").getId();
		assertThat(management.createJobQuery().processInstanceId(waiting).timers().count()).isZero();
		deploy(modeler,
				TestModels.definitions(TestModels.process(KEY, TestModels.ttl(), TestModels.reviewTask("Task_Review",
						"camunda:candidateGroups=\"" + TestModels.GROUP + "\" " + due + TestModels.FORM_REF))));
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/models/" + KEY + "/migration").body();

		HttpResponse<String> migrated = admin.postForm("/admin/models/" + KEY + "/migration",
				"source=" + enc(definition(1).getId()) + "&target=" + enc(definition(2).getId()) + "&instance="
						+ waiting + "&_csrf=" + enc(WebClient.csrfTokenOf(page)));

		assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(302);
		Date taskDue = tasks.createTaskQuery().processInstanceId(waiting).singleResult().getDueDate();
		assertThat(taskDue).isNotNull();
		assertThat(management.createJobQuery().processInstanceId(waiting).activityId("Task_Review").timers().list())
			.singleElement()
			.satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(taskDue));
	}

	@Test
	void aPlanBetweenUnrelatedVersionsIsExplainedBeforeAnythingMoves() {
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		deploy(modeler, TestModels.valid(KEY, "Task_Review"));
		String waiting = runtime.startProcessInstanceByKey(KEY, "case-9").getId();
		deploy(modeler, TestModels.valid(KEY, "Task_Other"));
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/models/" + KEY + "/migration").body();

		HttpResponse<String> dryRun = admin.postForm("/admin/models/" + KEY + "/migration/dry-run",
				"source=" + enc(definition(1).getId()) + "&target=" + enc(definition(2).getId()) + "&_csrf="
						+ enc(WebClient.csrfTokenOf(page)));

		assertThat(ModelValidationTest.unescape(dryRun.body())).contains("id=\"blocked-" + waiting + "\"",
				"Task_Review");
		assertThat(
				runtime.createProcessInstanceQuery().processInstanceId(waiting).singleResult().getProcessDefinitionId())
			.isEqualTo(definition(1).getId());
	}

	private void deploy(WebClient modeler, String model) {
		HttpResponse<String> response = ModelValidationTest.createDeployment(modeler, KEY + ".bpmn", model);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private ProcessDefinition definition(int version) {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(KEY)
			.processDefinitionVersion(version)
			.singleResult();
	}

	/**
	 * Completes the task as its form (TestModels.FORM) asks: a decision and an opinion.
	 */
	private void complete(String processInstanceId, String taskKey) {
		tasks.complete(tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId(), Map.of("decision", "APPROVE", "opinion", "同意"));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
