package cn.liaocheng.renewal.admin.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.security.CommandCheckers;

/**
 * A deployment whose processes have or had cases, or whose decision tables decided
 * anything, is never deleted by a signed-in user, whatever the door (the engine's REST
 * API, Cockpit, the Java API in a user's name): deleting it with {@code cascade} removes
 * the running cases and their history, and without it the versions the decisions were
 * made under. The same holds for deleting such a process version directly. Retiring a
 * version is suspending it. A deployment that was never used may still be deleted, and
 * its deletion is audited. The product's own code, which runs without a signed-in user
 * (tests removing their probes), is not limited; its deletions are audited too.
 */
@Component
class DeploymentDeletionPlugin extends AbstractProcessEnginePlugin {

	static final String DEPLOYMENT_IN_USE = "该部署已有申报案件在用或用过，不能删除；如需停用请挂起流程定义";

	static final String VERSION_IN_USE = "该流程版本已有申报案件在用或用过，不能删除；如需停用请挂起流程定义";

	static final String FORM_IN_USE = "该部署中的表单是其最新版本，正被流程的审核任务使用（运行中的案件或新的申报都会用到），不能删除；如需修改表单请部署新版本";

	private static final Logger log = LoggerFactory.getLogger(DeploymentDeletionPlugin.class);

	private final ObjectProvider<DeploymentAudit> audit;

	DeploymentDeletionPlugin(ObjectProvider<DeploymentAudit> audit) {
		this.audit = audit;
	}

	/** Added after Camunda's own checkers, which are built during init. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getCommandCheckers().add(asCommandChecker());
	}

	/**
	 * One more of the engine's command checkers; {@link CommandChecker}'s methods are all
	 * {@code void}, and only the three deletions matter here.
	 */
	private CommandChecker asCommandChecker() {
		return CommandCheckers.of("DeploymentDeletionChecker", (method, args) -> {
			switch (method) {
				case "checkDeleteDeployment" -> checkDeleteDeployment((String) args[0]);
				case "checkDeleteProcessDefinitionById" -> checkDeleteVersion((String) args[0], null);
				case "checkDeleteProcessDefinitionByKey" -> checkDeleteVersion(null, (String) args[0]);
				default -> {
				}
			}
		});
	}

	private void checkDeleteDeployment(String deploymentId) {
		CommandContext context = Context.getCommandContext();
		DeploymentEntity deployment = context.getDeploymentManager().findDeploymentById(deploymentId);
		if (deployment == null) {
			return;
		}
		String userId = context.getAuthenticatedUserId();
		if (userId != null && context.runWithoutAuthorization(c -> used(c, deploymentId))) {
			log.warn("Refused {} deleting deployment {}: its models have cases", userId, deploymentId);
			throw new AuthorizationException(DEPLOYMENT_IN_USE);
		}
		if (userId != null && context.runWithoutAuthorization(c -> formsInUse(c, deploymentId))) {
			log.warn("Refused {} deleting deployment {}: its forms are the latest ones tasks use", userId,
					deploymentId);
			throw new AuthorizationException(FORM_IN_USE);
		}
		audit.getObject()
			.deleted(userId, deployment, context.getResourceManager().findResourcesByDeploymentId(deploymentId));
	}

	private void checkDeleteVersion(String definitionId, String key) {
		CommandContext context = Context.getCommandContext();
		String userId = context.getAuthenticatedUserId();
		if (userId != null && context.runWithoutAuthorization(c -> cases(c, definitionId, key))) {
			log.warn("Refused {} deleting process definition {}: it has cases", userId,
					definitionId == null ? key : definitionId);
			throw new AuthorizationException(VERSION_IN_USE);
		}
	}

	/**
	 * Whether a process of the deployment has a case, running or in history, or one of
	 * its decision tables decided anything.
	 */
	private static boolean used(CommandContext context, String deploymentId) {
		List<ProcessDefinition> processes = context.getProcessDefinitionManager()
			.findProcessDefinitionsByDeploymentId(deploymentId);
		if (processes.stream().anyMatch(p -> cases(context, p.getId(), null))) {
			return true;
		}
		HistoryService history = context.getProcessEngineConfiguration().getHistoryService();
		List<DecisionDefinition> decisions = context.getDecisionDefinitionManager()
			.findDecisionDefinitionByDeploymentId(deploymentId);
		return decisions.stream()
			.anyMatch(d -> history.createHistoricDecisionInstanceQuery().decisionDefinitionId(d.getId()).count() > 0);
	}

	/**
	 * Whether a form of the deployment is the latest version of its key while a process
	 * version that runs cases, or the latest version of a process (which new cases
	 * start), has a user task referring to that key: its tasks would lose their form, or
	 * fall back to an older one.
	 */
	private static boolean formsInUse(CommandContext context, String deploymentId) {
		Set<String> latestKeys = new HashSet<>();
		for (CamundaFormDefinitionEntity form : context.getCamundaFormDefinitionManager()
			.findDefinitionsByDeploymentId(deploymentId)) {
			CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager()
				.findLatestDefinitionByKey(form.getKey());
			if (latest != null && latest.getId().equals(form.getId())) {
				latestKeys.add(form.getKey());
			}
		}
		if (latestKeys.isEmpty()) {
			return false;
		}
		RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
		RuntimeService runtime = context.getProcessEngineConfiguration().getRuntimeService();
		for (ProcessDefinition process : repository.createProcessDefinitionQuery().list()) {
			if (deploymentId.equals(process.getDeploymentId())) {
				continue; // deleted with the form (and refused above when it has cases)
			}
			boolean inUse = runtime.createProcessInstanceQuery().processDefinitionId(process.getId()).count() > 0
					|| repository.createProcessDefinitionQuery()
						.processDefinitionKey(process.getKey())
						.latestVersion()
						.singleResult()
						.getId()
						.equals(process.getId());
			if (inUse && repository.getBpmnModelInstance(process.getId())
				.getModelElementsByType(UserTask.class)
				.stream()
				.anyMatch(t -> latestKeys.contains(t.getCamundaFormRef()))) {
				return true;
			}
		}
		return false;
	}

	/** Whether a process version (by id) or any version of a key has a case. */
	private static boolean cases(CommandContext context, String definitionId, String key) {
		HistoryService history = context.getProcessEngineConfiguration().getHistoryService();
		RuntimeService runtime = context.getProcessEngineConfiguration().getRuntimeService();
		if (definitionId != null) {
			return history.createHistoricProcessInstanceQuery().processDefinitionId(definitionId).count() > 0
					|| runtime.createProcessInstanceQuery().processDefinitionId(definitionId).count() > 0;
		}
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count() > 0
				|| runtime.createProcessInstanceQuery().processDefinitionKey(key).count() > 0;
	}

}
