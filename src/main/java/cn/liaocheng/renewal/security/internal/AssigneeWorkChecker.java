package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's authorization checks, and two rules for the commands that need {@code TASK_WORK}, for signed-in users.
 * <ul>
 * <li>Only the task's assignee completes it, resolves it or submits its form: the opinion of record names the
 * assignee as the reviewer, so a colleague (or anyone holding the group's permission) completing a task they have
 * not claimed would sign in another's name, or in nobody's.</li>
 * <li>Nobody ends a task by throwing a BPMN error or escalation at it: that skips the form and can steer the case
 * (an error {@code CORRECTION_LAPSED} thrown at a county review would lapse the application). The models never
 * expect one from a person.</li>
 * </ul>
 * The engine's own work and the product's operations run without an authenticated user and are not affected.
 */
class AssigneeWorkChecker extends AuthorizationCommandChecker {

	@Override
	public void checkTaskWork(TaskEntity task) {
		super.checkTaskWork(task);
		CommandContext context = Context.getCommandContext();
		String userId = context.getAuthenticatedUserId();
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		if (userId == null || !context.isAuthorizationCheckEnabled() || invocation == null) {
			return;
		}
		Command<?> command = invocation.getCommand();
		if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
			throw new AuthorizationException("审核任务只能通过表单办理，不能以抛出 BPMN 错误或升级的方式结束");
		}
		if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
				&& !userId.equals(task.getAssignee())) {
			throw new AuthorizationException("只有任务的当前办理人才能完成该任务，请先认领");
		}
	}

}
