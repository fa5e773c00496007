package cn.liaocheng.renewal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Whether a file is, byte for byte, the latest version of every process, decision table
 * or form it defines, whichever door deployed that version. The engine's own duplicate
 * filter compares a file only with the last deployment of the same name, so a version
 * deployed through another door made an administrator's restored file look unchanged.
 */
@Component
class LatestVersions {

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
		List<ModelKey> keys = ModelKey.of(name, bytes);
		try {
			return !keys.isEmpty() && keys.stream().map(this::latest).allMatch(s -> s != null && sameBytes(s, bytes));
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

	private Stored latest(ModelKey model) {
		return switch (model.kind()) {
			case PROCESS -> {
				ProcessDefinition latest = repository.createProcessDefinitionQuery()
					.processDefinitionKey(model.key())
					.latestVersion()
					.singleResult();
				yield latest == null ? null : new Stored(latest.getDeploymentId(), latest.getResourceName());
			}
			case DECISION -> {
				DecisionDefinition latest = repository.createDecisionDefinitionQuery()
					.decisionDefinitionKey(model.key())
					.latestVersion()
					.singleResult();
				yield latest == null ? null : new Stored(latest.getDeploymentId(), latest.getResourceName());
			}
			case FORM -> {
				CamundaFormDefinitionEntity latest = engine.getCommandExecutorTxRequired()
					.execute(context -> context.getCamundaFormDefinitionManager()
						.findLatestDefinitionByKey(model.key()));
				yield latest == null ? null : new Stored(latest.getDeploymentId(), latest.getResourceName());
			}
		};
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
