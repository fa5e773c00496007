package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.engine.FormFieldsRead;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.ReviewTaskContract;

/**
 * The environment as the engine sees it in the middle of a deployment. Groups include
 * those the organisation catalogue creates at every start, because on a first start the
 * models are deployed before the groups exist.
 */
final class EngineModelEnvironment implements ModelEnvironment {

	private final ApplicationContext beans;

	private final OrganizationCatalog catalog;

	private Set<String> groups;

	EngineModelEnvironment(ApplicationContext beans, OrganizationCatalog catalog) {
		this.beans = beans;
		this.catalog = catalog;
	}

	@Override
	public Set<String> groupIds() {
		if (groups == null) {
			Set<String> ids = new HashSet<>();
			Context.getProcessEngineConfiguration()
				.getIdentityService()
				.createGroupQuery()
				.list()
				.stream()
				.map(Group::getId)
				.forEach(ids::add);
			catalog.reviewGroups().forEach(g -> ids.add(g.id()));
			ids.add(GroupNames.ADMINISTRATORS);
			ids.add(GroupNames.ENTERPRISES);
			groups = ids;
		}
		return groups;
	}

	@Override
	public boolean isBean(String name) {
		return beans.containsBean(name);
	}

	@Override
	public boolean isDeployedForm(String key) {
		return commandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
	}

	@Override
	public Set<String> formFieldsRead(String formId) {
		Set<String> read = new HashSet<>();
		beans.getBeansOfType(FormFieldsRead.class)
			.values()
			.forEach(f -> read.addAll(f.byForm().getOrDefault(formId, Set.of())));
		return read;
	}

	@Override
	public Optional<byte[]> deployedForm(String key) {
		CamundaFormDefinitionEntity form = commandContext().getCamundaFormDefinitionManager()
			.findLatestDefinitionByKey(key);
		if (form == null) {
			return Optional.empty();
		}
		return Optional
			.ofNullable(commandContext().getResourceManager()
				.findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName()))
			.map(ResourceEntity::getBytes);
	}

	@Override
	public List<FormTask> deployedTasksOfForm(String formKey) {
		ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
		List<FormTask> tasks = new ArrayList<>();
		for (ProcessDefinition definition : engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			BpmnModelInstance model = engine.getDeploymentCache()
				.findBpmnModelInstanceForProcessDefinition(definition.getId());
			if (model == null) {
				continue;
			}
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				if (formKey.equals(task.getCamundaFormRef())
						&& ReviewTaskContract.isReviewTask(task.getCamundaCandidateGroups())) {
					tasks.add(new FormTask(definition.getKey(),
							(definition.getName() == null ? definition.getKey() : definition.getName()) + "／"
									+ (task.getName() == null ? task.getId() : task.getName()),
							ModelValidator.inputsOf(task)));
				}
			}
		}
		return tasks;
	}

	@Override
	public boolean isDeployedDecision(String key) {
		return commandContext().getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
	}

	private static CommandContext commandContext() {
		return Context.getCommandContext();
	}

}
