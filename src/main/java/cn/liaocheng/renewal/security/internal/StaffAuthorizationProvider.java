package cn.liaocheng.renewal.security.internal;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import java.util.Objects;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations with two changes.
 *
 * <p>
 * A new user may read their own identity record but not change it (Camunda grants
 * {@code ALL}): names are printed as the reviewer in opinions and signed decisions, so
 * only administrators maintain them.
 *
 * <p>
 * Every change of a task's assignee passes here, whatever command made it, so this is
 * where a signed-in user's change is checked: taking an unassigned task for oneself is
 * work ({@code TASK_WORK}, checked by the claim); anything else (claiming for someone
 * else, {@code claim} with no user to release a task) is an assignment and needs what
 * {@code setAssignee} needs, which reviewers do not hold: giving a task back or to a
 * colleague is the product's hand-over, recorded with a reason. The engine's own
 * assignments while it creates a task ({@code camunda:assignee}) and the product's
 * hand-overs, which run without an authenticated user, pass.
 */
class StaffAuthorizationProvider extends DefaultAuthorizationProvider {

	/**
	 * {@code TaskEntity.TaskState.STATE_INIT}: the task is being created in this command.
	 */
	private static final String CREATING = "Init";

	@Override
	public AuthorizationEntity[] newUser(User user) {
		String userId = user.getId();
		ensureValidIndividualResourceId("Cannot create default authorization for user " + userId, userId);
		return new AuthorizationEntity[] {
				createGrantAuthorization(userId, null, Resources.USER, userId, Permissions.READ) };
	}

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		checkAssigneeChange((TaskEntity) task, oldAssignee, newAssignee);
		return super.newTaskAssignee(task, oldAssignee, newAssignee);
	}

	private static void checkAssigneeChange(TaskEntity task, String oldAssignee, String newAssignee) {
		CommandContext context = Context.getCommandContext();
		String userId = context == null ? null : context.getAuthenticatedUserId();
		if (userId == null || !context.isAuthorizationCheckEnabled() || CREATING.equals(task.getTaskState())
				|| Objects.equals(oldAssignee, newAssignee)) {
			return;
		}
		if (oldAssignee == null && userId.equals(newAssignee)) {
			return;
		}
		// 委派: the colleague a task was delegated to completes it, which resolves it back
		// to its owner. Only the
		// product's delegation sets an owner (reviewers cannot delegate or set owners
		// themselves).
		if (userId.equals(oldAssignee) && newAssignee != null && newAssignee.equals(task.getOwner())
				&& task.getDelegationState() == DelegationState.RESOLVED) {
			return;
		}
		for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
			checker.checkTaskAssign(task);
		}
	}

}
