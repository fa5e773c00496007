package cn.liaocheng.renewal.engine.internal;

import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, whose task form submissions say only what the task's form
 * asks ({@link TaskForm}).
 */
class FormBoundFormService extends FormServiceImpl {

	@Override
	public void submitTaskForm(String taskId, Map<String, Object> properties) {
		// submitTaskFormData(taskId, properties) comes here too
		new FormBoundCompletion<>(taskId, properties, admitted -> new SubmitTaskFormCmd(taskId, admitted, false, false))
			.executeWith(commandExecutor);
	}

	@Override
	public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
			boolean deserializeValues) {
		return new FormBoundCompletion<>(taskId, properties,
				admitted -> new SubmitTaskFormCmd(taskId, admitted, true, deserializeValues))
			.executeWith(commandExecutor);
	}

}
