package cn.liaocheng.renewal.review.deadlines;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.TaskCandidates;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On creating a review task (the models' {@code create} listener): reads the task for
 * {@link ReviewSteps#opened} and writes its answer back (due date, follow-up date, the
 * task's own variables), and puts the overdue timer on the due date.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

	/**
	 * The case's reference, enterprise and application: what a reviewer recognises a task
	 * by in Tasklist's list.
	 */
	private static final List<String> TASKLIST_SHOWS = List.of(ReviewProcesses.REFERENCE_NO,
			ReviewProcesses.ENTERPRISE_NAME, ReviewProcesses.APPLICATION_TITLE);

	private final ReviewSteps steps;

	ReviewTaskListener(ReviewSteps steps) {
		this.steps = steps;
	}

	@Override
	public void notify(DelegateTask task) {
		// Tasklist shows these under each task (the filters' variables): copied onto the
		// task, whose readers may read its own variables, while the case's variables stay
		// out of reach of other bodies' reviewers.
		for (String shown : TASKLIST_SHOWS) {
			Object value = task.getVariable(shown);
			if (value != null) {
				task.setVariableLocal(shown, value);
			}
		}
		Object body = task.getVariable(ReviewProcesses.REVIEW_BODY);
		ReviewSteps.OpenedTask opened = steps.opened(new ReviewSteps.OpenedStep(ReviewedApplication.of(task),
				task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				TaskCandidates.groups(task), body == null ? null : body.toString(),
				task.getDueDate() == null ? null : task.getDueDate().toInstant(),
				task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant()));
		task.setDueDate(Date.from(opened.due()));
		task.setFollowUpDate(opened.followUp() == null ? null : Date.from(opened.followUp()));
		opened.shown().forEach(task::setVariableLocal);
		// The overdue timer was made before the task had a due date; from now on it fires
		// at the task's due date.
		OverdueTimer.followDueDate(task);
	}

}
