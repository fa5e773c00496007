package cn.liaocheng.renewal.review.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.organization.GroupNames;

/**
 * Overdue review tasks: the assignee (or the group) is reminded by a comment on the task and a line in the case's
 * history, and the task is escalated to the body's lead group, whose members then see it in Tasklist. A task is
 * escalated once; running on several nodes at once may at worst repeat the reminder.
 */
@Component
class OverdueTasks {

	private static final Logger LOG = LoggerFactory.getLogger(OverdueTasks.class);

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ReviewClock.CHINA);

	private static final int BATCH = 200;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ApplicationStages stages;

	private final Directory directory;

	OverdueTasks(TaskService tasks, RuntimeService runtime, ApplicationStages stages, Directory directory) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.stages = stages;
		this.directory = directory;
	}

	@Scheduled(initialDelayString = "${renewal.review.overdue-check.initial-delay:PT2M}",
			fixedDelayString = "${renewal.review.overdue-check.interval:PT15M}")
	void scheduled() {
		int escalated = escalate(Instant.now());
		if (escalated > 0) {
			LOG.info("Escalated {} overdue review tasks", escalated);
		}
	}

	/** Escalates the tasks due before {@code now} that have not been escalated; returns how many. */
	int escalate(Instant now) {
		List<Task> overdue = tasks.createTaskQuery().dueBefore(Date.from(now)).active().orderByDueDate().asc()
			.listPage(0, BATCH);
		int count = 0;
		for (Task task : overdue) {
			if (escalate(task)) {
				count++;
			}
		}
		return count;
	}

	private boolean escalate(Task task) {
		List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
		List<String> groups = links.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		if (groups.isEmpty() || groups.stream().anyMatch(g -> g.endsWith(GroupNames.LEAD_SUFFIX))) {
			return false;
		}
		String group = groups.get(0);
		tasks.addCandidateGroup(task.getId(), GroupNames.lead(group));
		String who = task.getAssignee() == null ? directory.bodyName(group) : directory.personName(task.getAssignee());
		String message = "「" + task.getName() + "」已超过办理期限（" + SHOWN.format(task.getDueDate().toInstant())
				+ "），已提醒" + who + "尽快办理，并报送" + directory.bodyName(group) + "负责人督办。";
		tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
		ProcessInstance instance = task.getProcessInstanceId() == null ? null
				: runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
		if (instance != null && instance.getBusinessKey() != null) {
			stages.note(ReviewedApplication.ofBusinessKey(instance.getBusinessKey()), "system", "审批系统", "OVERDUE", message);
		}
		return true;
	}

}
