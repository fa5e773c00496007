package cn.liaocheng.renewal.admin.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.admin.internal.ModelDeployments.DeployOutcome;
import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Deploys a process edited in the browser as the next version of the same resource.
 * Edited from a version that is no longer the latest (a colleague deployed one meanwhile,
 * or an older version was opened), it is deployed only when the administrator confirms
 * that it replaces that latest version, since it would undo its changes; a confirmation
 * does not cover a version deployed after the one it names.
 *
 * <p>
 * The look at the latest version and the deployment are made holding the deployments'
 * turn ({@link ModelLocks}): of two administrators who edited the same version and deploy
 * at the same moment, the second waits until the first's version is committed, then finds
 * it newer and is asked, deploying nothing. Looked at before the lock, both found their
 * version the latest and the second silently undid the first's changes.
 */
@Service
class ProcessEdits {

	private final RepositoryService repository;

	private final ModelDeployments deployments;

	private final ModelLocks locks;

	ProcessEdits(RepositoryService repository, ModelDeployments deployments, ModelLocks locks) {
		this.repository = repository;
		this.deployments = deployments;
		this.locks = locks;
	}

	/**
	 * Deploys {@code xml}, edited from the process version {@code definitionId};
	 * {@code replacing}: the id of the newer version the administrator has confirmed it
	 * replaces, or null.
	 */
	Edit deploy(String userId, String definitionId, String xml, String replacing) {
		ProcessDefinition edited = repository.getProcessDefinition(definitionId);
		String file = ModelDeployments.fileName(edited.getResourceName());
		Map<String, byte[]> resources = Map.of(file, xml.getBytes(StandardCharsets.UTF_8));
		try {
			return locks.holding(transaction -> {
				ProcessDefinition latest = latest(edited.getKey());
				if (!latest.getId().equals(edited.getId()) && !latest.getId().equals(replacing)) {
					return Edit.newer(newerMessage(edited, latest), latest.getId());
				}
				DeployOutcome outcome = deployments.deployHolding(userId, resources, transaction);
				return new Edit(false, outcome, outcome.message(),
						outcome.deployed() ? nowEdited(edited, outcome) : edited.getId());
			});
		}
		catch (ModelLocks.Busy busy) {
			DeployOutcome refused = DeployOutcome.refused(List.of(new ModelProblem(file, null, busy.getMessage())));
			return new Edit(false, refused, refused.message(), edited.getId());
		}
	}

	/**
	 * What the editor edits from now on: the version this deployment made (never a
	 * colleague's deployed just after), or, unchanged, the latest, which it equals.
	 */
	private String nowEdited(ProcessDefinition edited, DeployOutcome outcome) {
		ProcessDefinition made = outcome.deploymentId() == null ? null
				: repository.createProcessDefinitionQuery()
					.deploymentId(outcome.deploymentId())
					.processDefinitionKey(edited.getKey())
					.singleResult();
		return made != null ? made.getId() : latest(edited.getKey()).getId();
	}

	private ProcessDefinition latest(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

	private String newerMessage(ProcessDefinition edited, ProcessDefinition latest) {
		String deployedAt = ChinaTime.minute(repository.createDeploymentQuery()
			.deploymentId(latest.getDeploymentId())
			.singleResult()
			.getDeploymentTime()
			.toInstant());
		return "您编辑的是版本 " + edited.getVersion() + "，该流程现在的最新版本是版本 " + latest.getVersion() + "（" + deployedAt
				+ " 部署）。按您编辑的内容部署，会撤销版本 " + latest.getVersion() + " 中的修改。请先重新打开最新版本再修改；如确实要以您编辑的内容为准（例如恢复旧版本），请确认后再部署。";
	}

	/**
	 * What became of an edit: {@code newerExists} when a newer version was found and the
	 * edit not deployed, else the deployment's {@code outcome}; {@code base}, the version
	 * the editor's next deployment builds on (the one just deployed, or the newer one).
	 */
	record Edit(boolean newerExists, DeployOutcome outcome, String message, String base) {

		static Edit newer(String message, String latestId) {
			return new Edit(true, DeployOutcome.refused(List.of()), message, latestId);
		}

	}

}
