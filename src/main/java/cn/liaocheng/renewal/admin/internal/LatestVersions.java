package cn.liaocheng.renewal.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether a file is, byte for byte, the latest version of every process, decision table
 * or form it defines, whichever door deployed that version. The engine's own duplicate
 * filter compares a file only with the last deployment of the same name, so a version
 * deployed through another door made an administrator's restored file look unchanged.
 */
@Component
class LatestVersions {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RepositoryService repository;

	private final ProcessEngineConfigurationImpl engine;

	LatestVersions(RepositoryService repository, ProcessEngineConfigurationImpl engine) {
		this.repository = repository;
		this.engine = engine;
	}

	/**
	 * False for a file that defines nothing known or cannot be read: it is deployed and
	 * checked.
	 */
	boolean isLatest(String name, byte[] bytes) {
		try {
			List<Stored> stored = new ArrayList<>();
			if (ModelValidator.isBpmn(name)) {
				for (Process process : Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
					.getModelElementsByType(Process.class)) {
					ProcessDefinition latest = repository.createProcessDefinitionQuery()
						.processDefinitionKey(process.getId())
						.latestVersion()
						.singleResult();
					stored.add(latest == null ? null : new Stored(latest.getDeploymentId(), latest.getResourceName()));
				}
			}
			else if (ModelValidator.isDmn(name)) {
				for (Decision decision : Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
					.getModelElementsByType(Decision.class)) {
					DecisionDefinition latest = repository.createDecisionDefinitionQuery()
						.decisionDefinitionKey(decision.getId())
						.latestVersion()
						.singleResult();
					stored.add(latest == null ? null : new Stored(latest.getDeploymentId(), latest.getResourceName()));
				}
			}
			else if (name.endsWith(".form")) {
				JsonNode id = JSON.readTree(bytes).get("id");
				CamundaFormDefinitionEntity latest = id == null || !id.isTextual() ? null
						: engine.getCommandExecutorTxRequired()
							.execute(context -> context.getCamundaFormDefinitionManager()
								.findLatestDefinitionByKey(id.asText()));
				stored.add(latest == null ? null : new Stored(latest.getDeploymentId(), latest.getResourceName()));
			}
			return !stored.isEmpty() && stored.stream().allMatch(s -> s != null && sameBytes(s, bytes));
		}
		catch (RuntimeException | IOException unreadable) {
			return false;
		}
	}

	private boolean sameBytes(Stored stored, byte[] bytes) {
		try (InputStream in = repository.getResourceAsStream(stored.deploymentId(), stored.resourceName())) {
			return Arrays.equals(in.readAllBytes(), bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private record Stored(String deploymentId, String resourceName) {
	}

}
