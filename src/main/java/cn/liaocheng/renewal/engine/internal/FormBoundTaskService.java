package cn.liaocheng.renewal.engine.internal;

import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's task service, whose completions say only what the task's form asks ({@link TaskForm}). */
class FormBoundTaskService extends TaskServiceImpl {

	@Override
	public void complete(String taskId, Map<String, Object> variables) {
		// complete(taskId) comes here too, with no variables
		commandExecutor.execute(
				new FormBoundCompletion<>(taskId, variables, admitted -> new CompleteTaskCmd(taskId, admitted, false, false)));
	}

	@Override
	public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
		return commandExecutor.execute(new FormBoundCompletion<>(taskId, variables,
				admitted -> new CompleteTaskCmd(taskId, admitted, true, deserializeValues)));
	}

	@Override
	public void resolveTask(String taskId) {
		resolveTask(taskId, null);
	}

	@Override
	public void resolveTask(String taskId, Map<String, Object> variables) {
		try {
			commandExecutor.execute(new FormBoundCompletion<>(taskId, variables, admitted -> new ResolveTaskCmd(taskId, admitted)));
		}
		catch (TaskFormViolation e) {
			// The REST API answers 400 on /resolve only for a bad user request (form failures would be a 500 there).
			throw new BadUserRequestException(e.getMessage(), e);
		}
	}

}
