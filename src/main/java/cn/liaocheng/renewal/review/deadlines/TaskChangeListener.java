package cn.liaocheng.renewal.review.deadlines;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.TaskCandidates;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * A review task was changed through the engine (the models' {@code update} listener): a
 * changed due date moves the overdue timer with it ({@link OverdueTimer}) and the moment
 * it becomes due soon (its follow-up date, unless that was changed too), and a changed
 * assignee goes to {@link ReviewSteps#assigneeChanged} with the signed-in user who made
 * the change (none for the product's own hand-overs, {@link TaskHandOvers}, which
 * announce themselves with their reason, so no fact is announced twice).
 */
@Component("taskChangeListener")
class TaskChangeListener implements TaskListener {

	private final ReviewSteps steps;

	TaskChangeListener(ReviewSteps steps) {
		this.steps = steps;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!(task instanceof TaskEntity entity)) {
			return;
		}
		if (entity.getPropertyChanges().containsKey(TaskEntity.DUE_DATE) && task.getDueDate() != null) {
			OverdueTimer.followDueDate(task);
			if (!entity.getPropertyChanges().containsKey(TaskEntity.FOLLOW_UP_DATE)) {
				// 即将超期 starts two working days before the new due date, as it did before
				// the old one; not while the step is held.
				var followUp = steps.followUp(ReviewedApplication.of(task), task.getTaskDefinitionKey(),
						task.getDueDate().toInstant());
				task.setFollowUpDate(followUp == null ? null : Date.from(followUp));
			}
		}
		PropertyChange assignee = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
		if (assignee == null) {
			return;
		}
		CommandContext command = Context.getCommandContext();
		steps.assigneeChanged(() -> ReviewedApplication.of(task), task.getId(), task.getName(),
				(String) assignee.getOrgValue(), task.getAssignee(),
				command == null ? null : command.getAuthenticatedUserId(), () -> TaskCandidates.groups(task),
				task.getDueDate() == null ? null : task.getDueDate().toInstant());
	}

}
