package cn.liaocheng.renewal.admin.internal;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.engine.FormFieldsRead;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

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
	public boolean isDeployedDecision(String key) {
		return commandContext().getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
	}

	private static CommandContext commandContext() {
		return Context.getCommandContext();
	}

}
