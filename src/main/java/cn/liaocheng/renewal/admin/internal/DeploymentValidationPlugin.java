package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * Puts the model checks in front of the engine's own deployers, so that every door
 * (Camunda Modeler through the REST API, Cockpit, the administration page, the start-up
 * deployment unless it is exactly the shipped models) is checked by the same code, and
 * records every new deployment in the audit trail within the deployment's transaction.
 *
 * <p>
 * Every deployment is checked, with or without a logged-in user (a job runs without one),
 * except those the application's own code marks as trusted ({@link TrustedDeployments};
 * none in production, test probes), and one that is, byte for byte, exactly the models
 * the application ships ({@link PackagedModels}: the start-up deployment, whose models
 * the build checks with this same code); they are still audited.
 */
@Component
class DeploymentValidationPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext beans;

	private final ObjectProvider<OrganizationCatalog> catalog;

	private final ObjectProvider<DeploymentAudit> audit;

	DeploymentValidationPlugin(ApplicationContext beans, ObjectProvider<OrganizationCatalog> catalog,
			ObjectProvider<DeploymentAudit> audit) {
		this.beans = beans;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> pre = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPreDeployers(), List.of()));
		pre.add(this::validate);
		configuration.setCustomPreDeployers(pre);
		List<Deployer> post = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPostDeployers(), List.of()));
		post.add(this::record);
		configuration.setCustomPostDeployers(post);
	}

	private void validate(DeploymentEntity deployment) {
		// Deployers also run when a definition is reloaded into the cache: only new
		// deployments are checked.
		if (!deployment.isNew() || !isChecked(deployment)) {
			return;
		}
		Map<String, byte[]> resources = new LinkedHashMap<>();
		deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
		if (PackagedModels.areExactly(resources.values())) {
			return;
		}
		List<ModelProblem> problems = new ModelValidator(new EngineModelEnvironment(beans, catalog.getObject()))
			.validate(resources);
		if (!problems.isEmpty()) {
			throw new ModelValidationException(problems);
		}
	}

	private void record(DeploymentEntity deployment) {
		if (deployment.isNew()) {
			audit.getObject().deployed(Context.getCommandContext().getAuthenticatedUserId(), deployment);
		}
	}

	private static boolean isChecked(DeploymentEntity deployment) {
		return !TrustedDeployments.isTrusted() || isStartupDeployment(deployment);
	}

	private static boolean isStartupDeployment(DeploymentEntity deployment) {
		return Context.getProcessEngineConfiguration() instanceof SpringProcessEngineConfiguration spring
				&& Objects.equals(spring.getDeploymentName(), deployment.getName());
	}

}
