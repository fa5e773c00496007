package cn.liaocheng.renewal.security;

import static cn.liaocheng.renewal.support.EngineDoors.approval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import cn.liaocheng.renewal.support.TrustedDeployment;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * No door ends a review task that nobody holds, so no opinion of record is given in
 * nobody's name ({@code ReviewOpinions.NO_REVIEWER}): Camunda's REST API and the webapps'
 * API (Tasklist) refuse {@code complete} and {@code submit-form} of an unclaimed task to
 * a member of its body and to an administrator; the product's own review API works only
 * tasks the caller holds and ends none by completion; and a model cannot make a job
 * complete a task, neither past the pre-deployment check nor, deployed past it, in the
 * engine. Each time the task stays open and unclaimed and no opinion is recorded.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoAssigneeCompletionTest {

	private static final String MEMBER = DemoUsers.COUNTY_REVIEWER;

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
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
	}

	@Test
	void neitherRestRootCompletesAnUnclaimedTaskForAMemberOrAnAdministrator() {
		for (Door door : Door.values()) {
			Task task = countyTasks.open();
			for (String user : List.of(MEMBER, DemoUsers.ADMIN)) {
				Caller caller = EngineDoors.caller(port, door, user);
				for (String completion : List.of("complete", "submit-form")) {
					HttpResponse<String> response = caller.send("POST",
							door.root + "/task/" + task.getId() + "/" + completion, approval("未认领直接通过"));
					assertThat(response.statusCode()).as("%s %s %s: %s", door, user, completion, response.body())
						.isEqualTo(403);
					assertUntouched(task);
				}
			}
			// The member's refusal says what to do instead.
			assertThat(EngineDoors.caller(port, door, MEMBER)
				.send("POST", door.root + "/task/" + task.getId() + "/submit-form", approval("未认领直接通过"))
				.body()).contains("只有任务的当前办理人才能完成该任务，请先认领");
		}
	}

	/**
	 * The review API's operations that end a task (退回上一环节) or pass it on (转办, 委派, 放回) act
	 * only on a task the caller holds; none completes it.
	 */
	@Test
	void theProductsReviewApiEndsNoTaskTheCallerDoesNotHold() {
		Task formal = countyTasks.heldBy(MEMBER);
		tasks.complete(formal.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		Task recommendation = tasks.createTaskQuery()
			.processInstanceId(formal.getProcessInstanceId())
			.taskDefinitionKey("Task_CountyRecommendation")
			.singleResult();
		assertThat(recommendation.getAssignee()).isNull();
		WebClient member = new WebClient(port).withBasic(MEMBER, DemoUsers.PASSWORD);
		String reason = "{\"reason\":\"未认领直接退回\",\"to\":\"" + CountyReviewTasks.COLLEAGUE + "\"}";
		for (String operation : List.of("return-to-previous", "transfer", "delegate", "release")) {
			HttpResponse<String> response = member
				.postJson("/api/review/tasks/" + recommendation.getId() + "/" + operation, reason);
			assertThat(response.statusCode()).as("%s: %s", operation, response.body()).isIn(403, 404, 409);
			assertUntouched(recommendation);
		}
		assertThat(tasks.createTaskQuery().taskId(formal.getId()).count()).isZero();
	}

	/** A user task of a county body whose timeout listener would complete it. */
	static final String COMPLETING = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_X"
			    targetNamespace="http://liaocheng.cn/renewal/test">
			  <bpmn:process id="insider-completing" isExecutable="true" camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="S"/>
			    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
			    <bpmn:userTask id="T" name="县级形式审查" camunda:candidateGroups="county-371525-industry">
			      <bpmn:extensionElements>
			        <camunda:taskListener event="timeout" id="L" expression="${task.complete()}">
			          <bpmn:timerEventDefinition id="TL"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
			        </camunda:taskListener>
			      </bpmn:extensionElements>
			    </bpmn:userTask>
			    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
			    <bpmn:endEvent id="E"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Test
	void aModelCannotHaveAJobCompleteATask() {
		HttpResponse<String> deployed = deploy("insider-completing.bpmn", COMPLETING);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(400);
		assertThat(deployed.body()).contains("${task.complete()}");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("insider-completing").count())
			.isZero();

		// Past the check, the engine's expression guard refuses it when the job runs.
		String deploymentId = TrustedDeployment
			.deploy(repository.createDeployment().addString("insider-completing.bpmn", COMPLETING))
			.getId();
		try {
			ProcessInstance instance = runtime.startProcessInstanceByKey("insider-completing", "1");
			Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			Job timeout = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
			assertThatThrownBy(() -> management.executeJob(timeout.getId()))
				.hasStackTraceContaining("不能访问或修改流程实例和任务的其他成员（complete()）");
			assertUntouched(task);
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	// --- helpers

	private void assertUntouched(Task task) {
		Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(now).as("the task is still open").isNotNull();
		assertThat(now.getAssignee()).as("and nobody holds it").isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query(Long.class)
			.single()).as("no opinion recorded").isZero();
	}

	private HttpResponse<String> deploy(String file, String content) {
		String boundary = "----completing" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String text = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncompleting\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD)
			.post("/engine-rest/deployment/create", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
					"multipart/form-data; boundary=" + boundary);
	}

}
