package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Reviewers work tasks, they do not administer them. Candidate groups, assignees and owners get {@code TASK_WORK}
 * (claim, complete, submit the form) instead of Camunda's default {@code UPDATE}, which also lets them set any
 * assignee, delegate, add or remove candidate groups and users, change due dates and write task variables. Two
 * hooks close what {@code TASK_WORK} alone still leaves open ({@link StaffAuthorizationProvider}: claiming a task
 * for someone else or releasing one through {@code claim}; {@link AssigneeWorkChecker}: completing a task one does
 * not hold, throwing BPMN errors at a task), and users may only read their own identity record, so the names printed
 * in decisions stay the ones administrators maintain. Camunda's REST {@code unclaim} is {@code setAssignee(null)}
 * and so refused too: handing work back or over is a product operation with a reason (review module).
 */
@Component
class TaskWorkPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
		configuration.setResourceAuthorizationProvider(new StaffAuthorizationProvider());
	}

	/** The engine builds its checkers during init; the rules are added after Camunda's own. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getCommandCheckers().add(AssigneeWorkChecker.asCommandChecker());
	}

}
