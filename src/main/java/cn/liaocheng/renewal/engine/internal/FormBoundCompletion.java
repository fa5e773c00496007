package cn.liaocheng.renewal.engine.internal;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import cn.liaocheng.renewal.engine.ConcurrentChanges;

/**
 * A completion (complete, resolve, form submission) whose variables are first admitted
 * against the task's form, in the same command and transaction as the engine's own
 * completion command, which then receives only what the form admitted.
 */
final class FormBoundCompletion<T> implements Command<T> {

	static final String COMPLETED_BY_ANOTHER = ConcurrentChanges.TASK_DONE_BY_ANOTHER;

	private final String taskId;

	private final Map<String, Object> variables;

	private final Function<Map<String, Object>, Command<T>> completion;

	FormBoundCompletion(String taskId, Map<String, Object> variables,
			Function<Map<String, Object>, Command<T>> completion) {
		this.taskId = taskId;
		this.variables = variables;
		this.completion = completion;
	}

	/**
	 * Runs the completion. If it fails because the task was completed by another request
	 * meanwhile (two tabs, two colleagues: the engine may then fail anywhere on the
	 * changed case, not only with an optimistic-locking error), the failure is that
	 * conflict.
	 */
	T executeWith(CommandExecutor executor) {
		try {
			return executor.execute(this);
		}
		catch (TaskFormViolation | OptimisticLockingException answered) {
			throw answered;
		}
		catch (RuntimeException failure) {
			// A refusal stays one unless the caller held the task: its permission went
			// with the other completion.
			boolean refused = failure instanceof AuthorizationException;
			if (taskId != null && executor.execute(context -> completedMeanwhile(context, taskId, refused))) {
				OptimisticLockingException conflict = new OptimisticLockingException(COMPLETED_BY_ANOTHER);
				conflict.initCause(failure);
				throw conflict;
			}
			throw failure;
		}
	}

	private static boolean completedMeanwhile(CommandContext context, String taskId, boolean byHolderOnly) {
		if (context.getTaskManager().findTaskById(taskId) != null) {
			return false;
		}
		HistoricTaskInstance history = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
		return history != null && history.getEndTime() != null && (!byHolderOnly
				|| history.getAssignee() != null && history.getAssignee().equals(context.getAuthenticatedUserId()));
	}

	@Override
	public T execute(CommandContext context) {
		Map<String, Object> admitted = variables;
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task != null) {
			// Only someone who may work the task learns what its form refuses; the
			// completion checks again.
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkTaskWork(task);
			}
			admitted = TaskFormGate.admit(context, task, variables);
		}
		// Through the engine's executor (the same context and transaction), so that every
		// command checker sees the engine's own completion command, as it would without
		// this gate. An unknown task: that command answers.
		return context.getProcessEngineConfiguration()
			.getCommandExecutorTxRequired()
			.execute(completion.apply(admitted));
	}

}
