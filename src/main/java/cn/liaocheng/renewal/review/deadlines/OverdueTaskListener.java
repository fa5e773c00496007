package cn.liaocheng.renewal.review.deadlines;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.TaskCandidates;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * The overdue timer of a review task (the models' timeout listener
 * {@value OverdueTimer#LISTENER_ID}, due at the task's due date) has fired: reads the
 * task for {@link ReviewSteps#overdue} and does what it answers on the task (督办: the
 * body's lead group becomes a candidate and the reminder is left as a comment; or, for a
 * held step, the timer is set again). The timer is a job: it runs once, on one node, in
 * one transaction with everything it writes, and is retried by the engine if that
 * transaction fails.
 */
@Component("overdueTaskListener")
class OverdueTaskListener implements TaskListener {

	private final TaskService tasks;

	private final ReviewSteps steps;

	OverdueTaskListener(TaskService tasks, ReviewSteps steps) {
		this.tasks = tasks;
		this.steps = steps;
	}

	@Override
	public void notify(DelegateTask task) {
		ReviewSteps.Overdue overdue = steps.overdue(new ReviewSteps.OverdueStep(() -> ReviewedApplication.of(task),
				task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				TaskCandidates.groups(task), task.getDueDate() == null ? null : task.getDueDate().toInstant()));
		if (overdue instanceof ReviewSteps.Held held) {
			OverdueTimer.fireAgainAt(task, Date.from(held.lookAgainAt()));
		}
		else if (overdue instanceof ReviewSteps.Escalated escalated) {
			task.addCandidateGroup(escalated.leadGroup());
			tasks.createComment(task.getId(), task.getProcessInstanceId(), escalated.reminder());
		}
	}

}
