package cn.liaocheng.renewal.review.process;

import static cn.liaocheng.renewal.review.process.TasklistSubmission.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The after-award processes (subsidy-aftercare, clawback) act on a case only in the
 * instance the product started for it: an instance started by hand with the case's
 * business key (through the engine's REST API as a reviewer or an administrator, or
 * through the engine's own API) drives none of its steps and gets no decision signed; and
 * a clawback's decision is signed only on the steps its record shows
 * ({@code IssuingGrounds}), whatever the model or a moved token skips.
 */
@WebIntegrationTest
class AfterAwardPinningTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AfterAwardPinningTest(ApplicationContext context) {
		super(context);
	}

	/**
	 * Starting a clawback for another case through the engine's REST API (and Tasklist's
	 * start form, the same door) is refused to a reviewer and to an administrator alike.
	 */
	@Test
	void nobodyStartsAClawbackByHandThroughTheRestApi() {
		Case victim = determinedClawback();
		String start = "{\"businessKey\":\"" + victim.id() + "\"}";

		HttpResponse<String> reviewer = as("lc-industry").postJson("/engine-rest/process-definition/key/clawback/start",
				start);
		HttpResponse<String> admin = as(DemoUsers.ADMIN).postJson("/engine-rest/process-definition/key/clawback/start",
				start);
		HttpResponse<String> adminForm = as(DemoUsers.ADMIN)
			.postJson("/engine-rest/process-definition/key/clawback/submit-form", start);
		HttpResponse<String> adminAftercare = as(DemoUsers.ADMIN)
			.postJson("/engine-rest/process-definition/key/subsidy-aftercare/start", start);

		assertThat(reviewer.statusCode()).as(reviewer.body()).isEqualTo(403);
		assertThat(admin.statusCode()).as(admin.body()).isEqualTo(403);
		assertThat(admin.body()).contains("不能手工发起");
		assertThat(adminForm.statusCode()).as(adminForm.body()).isEqualTo(403);
		assertThat(adminAftercare.statusCode()).as(adminAftercare.body()).isEqualTo(403);
		assertThat(instances(victim, "clawback")).hasSize(1);
		assertThat(instances(victim, "subsidy-aftercare")).hasSize(1);
		assertThat(review.tasks(victim, "Task_DetermineClawback")).isEmpty();
		assertThat(decisions.allForApplication(victim.id()))
			.allSatisfy(d -> assertThat(d.type().stage().name()).isNotEqualTo("CLAWBACK"));
	}

	/**
	 * The enterprise's 催办 reaches the open steps of its review and after-award process,
	 * not the clawback's steps against it; here the only such step, the county finance
	 * bureau's payment, is held by the clawback, so there is nothing to urge.
	 */
	@Test
	void theEnterprisesUrgeDoesNotReachItsClawback() {
		Case claim = determinedClawback();
		assertThat(review.tasks(claim, "Task_ConfirmClawback")).hasSize(1);
		assertThat(review.tasks(claim, "Task_RecordPayment")).hasSize(1);

		HttpResponse<String> urged = as(DemoUsers.ENTERPRISE).postJson("/api/applications/" + claim.id() + "/urge",
				"{\"reason\":\"请尽快拨付奖补资金。\"}");

		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(409);
		assertThat(urged.body()).contains("暂停拨付", "无需催办").doesNotContain("县级财政核对追回金额", "核定追回事项");
	}

	/**
	 * The messages an after-award process waits for are facts the product records first:
	 * delivering one by hand through the engine's REST API (correlation, or triggering
	 * the subscription) is refused to an administrator and a reviewer alike, and the
	 * process goes on waiting. The product's own deliveries are the other tests'
	 * (aftercare, clawback, loans).
	 */
	@Test
	void nobodyDeliversACaseProcessMessageByHand() {
		Case claim = allocatedSubsidy();
		ProcessInstance aftercare = instances(claim, "subsidy-aftercare").get(0);
		List<EventSubscription> waiting = runtime.createEventSubscriptionQuery()
			.processInstanceId(aftercare.getId())
			.eventType("message")
			.list();
		assertThat(waiting).isNotEmpty();
		for (EventSubscription message : waiting) {
			String correlation = "{\"messageName\":\"" + message.getEventName() + "\",\"processInstanceId\":\""
					+ aftercare.getId() + "\"}";
			HttpResponse<String> admin = as(DemoUsers.ADMIN).postJson("/engine-rest/message", correlation);
			HttpResponse<String> adminOtherRoot = as(DemoUsers.ADMIN)
				.postJson("/camunda/api/engine/engine/default/message", correlation);
			HttpResponse<String> trigger = as(DemoUsers.ADMIN).postJson("/engine-rest/execution/"
					+ message.getExecutionId() + "/messageSubscriptions/" + message.getEventName() + "/trigger", "{}");
			HttpResponse<String> reviewer = as("gx-finance").postJson("/engine-rest/message", correlation);

			assertThat(admin.statusCode()).as(admin.body()).isEqualTo(403);
			assertThat(admin.body()).contains("不能手工触发");
			assertThat(adminOtherRoot.statusCode()).as(adminOtherRoot.body()).isIn(403, 404);
			assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(403);
			assertThat(trigger.body()).contains("不能手工触发");
			assertThat(reviewer.statusCode()).as(reviewer.body()).isIn(403, 404);
		}
		assertThat(runtime.createEventSubscriptionQuery()
			.processInstanceId(aftercare.getId())
			.eventType("message")
			.count()).isEqualTo(waiting.size());
		assertThat(instances(claim, "subsidy-aftercare")).hasSize(1);
	}

	/**
	 * An instance started by hand inside the engine (no signed-in user, as a model or
	 * code could): it cannot even reach its first task, and one parked before the issuer
	 * signs nothing for the case whose clawback waits for the county's confirmation.
	 */
	@Test
	void aClawbackStartedByHandForAnotherCaseActsOnNothing() {
		Case victim = determinedClawback();

		assertThatThrownBy(() -> runtime.startProcessInstanceByKey("clawback", victim.key()))
			.hasMessageContaining("不是申报 " + victim.id() + " 的追回流程");
		ProcessInstance parked = runtime.createProcessInstanceByKey("clawback")
			.businessKey(victim.key())
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();
		String job = management.createJobQuery().processInstanceId(parked.getId()).singleResult().getId();

		assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("不是申报 " + victim.id() + " 的追回流程");
		assertThat(decisions.allForApplication(victim.id()))
			.allSatisfy(d -> assertThat(d.type().stage().name()).isNotEqualTo("CLAWBACK"));
		assertThat(clawbackStatus(victim)).isEqualTo("CONFIRMING");
		assertThat(audited("CASE_PROCESS_MISMATCH", victim)).isPositive();
		runtime.deleteProcessInstance(parked.getId(), "test");

		// The case's own clawback goes on as before.
		HttpResponse<String> confirmed = submit(as("gx-finance"), victim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "经核对，该项目奖补资金尚未拨付。"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(victim);
		review.fireTimer(victim, ReviewFixture.STATEMENT_PERIOD_OVER);
		assertThat(clawbackStatus(victim)).isEqualTo("REVOKED");
	}

	/**
	 * A payment-and-acceptance process started by hand for an allocated case neither
	 * opens its payment task nor tells the enterprise anything.
	 */
	@Test
	void anAftercareProcessStartedByHandActsOnNothing() {
		Case victim = allocatedSubsidy();

		String division = jdbc.sql("SELECT division_code FROM application WHERE id = ?")
			.param(victim.id())
			.query(String.class)
			.single();

		assertThatThrownBy(() -> runtime.startProcessInstanceByKey("subsidy-aftercare", victim.key(),
				Map.of("divisionCode", division)))
			.hasMessageContaining("不是申报 " + victim.id() + " 的项目后续管理流程");
		ProcessInstance parked = runtime.createProcessInstanceByKey("subsidy-aftercare")
			.businessKey(victim.key())
			.startBeforeActivity("Task_RequestPerformanceReport")
			.execute();
		String job = management.createJobQuery().processInstanceId(parked.getId()).singleResult().getId();

		assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("不是申报 " + victim.id() + " 的项目后续管理流程");
		assertThat(events(victim, "PERFORMANCE_REQUESTED")).isZero();
		runtime.deleteProcessInstance(parked.getId(), "test");
		assertThat(review.tasks(victim, "Task_RecordPayment")).hasSize(1);
	}

	/**
	 * The case's own clawback, its token moved to the issuer past the county finance
	 * bureau's confirmation, or before any determination: nothing is signed.
	 */
	@Test
	void aClawbackMovedToTheIssuerSignsNothing() {
		Case unconfirmed = determinedClawback();
		ProcessInstance clawback = instances(unconfirmed, "clawback").get(0);
		runtime.createProcessInstanceModification(clawback.getId())
			.cancelAllForActivity("Task_ConfirmClawback")
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();

		assertThatThrownBy(() -> review.runJobs(unconfirmed)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("Task_ConfirmClawback");
		assertThat(decisions.allForApplication(unconfirmed.id()))
			.allSatisfy(d -> assertThat(d.type().stage().name()).isNotEqualTo("CLAWBACK"));
		assertThat(audited("DECISION_NOT_SUPPORTED", unconfirmed)).isPositive();

		Case undetermined = allocatedSubsidy();
		startForFalseMaterial(undetermined);
		ProcessInstance fresh = instances(undetermined, "clawback").get(0);
		runtime.createProcessInstanceModification(fresh.getId())
			.cancelAllForActivity("Task_DetermineClawback")
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();

		assertThatThrownBy(() -> review.runJobs(undetermined)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("Task_DetermineClawback");
		assertThat(decisions.allForApplication(undetermined.id()))
			.allSatisfy(d -> assertThat(d.type().stage().name()).isNotEqualTo("CLAWBACK"));
		assertThat(audited("DECISION_NOT_SUPPORTED", undetermined)).isPositive();
	}

	/** clawback with no steps at all: started, signed, ended. */
	static final String SKIP = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_X"
			    targetNamespace="http://liaocheng.cn/renewal/test">
			  <bpmn:process id="clawback" name="奖补资金追回" isExecutable="true" camunda:historyTimeToLive="P3650D">
			    <bpmn:startEvent id="StartEvent_ClawbackStarted"/>
			    <bpmn:sequenceFlow id="F1" sourceRef="StartEvent_ClawbackStarted" targetRef="Task_IssueClawbackDecision"/>
			    <bpmn:serviceTask id="Task_IssueClawbackDecision" camunda:asyncBefore="true"
			        camunda:delegateExpression="${issueClawbackDecisionDelegate}"/>
			    <bpmn:sequenceFlow id="F2" sourceRef="Task_IssueClawbackDecision" targetRef="EndEvent_Revoked"/>
			    <bpmn:endEvent id="EndEvent_Revoked"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	/**
	 * An administrator's clawback model that goes straight to the issuer gets no signed
	 * decision: the record holds no determination, no confirmation.
	 */
	@Test
	void anAdministratorsClawbackModelCannotSignADecisionNobodyDetermined() {
		Case claim = allocatedSubsidy();
		HttpResponse<String> deployed = deploy("clawback.bpmn", SKIP);
		if (deployed.statusCode() != 200) {
			return; // refused at deployment: the attack fails before it starts
		}
		String deploymentId = deployed.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
		try {
			startForFalseMaterial(claim);
			assertThatThrownBy(() -> review.runJobs(claim)).hasMessageContaining("审核记录不支持")
				.hasMessageContaining("CLAWBACK_FALSE_MATERIAL");
			assertThat(decisions.allForApplication(claim.id()))
				.allSatisfy(d -> assertThat(d.type().stage().name()).isNotEqualTo("CLAWBACK"));
			assertThat(audited("DECISION_NOT_SUPPORTED", claim)).isPositive();
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	// --- helpers

	private Case allocatedSubsidy() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		return claim;
	}

	/**
	 * An allocated subsidy, nothing of it paid, whose clawback for false material the
	 * city industry bureau has determined: it waits for the county finance bureau's
	 * confirmation.
	 */
	private Case determinedClawback() {
		Case claim = allocatedSubsidy();
		startForFalseMaterial(claim);
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "发票系虚开。", "listNegative", false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		assertThat(clawbackStatus(claim)).isEqualTo("CONFIRMING");
		return claim;
	}

	private void startForFalseMaterial(Case claim) {
		HttpResponse<String> started = as("lc-industry").postJson("/api/clawbacks",
				"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
	}

	private List<ProcessInstance> instances(Case c, String processKey) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(c.key())
			.processDefinitionKey(processKey)
			.list();
	}

	private String clawbackStatus(Case c) {
		return jdbc.sql("SELECT status FROM clawback WHERE application_id = ?")
			.param(c.id())
			.query(String.class)
			.single();
	}

	private long audited(String action, Case c) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, "application:" + c.id())
			.query(Long.class)
			.single();
	}

	private long events(Case c, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = ?")
			.params(c.id(), action)
			.query(Long.class)
			.single();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private HttpResponse<String> deploy(String file, String content) {
		String boundary = "----afteraward" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String text = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nafteraward\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return as(DemoUsers.ADMIN).post("/engine-rest/deployment/create",
				HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

}
