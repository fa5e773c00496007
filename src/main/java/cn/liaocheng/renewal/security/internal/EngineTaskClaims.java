package cn.liaocheng.renewal.security.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.security.TaskClaims;

/**
 * Asks the engine's claim command whether it would let the user claim: a
 * {@link ClaimTaskCmd} run in the user's name (their groups read afresh, as a login reads
 * them) that stops after the command's checks. Every command checker sees a claim, as it
 * would for the real one, so Camunda's {@code TASK_WORK} check, the product's rules
 * ({@link AssigneeWorkChecker}: a member of the task's body, no administrator) and any
 * checker added later answer; nothing is written. The authentication the thread had is
 * put back.
 */
@Component
class EngineTaskClaims implements TaskClaims {

	private static final int ID_MAX = 64;

	private final ProcessEngineConfigurationImpl engine;

	private final IdentityService identity;

	EngineTaskClaims(ProcessEngineConfigurationImpl engine, IdentityService identity) {
		this.engine = engine;
		this.identity = identity;
	}

	@Override
	public boolean mayClaim(String userId, String taskId) {
		ChecksOfClaim claim = new ChecksOfClaim(taskId, userId);
		return run(userId, taskId, claim) && claim.allowed;
	}

	@Override
	public boolean mayWork(String userId, String taskId) {
		ChecksOfWork work = new ChecksOfWork(taskId);
		return run(userId, taskId, work) && work.allowed;
	}

	/**
	 * Runs {@code checks} in the user's name (their groups read afresh); false, without
	 * running them, for an id that cannot be a task's.
	 */
	private boolean run(String userId, String taskId, Command<Void> checks) {
		if (userId == null || taskId == null || taskId.isEmpty() || taskId.length() > ID_MAX) {
			return false;
		}
		Authentication current = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			List<String> groups = identity.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.map(Group::getId)
				.toList();
			identity.setAuthentication(userId, groups);
			engine.getCommandExecutorTxRequired().execute(checks);
			return true;
		}
		finally {
			identity.clearAuthentication();
			if (current != null) {
				identity.setAuthentication(current);
			}
		}
	}

	/**
	 * Every command checker's {@code checkTaskWork} on an open, active task, which throws
	 * to refuse: what a note on the task takes ({@code TaskNotesCheck}), nothing written.
	 */
	static final class ChecksOfWork implements Command<Void> {

		private final String taskId;

		private boolean allowed;

		ChecksOfWork(String taskId) {
			this.taskId = taskId;
		}

		@Override
		public Void execute(CommandContext context) {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null || task.isSuspended()) {
				return null;
			}
			try {
				for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
					checker.checkTaskWork(task);
				}
				allowed = true;
			}
			catch (AuthorizationException refused) {
				allowed = false;
			}
			return null;
		}

	}

	/**
	 * The engine's claim up to and including its checks: an unclaimed, active task, then
	 * every command checker's {@code checkTaskWork}, which throws to refuse.
	 */
	static final class ChecksOfClaim extends ClaimTaskCmd {

		private static final long serialVersionUID = 1L;

		private boolean allowed;

		ChecksOfClaim(String taskId, String userId) {
			super(taskId, userId);
		}

		@Override
		public Void execute(CommandContext context) {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null || task.getAssignee() != null || task.isSuspended()) {
				return null;
			}
			try {
				checkClaimTask(task, context);
				allowed = true;
			}
			catch (AuthorizationException refused) {
				allowed = false;
			}
			return null;
		}

	}

}
