package cn.liaocheng.renewal.security.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpSession;

import cn.liaocheng.renewal.security.AccountIds;
import cn.liaocheng.renewal.security.AccountSessions;

/**
 * A changed password ends every other session of its account, so that a session stolen
 * before the change does not outlive it; so does a membership gained or lost, or the
 * account or its group deleted, since a session keeps the groups of its login. The
 * session of the request that made the change stays: a user who changes their own
 * password stays logged in where they did it, and an administrator's reset ends all of
 * the account's sessions (the administrator's own is not among them).
 *
 * <p>
 * The rule sits in the engine's identity provider, which every password change passes
 * through whatever the door: the portal's account page, Camunda Admin, the REST API.
 * Spring Session indexes each session under its principal's name, the Camunda user id
 * ({@code PortalUser.getName()}). The sessions end before the change commits, in a
 * transaction of their own: should ending them fail, the change fails with them; should
 * the change fail afterwards, the user only logs in again with the old password.
 *
 * <p>
 * The same provider hands every password check to {@link PasswordChecks}, and writes
 * every change of accounts, groups, memberships and tenants to the audit trail
 * ({@link IdentityAudit}).
 */
@Component
class PasswordChangeEndsSessions extends AbstractProcessEnginePlugin {

	private final AccountSessions sessions;

	private final ObjectProvider<ApiTokens> tokens;

	private final ObjectProvider<AccountIds> ids;

	private final ObjectProvider<PasswordChecks> passwordChecks;

	private final ObjectProvider<IdentityAudit> audit;

	private final ObjectProvider<TemporaryPasswordStore> temporaryPasswords;

