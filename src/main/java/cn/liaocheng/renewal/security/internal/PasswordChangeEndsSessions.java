package cn.liaocheng.renewal.security.internal;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpSession;

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
 */
@Component
class PasswordChangeEndsSessions extends AbstractProcessEnginePlugin {

	private final AccountSessions sessions;

	PasswordChangeEndsSessions(AccountSessions sessions) {
		this.sessions = sessions;
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

	/** Camunda's own provider; a saved user with a new password ends the sessions. */
	private final class EndingSessions extends DbIdentityServiceProvider {

		@Override
		public IdentityOperationResult saveUser(User user) {
			// A new account has no sessions yet; only an existing one's password counts.
			boolean passwordChanged = user instanceof UserEntity entity && entity.getRevision() > 0
					&& entity.hasNewPassword();
			IdentityOperationResult result = super.saveUser(user);
			if (passwordChanged) {
				endOtherSessions(user.getId());
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
			endOtherSessions(userId);
			return result;
		}

		@Override
		public IdentityOperationResult deleteMembership(String userId, String groupId) {
			IdentityOperationResult result = super.deleteMembership(userId, groupId);
			endOtherSessions(userId);
			releaseTasksHeldFor(userId, groupId);
			return result;
		}

		/*
		 * Someone who leaves a body may no longer work its tasks (AssigneeWorkChecker):
		 * the ones they held go back to the body's pool, so that no step waits on them. A
		 * task they hold as a member of another of its candidate groups stays theirs.
		 */
		private void releaseTasksHeldFor(String userId, String groupId) {
			TaskService taskService = Context.getProcessEngineConfiguration().getTaskService();
			Context.getCommandContext().runWithoutAuthorization(() -> {
				// The membership's deletion is not flushed yet: the group left is taken
				// out by hand.
				List<String> stillIn = groupsOf(userId).stream().filter(g -> !g.equals(groupId)).toList();
				taskService.createTaskQuery()
					.taskAssignee(userId)
					.taskCandidateGroup(groupId)
					.includeAssignedTasks()
					.list()
					.stream()
					.filter(task -> taskService.getIdentityLinksForTask(task.getId())
						.stream()
						.noneMatch(link -> link.getGroupId() != null && stillIn.contains(link.getGroupId())))
					.forEach(task -> taskService.setAssignee(task.getId(), null));
				return null;
			});
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
			IdentityOperationResult result = super.deleteUser(userId);
			endOtherSessions(userId);
			return result;
		}

		@Override
		public IdentityOperationResult deleteGroup(String groupId) {
			List<String> members = members(groupId);
			IdentityOperationResult result = super.deleteGroup(groupId);
			members.forEach(PasswordChangeEndsSessions.this::endOtherSessions);
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
			members.forEach(PasswordChangeEndsSessions.this::endOtherSessions);
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
