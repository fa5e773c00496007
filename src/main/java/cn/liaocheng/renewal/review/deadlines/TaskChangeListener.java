package cn.liaocheng.renewal.review.deadlines;

import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * A review task was changed through the engine (the models' {@code update} listener): a
 * changed due date moves the overdue timer with it ({@link OverdueTimer}) and the moment
 * it becomes due soon (its follow-up date, unless that was changed too), and a changed
 * assignee is announced when a signed-in user made it for someone else: an administrator
 * assigning the task ({@link ReviewTaskEvent.Kind#ASSIGNED}, to the new assignee) or
 * putting it back into the pool ({@link ReviewTaskEvent.Kind#RELEASED}, to the body's
 * members). Claiming a task for oneself is announced to nobody: the claimer knows, and
 * the task simply leaves the colleagues' pool. The product's own hand-overs
 * ({@link TaskHandOvers}) run without a signed-in user and publish their event, with the
 * reason, themselves, so no fact is announced twice.
 */
@Component("taskChangeListener")
class TaskChangeListener implements TaskListener {

	private final ApplicationEventPublisher events;

	private final ReviewTaskListener created;

	TaskChangeListener(ApplicationEventPublisher events, ReviewTaskListener created) {
		this.events = events;
		this.created = created;
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
				task.setFollowUpDate(
						created.followUp(ReviewedApplication.of(task), task.getTaskDefinitionKey(), task.getDueDate()));
			}
		}
		PropertyChange assignee = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
		CommandContext command = Context.getCommandContext();
		String actor = command == null ? null : command.getAuthenticatedUserId();
		if (assignee == null || actor == null || sameValue(assignee)) {
			return;
		}
		String to = task.getAssignee();
		if (actor.equals(to)) {
			return;
		}
		List<String> groups = task.getCandidates()
			.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		events.publishEvent(
				new ReviewTaskEvent(to == null ? ReviewTaskEvent.Kind.RELEASED : ReviewTaskEvent.Kind.ASSIGNED,
						task.getId(), task.getName(), ReviewedApplication.of(task), to, groups,
						task.getDueDate() == null ? null : task.getDueDate().toInstant(), actor, null));
	}

	private static boolean sameValue(PropertyChange change) {
		return Objects.equals(change.getOrgValue(), change.getNewValue());
	}

}