	PasswordChangeEndsSessions(AccountSessions sessions, ObjectProvider<ApiTokens> tokens,
			ObjectProvider<AccountIds> ids, ObjectProvider<PasswordChecks> passwordChecks,
			ObjectProvider<IdentityAudit> audit, ObjectProvider<TemporaryPasswordStore> temporaryPasswords) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.ids = ids;
		this.passwordChecks = passwordChecks;
		this.audit = audit;
		this.temporaryPasswords = temporaryPasswords;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return DbIdentityServiceProvider.class;
			}

			@Override
			public Session openSession() {
				return new EndingSessions();
			}

		});
	}

	/** Ends every session of {@code userId} but the current request's. */
	private void endOtherSessions(String userId) {
		sessions.end(userId, currentSessionId());
	}

	/** Who made the request that changes the account; none outside a request. */
	private static String signedIn() {
		org.springframework.security.core.Authentication authentication = SecurityContextHolder.getContext()
			.getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

	private static String currentSessionId() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return null;
		}
		try {
			HttpSession session = request.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		catch (IllegalStateException invalidated) {
			return null;
		}
	}

	/**
	 * Camunda's own provider; a saved user with a new password ends the sessions, and
	 * every password check is counted and throttled per network ({@link PasswordChecks}).
	 */
	private final class EndingSessions extends DbIdentityServiceProvider {

		@Override
		public boolean checkPassword(String userId, String password) {
			return passwordChecks.getObject().check(userId, password, this::findUserById, this::matchPassword);
		}

		@Override
		public IdentityOperationResult saveUser(User user) {
			// A new account has no sessions yet; only an existing one's password counts.
			boolean passwordChanged = user instanceof UserEntity entity && entity.getRevision() > 0
					&& entity.hasNewPassword();
			// A new account never takes a reserved id or a deleted account's, at any door
			// (registration, Camunda Admin, the REST API).
			if (user instanceof UserEntity entity && entity.getRevision() == 0) {
				ids.getObject().refusal(user.getId()).ifPresent(refusal -> {
					throw new BadUserRequestException(refusal);
				});
			}
			// The account as stored before this change (a copy: the engine may hand back
			// the entity it is about to update), to audit a renaming.
			User before = null;
			if (user instanceof UserEntity entity && entity.getRevision() > 0) {
				User stored = findUserById(user.getId());
				if (stored != null) {
					UserEntity copy = new UserEntity(stored.getId());
					copy.setFirstName(stored.getFirstName());
					copy.setLastName(stored.getLastName());
					copy.setEmail(stored.getEmail());
					before = copy;
				}
			}
			IdentityOperationResult result = super.saveUser(user);
			if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
				audit.getObject().userCreated(user);
			}
			if (before != null) {
				audit.getObject().profileChanged(before, user);
			}
			if (passwordChanged) {
				audit.getObject().passwordChanged(user.getId());
				// Whoever changed it, the password is no longer the temporary one a
				// county gave (a reset marks the account again after its own change).
				temporaryPasswords.getObject().clear(user.getId());
				endOtherSessions(user.getId());
				// Any change of the password also ends the API tokens: a token made with
				// the old one (by someone who knew it, such as a colleague who has left)
				// must not outlive it, whoever changes it, as the other sessions do not.
				tokens.getObject().revokeAll(user.getId(), signedIn());
			}
			return result;
		}

		/*
		 * A session keeps the groups its user had at login, and every door reads them
		 * from it (Camunda's authorizations, the dossier rule, the county scope): a
		 * membership gained or lost, or an account or group deleted, ends the sessions it
		 * concerns, so that the next request logs in with what the account now is.
		 */

		@Override
		public IdentityOperationResult createMembership(String userId, String groupId) {
			IdentityOperationResult result = super.createMembership(userId, groupId);
			audit.getObject().membershipCreated(userId, groupId);
			endOtherSessions(userId);
			return result;
		}

		@Override
		public IdentityOperationResult deleteMembership(String userId, String groupId) {
			IdentityOperationResult result = super.deleteMembership(userId, groupId);
			if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
				audit.getObject().membershipDeleted(userId, groupId);
			}
			endOtherSessions(userId);
			releaseTasks(userId, List.of(groupId));
			return result;
		}

		/*
		 * Someone who leaves a body may no longer work its tasks (AssigneeWorkChecker's
		 * rule, which admits the body's lead too): whichever way they leave it (one
		 * membership removed, the account deleted, the group deleted, the last two
		 * removing memberships in bulk), the tasks they held there go back to the body's
		 * pool, a task delegated to them (委派) goes back to its holder, and a task they
		 * delegated comes back to the pool when the colleague hands it back, so that no
		 * step waits on someone who cannot act. A task they may still work through
		 * another of their groups stays theirs. The deletions are not flushed yet: the
		 * groups left are taken out by hand.
		 */
		private void releaseTasks(String userId, Collection<String> left) {
			TaskService taskService = Context.getProcessEngineConfiguration().getTaskService();
			Context.getCommandContext().runWithoutAuthorization(() -> {
				List<String> stillIn = groupsOf(userId).stream().filter(g -> !left.contains(g)).toList();
				for (Task task : taskService.createTaskQuery().taskAssignee(userId).list()) {
					if (mayWork(taskService, task, stillIn)) {
						continue;
					}
					String holder = task.getOwner();
					if (task.getDelegationState() == DelegationState.PENDING && holder != null && !holder.equals(userId)
							&& mayWork(taskService, task, groupsOf(holder))) {
						// The engine's own command, not the service, which would ask for
						// the form the colleague never submitted.
						new ResolveTaskCmd(task.getId(), null).execute(Context.getCommandContext());
					}
					else {
						if (task.getDelegationState() == DelegationState.PENDING) {
							// Nobody left to hand it back to: it becomes the body's task
							// again, no longer a delegation.
							TaskEntity entity = Context.getCommandContext().getTaskManager().findTaskById(task.getId());
							entity.setDelegationState(null);
							entity.setOwner(null);
						}
						taskService.setAssignee(task.getId(), null);
					}
				}
				for (Task task : taskService.createTaskQuery().taskOwner(userId).list()) {
					if (!mayWork(taskService, task, stillIn)) {
						taskService.deleteUserIdentityLink(task.getId(), userId, IdentityLinkType.OWNER);
					}
				}
				revokePersonalTaskGrants(userId, stillIn);
				return null;
			});
		}

		/*
		 * Camunda gives whoever once held, owned or was a candidate for a task a personal
		 * grant on it (read, work, and read of its history) and never takes it back: the
		 * leaver would go on reading the body's open cases through the engine's task,
		 * variable and history doors. The grants on the open tasks of bodies they have
		 * left go. (Grants on the history of tasks already completed stay: which body a
		 * completed task belonged to is not kept with it.)
		 *
		 * Only grants on open tasks are read: the engine drops a task's grants when the
		 * task ends, but keeps the grants on its history, which pile up over the years;
		 * those are read task by task for the open tasks to revoke alone, since the
		 * engine's query takes one resource id.
		 */
		private void revokePersonalTaskGrants(String userId, List<String> stillIn) {
			ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
			AuthorizationService authorizations = engine.getAuthorizationService();
			TaskService taskService = engine.getTaskService();
			List<Authorization> grants = authorizations.createAuthorizationQuery()
				.userIdIn(userId)
				.resourceType(Resources.TASK)
				.list();
			if (grants.isEmpty()) {
				return;
			}
			// A handful of queries however many grants: the open tasks granted, less
			// those of no body and those of a body they are still in or lead
			// (AssigneeWorkChecker's rule).
			String[] granted = grants.stream().map(Authorization::getResourceId).distinct().toArray(String[]::new);
			Set<String> left = taskIds(taskService.createTaskQuery().taskIdIn(granted));
			left.removeAll(taskIds(
					taskService.createTaskQuery().taskIdIn(granted).withoutCandidateGroups().includeAssignedTasks()));
			if (!stillIn.isEmpty() && !left.isEmpty()) {
				left.removeAll(taskIds(taskService.createTaskQuery()
					.taskIdIn(granted)
					.taskCandidateGroupIn(List.copyOf(AssigneeWorkChecker.bodiesOf(stillIn)))
					.includeAssignedTasks()));
			}
			if (left.isEmpty()) {
				return;
			}
			grants.stream().filter(grant -> left.contains(grant.getResourceId())).forEach(this::revoke);
			for (String task : left) {
				authorizations.createAuthorizationQuery()
					.userIdIn(userId)
					.resourceType(Resources.HISTORIC_TASK)
					.resourceId(task)
					.list()
					.forEach(this::revoke);
			}
		}

		private static Set<String> taskIds(TaskQuery query) {
			return query.list().stream().map(Task::getId).collect(Collectors.toCollection(HashSet::new));
		}

		/**
		 * What {@code AuthorizationService#deleteAuthorization} does (the deletion and
		 * its entry in the operation log), without reading the grant again: the deletions
		 * go out with the command's other statements.
		 */
		private void revoke(Authorization grant) {
			CommandContext command = Context.getCommandContext();
			command.getAuthorizationManager().delete((AuthorizationEntity) grant);
			command.getOperationLogManager()
				.logAuthorizationOperation(UserOperationLogEntry.OPERATION_TYPE_DELETE, (AuthorizationEntity) grant,
						null);
		}

		private boolean mayWork(TaskService taskService, Task task, List<String> groups) {
			return AssigneeWorkChecker.memberOfItsBody(
					AssigneeWorkChecker.candidateGroups(taskService.getIdentityLinksForTask(task.getId())), groups);
		}

		private List<String> groupsOf(String userId) {
			return Context.getProcessEngineConfiguration()
				.getIdentityService()
				.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.map(Group::getId)
				.toList();
		}

		@Override
		public IdentityOperationResult deleteUser(String userId) {
			List<String> groups = groupsOf(userId);
			IdentityOperationResult result = super.deleteUser(userId);
			if (!IdentityOperationResult.OPERATION_NONE.equals(result.getOperation())) {
				ids.getObject().retire(userId, signedIn());
				audit.getObject().userDeleted(userId, groups);
			}
			endOtherSessions(userId);
			releaseTasks(userId, groups);
			return result;
		}

		@Override
		public IdentityOperationResult deleteGroup(String groupId) {
			List<String> members = members(groupId);
			IdentityOperationResult result = super.deleteGroup(groupId);
			if (!IdentityOperationResult.OPERATION_NONE.equals(result.getOperation())) {
				audit.getObject().groupDeleted(groupId, members);
			}
			for (String member : members) {
				endOtherSessions(member);
				releaseTasks(member, List.of(groupId));
			}
			return result;
		}

		/*
		 * A group's type decides its members' doors (county, city, bank, enterprise):
		 * changing it in Camunda Admin changes what every member may do, as a membership
		 * would. A group saved again with its type unchanged (its name corrected, the
		 * start-up's own writes) ends nothing.
		 */
		@Override
		public IdentityOperationResult saveGroup(Group group) {
			GroupEntity before = group instanceof GroupEntity entity && entity.getRevision() > 0
					? getDbEntityManager().selectById(GroupEntity.class, group.getId()) : null;
			boolean typeChanged = before != null && before != group
					&& !Objects.equals(before.getType(), group.getType());
			List<String> members = typeChanged ? members(group.getId()) : List.of();
			IdentityOperationResult result = super.saveGroup(group);
			if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
				audit.getObject().groupCreated(group);
			}
			if (typeChanged) {
				audit.getObject().groupTypeChanged(group.getId(), before.getType(), group.getType());
			}
			members.forEach(PasswordChangeEndsSessions.this::endOtherSessions);
			return result;
		}

		/*
		 * Tenants: Camunda's multi-tenancy, which the product does not use; a tenant made
		 * or joined still changes what its members may read, so it is audited like a
		 * group.
		 */

		@Override
		public IdentityOperationResult saveTenant(Tenant tenant) {
			IdentityOperationResult result = super.saveTenant(tenant);
			if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
				audit.getObject().tenantCreated(tenant);
			}
			return result;
		}

		@Override
		public IdentityOperationResult deleteTenant(String tenantId) {
			IdentityOperationResult result = super.deleteTenant(tenantId);
			if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
				audit.getObject().tenantDeleted(tenantId);
			}
			return result;
		}

		@Override
		public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
			IdentityOperationResult result = super.createTenantUserMembership(tenantId, userId);
			audit.getObject().tenantMembershipCreated(IdentityAudit.user(userId), tenantId);
			return result;
		}

		@Override
		public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
			IdentityOperationResult result = super.createTenantGroupMembership(tenantId, groupId);
			audit.getObject().tenantMembershipCreated(IdentityAudit.group(groupId), tenantId);
			return result;
		}

		@Override
		public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
			IdentityOperationResult result = super.deleteTenantUserMembership(tenantId, userId);
			if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
				audit.getObject().tenantMembershipDeleted(IdentityAudit.user(userId), tenantId);
			}
			return result;
		}

		@Override
		public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
			IdentityOperationResult result = super.deleteTenantGroupMembership(tenantId, groupId);
			if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
				audit.getObject().tenantMembershipDeleted(IdentityAudit.group(groupId), tenantId);
			}
			return result;
		}

		private List<String> members(String groupId) {
			return Context.getProcessEngineConfiguration()
				.getIdentityService()
				.createUserQuery()
				.memberOfGroup(groupId)
				.list()
				.stream()
				.map(User::getId)
				.toList();
		}

	}

}
