package cn.liaocheng.renewal.security.internal;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * Camunda's default authorizations with three changes.
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
 *
 * <p>
 * A body's lead (负责人, its {@code -lead} group) reads every task of the body from the
 * moment the body becomes its candidate group, whoever holds it: the lead reassigns,
 * takes back and urges the body's open tasks (review's 改派, 收回, 催办), which Tasklist only
 * shows to who may read them. Reading only ({@code READ} on the task and on its history,
 * where the notes are): the lead claims and works a task of the body only once it is
 * escalated to them overdue (review's overdue listener makes the lead group a candidate
 * then, which adds {@code TASK_WORK} to the same grant), or after giving it to themselves
 * through 改派. Every candidate group, from any model and any version of it, passes here,
 * so no model declares it; Tasklist's filter 本部门在办 lists these tasks.
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
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		AuthorizationEntity[] candidate = super.newTaskGroupIdentityLink(task, groupId, type);
		if (!IdentityLinkType.CANDIDATE.equals(type) || !hasLead(groupId)) {
			return candidate;
		}
		String lead = GroupNames.lead(groupId);
		boolean variables = isEnforceSpecificVariablePermission();
		List<AuthorizationEntity> grants = new ArrayList<>(List.of(candidate));
		grants.add(createOrUpdateAuthorization(task, null, lead, Resources.TASK, false,
				variables ? new Permission[] { Permissions.READ, TaskPermissions.READ_VARIABLE }
						: new Permission[] { Permissions.READ }));
		if (isHistoricInstancePermissionsEnabled()) {
			grants.add(createOrUpdateAuthorization(task, null, lead, Resources.HISTORIC_TASK, true,
					variables ? new Permission[] { HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE }
							: new Permission[] { HistoricTaskPermissions.READ }));
		}
		return grants.toArray(AuthorizationEntity[]::new);
	}

	/**
	 * Whether a candidate group is a body whose lead group reads its tasks: not a lead
	 * group itself, nor the administrators' or the enterprises' group.
	 */
	static boolean hasLead(String groupId) {
		return groupId != null && !groupId.endsWith(GroupNames.LEAD_SUFFIX)
				&& !GroupNames.ADMINISTRATORS.equals(groupId) && !GroupNames.ENTERPRISES.equals(groupId);
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
		// to its owner. Only the product's delegation sets an owner (reviewers cannot
		// delegate or set owners themselves).
		if (userId.equals(oldAssignee) && newAssignee != null && newAssignee.equals(task.getOwner())
				&& task.getDelegationState() == DelegationState.RESOLVED) {
			return;
		}
		for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
			checker.checkTaskAssign(task);
		}
	}

}
