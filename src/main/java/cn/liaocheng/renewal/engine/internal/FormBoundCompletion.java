package cn.liaocheng.renewal.engine.internal;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A completion (complete, resolve, form submission) whose variables are first admitted against the task's form, in
 * the same command and transaction as the engine's own completion command, which then receives only what the form
 * admitted.
 */
final class FormBoundCompletion<T> implements Command<T> {

	private final String taskId;

	private final Map<String, Object> variables;

	private final Function<Map<String, Object>, Command<T>> completion;

	FormBoundCompletion(String taskId, Map<String, Object> variables, Function<Map<String, Object>, Command<T>> completion) {
		this.taskId = taskId;
		this.variables = variables;
		this.completion = completion;
	}

	@Override
	public T execute(CommandContext context) {
		Map<String, Object> admitted = variables;
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task != null) {
			// Only someone who may work the task learns what its form refuses; the completion checks again.
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkTaskWork(task);
			}
			admitted = TaskFormGate.admit(context, task, variables);
		}
		// Through the engine's executor (the same context and transaction), so that every command checker sees the
		// engine's own completion command, as it would without this gate. An unknown task: that command answers.
		return context.getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(completion.apply(admitted));
	}

}
