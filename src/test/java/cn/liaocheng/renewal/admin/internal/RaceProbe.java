package cn.liaocheng.renewal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import cn.liaocheng.renewal.support.DemoUsers;

/**
 * The small process that the deployment race tests deploy, and what they read back: the
 * latest version, and how many of its deployments were kept and audited.
 */
final class RaceProbe {

	/** The administrator as the page's controller receives them. */
	static final Authentication ADMIN = UsernamePasswordAuthenticationToken.authenticated(DemoUsers.ADMIN, null,
			List.of());

	private RaceProbe() {
	}

	/** A valid process with one plain task of the given name. */
	static String model(String key, String taskName) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Race"
				    targetNamespace="http://liaocheng.cn/renewal/test">
				  <bpmn:process id="%s" name="并发部署测试" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Start"/>
				    <bpmn:sequenceFlow id="SequenceFlow_ToCheck" sourceRef="StartEvent_Start" targetRef="Task_Check"/>
				    <bpmn:userTask id="Task_Check" name="%s" camunda:candidateGroups="enterprise"
				        camunda:formRef="county-formal-review" camunda:formRefBinding="latest"/>
				    <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_Check" targetRef="EndEvent_Done"/>
				    <bpmn:endEvent id="EndEvent_Done"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, taskName);
	}

	static Map<String, byte[]> file(String key, String taskName) {
		return Map.of(key + ".bpmn", model(key, taskName).getBytes(StandardCharsets.UTF_8));
	}

	/** Deletes every deployment of the probe process, its instances with it. */
	static void removeAll(RepositoryService repository, String key) {
		repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.list()
			.forEach(d -> repository.deleteDeployment(d.getDeploymentId(), true));
	}

	static String latestId(RepositoryService repository, String key) {
		return latest(repository, key).getId();
	}

	static String latestModel(RepositoryService repository, String key) {
		ProcessDefinition latest = latest(repository, key);
		try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * How many deployments of the process's file were kept with their bytes and written
	 * to the audit trail; each must have been one committed version.
	 */
	static long keptDeployments(JdbcClient jdbc, String key) {
		long kept = jdbc.sql("SELECT COUNT(*) FROM deployed_model_file WHERE short_name = ?")
			.param(key + ".bpmn")
			.query(Long.class)
			.single();
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'MODEL_DEPLOYED' AND details LIKE ?")
			.param("%文件：" + key + ".bpmn %")
			.query(Long.class)
			.single();
		return kept == audited ? kept : -1;
	}

	private static ProcessDefinition latest(RepositoryService repository, String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

}
