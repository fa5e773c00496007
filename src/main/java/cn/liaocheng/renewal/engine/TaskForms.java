package cn.liaocheng.renewal.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import cn.liaocheng.renewal.engine.internal.TaskFormGate;

/**
 * What a task's deployed Camunda Form says, for the code that runs while the task is
 * completed: the words of the option the reviewer chose, so that a record states the
 * conclusion as it was picked (不予受理, 不予推荐) rather than a paraphrase of its value.
 */
public final class TaskForms {

	private TaskForms() {
	}

	/**
	 * The label the task's form shows for {@code value} of its choice {@code field};
	 * empty when the task has no readable form, or the form no such field or option. Call
	 * it from a task listener, inside the engine's command.
	 */
	public static Optional<String> optionLabel(DelegateTask task, String field, String value) {
		if (!(task instanceof TaskEntity entity) || Context.getCommandContext() == null || value == null) {
			return Optional.empty();
		}
		return TaskFormGate.optionLabel(Context.getCommandContext(), entity, field, value);
	}

}
