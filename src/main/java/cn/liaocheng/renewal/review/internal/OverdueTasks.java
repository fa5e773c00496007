package cn.liaocheng.renewal.review.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.operations.ClusterLease;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewTaskEvent;

/**
 * Overdue review tasks: the assignee (or the group) is reminded by a comment on the task and a line in the case's
 * history, and the task is escalated to the body's lead group, whose members then see it in Tasklist. A task is
 * escalated once: each run reads, batch by batch, only overdue tasks it has not dealt with ({@link OverdueMarks}), so
 * tasks escalated long ago and still open never crowd out new ones; and one node of the cluster runs at a time
 * ({@link ClusterLease}), so two nodes neither repeat a reminder nor collide on the same task.
 */
@Component
class OverdueTasks {

	static final String JOB = "overdue-tasks";

	private static final Logger LOG = LoggerFactory.getLogger(OverdueTasks.class);

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ReviewClock.CHINA);

	private static final int BATCH = 100;

	/** Longer than a run takes, shorter than the interval: a node that dies mid-run holds the job up one round. */
	private static final Duration LEASE = Duration.ofMinutes(10);

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final ApplicationStages stages;

	private final Directory directory;

	private final OverdueMarks marks;

	private final ClusterLease lease;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	OverdueTasks(TaskService tasks, RuntimeService runtime, ManagementService management, ApplicationStages stages,
			Directory directory, OverdueMarks marks, ClusterLease lease, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.management = management;
		this.stages = stages;
		this.directory = directory;
		this.marks = marks;
		this.lease = lease;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
	}

	@Scheduled(initialDelayString = "${renewal.review.overdue-check.initial-delay:PT2M}",
			fixedDelayString = "${renewal.review.overdue-check.interval:PT15M}")
	void scheduled() {
		int escalated = escalate(Instant.now());
		if (escalated > 0) {
			LOG.info("Escalated {} overdue review tasks", escalated);
		}
	}

	/**
	 * Escalates the tasks due before {@code now} that have not been dealt with; returns how many. Does nothing while
	 * another run, on this node or another, holds the job.
	 */
	int escalate(Instant now) {
		if (!lease.take(JOB, LEASE)) {
			LOG.debug("Overdue check skipped: another run holds it");
			return 0;
		}
		try {
			String taskTable = management.getTableName(Task.class);
			marks.forgetClosed(taskTable);
			int escalated = 0;
			int failed = 0;
			for (List<Task> batch = unseen(taskTable, now, failed); !batch.isEmpty(); batch = unseen(taskTable, now,
					failed)) {
				for (Task task : batch) {
					try {
						if (Boolean.TRUE.equals(transaction.execute(status -> escalate(task, now)))) {
							escalated++;
						}
					}
					catch (DuplicateKeyException dealtWithByAnotherRun) {
						LOG.debug("Overdue task {} was dealt with by another run", task.getId());
					}
					catch (RuntimeException e) {
						// Left unmarked, so the next run tries again; skipped for the rest of this one.
						failed++;
						LOG.warn("Could not escalate overdue task {}: {}", task.getId(), e.toString());
					}
				}
			}
			return escalated;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

	/**
	 * Overdue active tasks without a mark, oldest due first; the first {@code failed} of them failed in this run and
	 * are passed over (they sort first: every batch starts right after them).
	 */
	private List<Task> unseen(String taskTable, Instant now, int failed) {
		return tasks.createNativeTaskQuery()
			.sql("SELECT T.* FROM " + taskTable + " T WHERE T.DUE_DATE_ < #{due} AND T.SUSPENSION_STATE_ = 1"
					+ " AND NOT EXISTS (SELECT 1 FROM overdue_task O WHERE O.task_id = T.ID_)"
					+ " ORDER BY T.DUE_DATE_, T.ID_")
			.parameter("due", Date.from(now))
			.listPage(failed, BATCH);
	}

	private boolean escalate(Task task, Instant now) {
		List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
		List<String> groups = links.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		// Tasks of no review group, and tasks escalated before marks were kept, are marked as seen and left alone.
		if (groups.isEmpty() || groups.stream().anyMatch(g -> g.endsWith(GroupNames.LEAD_SUFFIX))) {
			marks.mark(task.getId(), false, now);
			return false;
		}
		marks.mark(task.getId(), true, now);
		String group = groups.get(0);
		tasks.addCandidateGroup(task.getId(), GroupNames.lead(group));
		String who = task.getAssignee() == null ? directory.bodyName(group) : directory.personName(task.getAssignee());
		String message = "「" + task.getName() + "」已超过办理期限（" + SHOWN.format(task.getDueDate().toInstant())
				+ "），已提醒" + who + "尽快办理，并报送" + directory.bodyName(group) + "负责人督办。";
		tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
		ProcessInstance instance = task.getProcessInstanceId() == null ? null
				: runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
		Long applicationId = null;
		if (instance != null && instance.getBusinessKey() != null) {
			applicationId = ReviewedApplication.ofBusinessKey(instance.getBusinessKey());
			stages.note(applicationId, "system", "审批系统", "OVERDUE", message);
		}
		events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.OVERDUE, task.getId(), task.getName(),
				applicationId, task.getAssignee(), List.of(group), task.getDueDate().toInstant(), null, message));
		return true;
	}

}
