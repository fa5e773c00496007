package cn.liaocheng.renewal.review.deadlines;

import java.util.Date;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import cn.liaocheng.renewal.review.ReviewTaskContract;

/**
 * Keeps a review task's overdue timer (the timeout listener {@value #LISTENER_ID} of the
 * models) on the task's due date: when the task is created (its due date is set by
 * {@link ReviewTaskListener}, or by the model's {@code camunda:dueDate}) and whenever the
 * due date is changed later (by an administrator in Tasklist or through the REST API, see
 * {@link TaskChangeListener}). The timer is a job of the task's execution, changed in the
 * same command, so the engine's own locking applies; a timer that has fired is gone, and
 * a later change of the due date does not bring it back (a task is handled as overdue
 * once).
 */
final class OverdueTimer {

	/**
	 * The id of the overdue timeout listener on every review task (the model check
	 * demands it).
	 */
	static final String LISTENER_ID = ReviewTaskContract.OVERDUE_LISTENER_ID;

	private OverdueTimer() {
	}

	/**
	 * Moves the task's pending overdue timer to its due date; returns whether it had to
	 * move.
	 */
	static boolean followDueDate(DelegateTask task) {
		Date due = task.getDueDate();
		if (due == null || !(task instanceof TaskEntity entity) || entity.getExecution() == null) {
			return false;
		}
		ExecutionEntity execution = entity.getExecution();
		String configuration = task.getTaskDefinitionKey() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
				+ TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + LISTENER_ID;
		boolean moved = false;
		for (JobEntity job : execution.getJobs()) {
			if (TimerTaskListenerJobHandler.TYPE.equals(job.getJobHandlerType())
					&& configuration.equals(job.getJobHandlerConfigurationRaw())
					&& !Objects.equals(job.getDuedate(), due)) {
				job.setDuedate(due);
				moved = true;
			}
		}
		return moved;
	}

	/**
	 * Sets the overdue timer again, due at {@code at}, while the one that fired (and is
	 * gone with its job) finds the task held ({@link OverdueTaskListener}): it looks
	 * again then, and follows the due date once that moves.
	 */
	static void fireAgainAt(DelegateTask task, Date at) {
		if (!(task instanceof TaskEntity entity) || entity.getExecution() == null) {
			return;
		}
		ExecutionEntity execution = entity.getExecution();
		// The task's timeout listeners make the user task a scope of its own.
		TimerDeclarationImpl declaration = TimerDeclarationImpl
			.getTimeoutListenerDeclarationsForScope(execution.getActivity())
			.getOrDefault(task.getTaskDefinitionKey(), Map.of())
			.get(LISTENER_ID);
		if (declaration != null) {
			declaration.createTimerInstance(execution).setDuedate(at);
		}
	}

}
