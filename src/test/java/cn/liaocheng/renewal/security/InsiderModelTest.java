package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.TrustedDeployment;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An administrator's model may not change which case a process acts on, nor reach the
 * engine's services: neither through an expression the check once did not read (beside a
 * child element), nor through a generated form's field bound to the business key, nor by
 * giving a called process a business key of its own. Each is refused by the
 * pre-deployment check and, deployed past it, by the engine. And no spelling of the
 * deployment address gives a reviewer anything but a refusal.
 */
@WebIntegrationTest
class InsiderModelTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	static final String HEAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
			    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_X"
			    targetNamespace="http://liaocheng.cn/renewal/test">
			""";

	/**
	 * A condition's text beside a child element: it rewrites the business key and reaches
	 * the engine's identity service.
	 */
	static final String HIDDEN = HEAD
			+ """
					<bpmn:process id="insider-hidden" isExecutable="true" camunda:historyTimeToLive="P1D">
					  <bpmn:startEvent id="S"/>
					  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G"/>
					  <bpmn:exclusiveGateway id="G" default="F3"/>
					  <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="T">
					    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><bpmn:documentation>x</bpmn:documentation>${execution.setProcessBusinessKey('999') == null and execution.processEngineServices.identityService.createUserQuery().count() > 0}</bpmn:conditionExpression>
					  </bpmn:sequenceFlow>
					  <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E"/>
					  <bpmn:userTask id="T" camunda:candidateGroups="enterprise" camunda:formRef="county-formal-review" camunda:formRefBinding="latest"/>
					  <bpmn:sequenceFlow id="F4" sourceRef="T" targetRef="E"/>
					  <bpmn:endEvent id="E"/>
					</bpmn:process>
					</bpmn:definitions>
					""";

	/** Only the engine services, with the business key left alone. */
	static final String SERVICES = HIDDEN.replace("insider-hidden", "insider-services")
		.replace("execution.setProcessBusinessKey('999') == null and ", "");

	/**
	 * A legacy form property bound to the allowed #{execution.processBusinessKey}, and a
	 * call giving the called instance a business key of its own.
	 */
	static final String REKEY = HEAD
			+ """
					<bpmn:process id="insider-rekey" isExecutable="true" camunda:historyTimeToLive="P1D">
					  <bpmn:startEvent id="S"/>
					  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
					  <bpmn:userTask id="T" camunda:candidateGroups="enterprise" camunda:formRef="county-formal-review" camunda:formRefBinding="latest">
					    <bpmn:extensionElements>
					      <camunda:formProperty id="note" expression="#{execution.processBusinessKey}" default="42" writable="true"/>
					    </bpmn:extensionElements>
					  </bpmn:userTask>
					  <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="W"/>
					  <bpmn:userTask id="W" camunda:candidateGroups="enterprise" camunda:formRef="county-formal-review" camunda:formRefBinding="latest"/>
					  <bpmn:sequenceFlow id="F3" sourceRef="W" targetRef="E"/>
					  <bpmn:endEvent id="E"/>
					</bpmn:process>
					<bpmn:process id="insider-call" isExecutable="true" camunda:historyTimeToLive="P1D">
					  <bpmn:startEvent id="S2"/>
					  <bpmn:sequenceFlow id="C1" sourceRef="S2" targetRef="CA"/>
					  <bpmn:callActivity id="CA" calledElement="insider-rekey">
					    <bpmn:extensionElements><camunda:in businessKey="4242"/></bpmn:extensionElements>
					  </bpmn:callActivity>
					  <bpmn:sequenceFlow id="C2" sourceRef="CA" targetRef="E2"/>
					  <bpmn:endEvent id="E2"/>
					</bpmn:process>
					</bpmn:definitions>
					""";

	@Test
	void aConditionBesideAChildElementIsCheckedAndCannotRekeyTheCaseOrReachTheEngine() {
		HttpResponse<String> deployed = deploy("insider-hidden.bpmn", HIDDEN);

		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(400);
		assertThat(deployed.body()).contains("访问了允许范围以外的成员 “execution.setProcessBusinessKey”");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("insider-hidden").count()).isZero();

		// Past the check, the engine's guard refuses both steps.
		String deploymentId = TrustedDeployment
			.deploy(repository.createDeployment()
				.addString("insider-hidden.bpmn", HIDDEN)
				.addString("insider-services.bpmn", SERVICES))
			.getId();
		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("insider-hidden", "1"))
				.isInstanceOf(ProcessEngineException.class)
				.hasStackTraceContaining("不能访问或修改流程实例和任务的其他成员（setProcessBusinessKey()）");
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("insider-services", "1"))
				.isInstanceOf(ProcessEngineException.class)
				.hasStackTraceContaining("不能访问或修改流程实例和任务的其他成员（processEngineServices）");
			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("999").count()).isZero();
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("insider-hidden").count()).isZero();
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	@Test
	void aFormPropertyOrACalledProcessCannotChangeTheBusinessKey() {
		HttpResponse<String> deployed = deploy("insider-rekey.bpmn", REKEY);

		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(400);
		assertThat(deployed.body()).contains("不允许使用 camunda:formProperty", "camunda:in businessKey “4242” 不允许");

		// Past the check, the engine refuses to parse it.
		assertThatThrownBy(
				() -> TrustedDeployment.deploy(repository.createDeployment().addString("insider-rekey.bpmn", REKEY)))
			.isInstanceOf(ProcessEngineException.class)
			.hasStackTraceContaining("表单提交和被调用的流程都不能改变流程所办理的案件");
		assertThatThrownBy(
				() -> TrustedDeployment.deploy(repository.createDeployment()
					.addString("insider-call.bpmn", REKEY.replace("<camunda:formProperty id=\"note\" "
							+ "expression=\"#{execution.processBusinessKey}\" default=\"42\" writable=\"true\"/>",
							""))))
			.isInstanceOf(ProcessEngineException.class)
			.hasStackTraceContaining("camunda:in businessKey=\"4242\"");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("insider-rekey").count()).isZero();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("insider-call").count()).isZero();
	}

	@Test
	void reviewersReachNoDeploymentDoorBySpellingAndAreNeverAnsweredWithAServerError() {
		long before = repository.createDeploymentQuery().count();
		String model = HIDDEN.replace("insider-hidden", "insider-spelling");
		for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/Deployment/create",
				"/engine-rest/deployment/create/", "/engine-rest//deployment/create",
				"/engine-rest/deployment;x=y/create", "/engine-rest/deployment/create;x=y",
				"/engine-rest/%64eployment/create", "/engine-rest/deployment%2Fcreate",
				"/engine-rest/engine/default/deployment/create", "/engine-rest/ENGINE/default/deployment/create",
				"/engine-rest/engine/default;a=b/deployment/create",
				"/camunda/api/engine/engine/default/deployment/create",
				"/camunda/api/engine/engine/default/deployment/create/",
				"/camunda/api/engine/engine/default//deployment/create",
				"/camunda/api//engine/engine/default/deployment/create",
				"/camunda/api/engine/engine/default/Deployment/create",
				"/camunda//api/engine/engine/default/deployment/create",
				"/camunda/api/engine/engine/default/deployment;x=y/create")) {
			HttpResponse<String> r = deployAs(DemoUsers.CITY_REVIEWER, path, "x.bpmn", model);

			assertThat(r.statusCode()).as(path + " → " + r.body()).isIn(400, 403, 404);
			if (path.contains("//")) {
				assertThat(r.statusCode()).as(path).isEqualTo(400);
				assertThat(r.body()).as(path).contains("请求有误");
			}
		}
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private HttpResponse<String> deploy(String file, String content) {
		return deployAs(DemoUsers.ADMIN, "/engine-rest/deployment/create", file, content);
	}

	private HttpResponse<String> deployAs(String user, String path, String file, String content) {
		String boundary = "----insider" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String text = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ninsider\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD)
			.post(path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
					"multipart/form-data; boundary=" + boundary);
	}

}
