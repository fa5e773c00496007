package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * The overdue timer of a review task (the models' timeout listener
 * {@value OverdueTimer#LISTENER_ID}, due at the task's due date) has fired: the body's
 * lead group becomes a candidate of the task (督办), a reminder comment that the reviewer
 * reads on the task names who was reminded, the case history records it, and the assignee
 * (or the whole body) and the lead are notified ({@link ReviewTaskEvent.Kind#OVERDUE}).
 * The timer is a job: it runs once, on one node, in one transaction with everything it
 * writes, and is retried by the engine if that transaction fails.
 */
@Component("overdueTaskListener")
class OverdueTaskListener implements TaskListener {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChinaTime.ZONE);

	private final TaskService tasks;

	private final ApplicationStages stages;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final HeldSteps held;

	OverdueTaskListener(TaskService tasks, ApplicationStages stages, Directory directory,
			ApplicationEventPublisher events, HeldSteps held) {
		this.held = held;
		this.tasks = tasks;
		this.stages = stages;
		this.directory = directory;
		this.events = events;
	}

	@Override
	public void notify(DelegateTask task) {
		Optional<String> body = GroupNames.bodyOf(task.getCandidates()
			.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
			.map(IdentityLink::getGroupId)
			.toList());
		if (body.isEmpty() || task.getDueDate() == null) {
			// Not a body's task (the model check keeps such tasks out of review models):
			// nobody to escalate to.
			return;
		}
		long applicationId = ReviewedApplication.of(task);
		if (held.heldFor(applicationId, task.getTaskDefinitionKey()).isPresent()) {
			// The body may not do the step now (a clawback holds the payment): nothing
			// to press it for. Looked at again tomorrow; when the hold ends, the step's
			// due date starts again and the timer follows it.
			OverdueTimer.fireAgainAt(task, Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
			return;
		}
		String group = body.get();
		task.addCandidateGroup(GroupNames.lead(group));
		String who = task.getAssignee() == null ? directory.bodyName(group) : directory.personName(task.getAssignee());
		String message = "「" + task.getName() + "」已超过办理期限（" + SHOWN.format(task.getDueDate().toInstant()) + "），已提醒"
				+ who + "尽快办理，并报送" + directory.bodyName(group) + "负责人督办。";
		tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
		stages.note(applicationId, "system", "审批系统", "OVERDUE", message);
		events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.OVERDUE, task.getId(), task.getName(),
				applicationId, task.getAssignee(), List.of(group), task.getDueDate().toInstant(), null, message));
	}

}
