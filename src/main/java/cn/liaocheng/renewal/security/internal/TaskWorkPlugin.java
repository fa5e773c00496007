package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.springframework.stereotype.Component;

/**
 * Reviewers work tasks, they do not administer them. Candidate groups, assignees and
 * owners get {@code TASK_WORK} (claim, complete, submit the form) instead of Camunda's
 * default {@code UPDATE}, which also lets them set any assignee, delegate, add or remove
 * candidate groups and users, change due dates and write task variables. Two hooks close
 * what {@code TASK_WORK} alone still leaves open ({@link StaffAuthorizationProvider}:
 * claiming a task for someone else or releasing one through {@code claim};
 * {@link AssigneeWorkChecker}: completing a task one does not hold, throwing BPMN errors
 * at a task), and users may only read their own identity record, so the names printed in
 * decisions stay the ones administrators maintain. Camunda's REST {@code unclaim} is
 * {@code setAssignee(null)} and so refused too: handing work back or over is a product
 * operation with a reason (review module).
 *
 * <p>
 * Historic instance permissions are on, so that the same per-task grants carry a
 * {@code READ} on the task's history ({@code HISTORIC_TASK}, made by Camunda's
 * authorization provider): Camunda's REST comment door finds a task through the history
 * service, and without it a reviewer could neither add an opinion note (添加意见, "No task
 * found") nor read the overdue reminder on their own task. Reviewers still hold no
 * {@code READ_HISTORY}, so the history of other cases stays closed;
 * {@link HistoricTaskGrantBackfill} gives tasks created before this setting their grants.
 *
 * <p>
 * A body's lead reads the body's tasks ({@link StaffAuthorizationProvider}); the
 * expressions get {@link FilterFunctions#currentUserBodies()} so that a Tasklist filter
 * can list them by the body's candidate group, as 本部门待办 lists a member's.
 */
@Component
class TaskWorkPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
		configuration.setEnableHistoricInstancePermissions(true);
		configuration.setResourceAuthorizationProvider(new StaffAuthorizationProvider());
	}

	/**
	 * The engine builds its checkers during init; the rules are added after Camunda's
	 * own, whose refusal of a lead's work on a task they only read is said in Chinese
	 * ({@link LeadReadingRefusal}).
	 */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getCommandCheckers()
			.replaceAll(checker -> checker instanceof AuthorizationCommandChecker ? LeadReadingRefusal.around(checker)
					: checker);
		configuration.getCommandCheckers().add(AssigneeWorkChecker.asCommandChecker());
		configuration.getCommandCheckers().add(CaselessJobs.asCommandChecker());
		configuration.getExpressionManager()
			.addFunction(FilterFunctions.CURRENT_USER_BODIES, FilterFunctions.currentUserBodiesMethod());
	}

}
