package cn.liaocheng.renewal.review.deadlines;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.HeldStepsChanged;

/**
 * Sets the follow-up dates of a case's open review steps again when what holds them
 * changed: a step a clawback holds leaves Tasklist's 即将超期 (it has no follow-up date while
 * held), and comes back to it, two working days before its due date, once the clawback is
 * dropped. In the transaction that started or dropped the clawback.
 */
@Component
class HeldStepFollowUps {

	private final TaskService tasks;

	private final IdentityService identity;

	private final ReviewTaskListener created;

	HeldStepFollowUps(TaskService tasks, IdentityService identity, ReviewTaskListener created) {
		this.tasks = tasks;
		this.identity = identity;
		this.created = created;
	}

	@EventListener
	void on(HeldStepsChanged changed) {
		// The steps are other bodies' (the county finance bureau's payment): set by the
		// system on the city bureau's start or determination, not under that reviewer's
		// own rights.
		Authentication current = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			for (Task task : tasks.createTaskQuery()
				.processInstanceBusinessKey(String.valueOf(changed.applicationId()))
				.taskDefinitionKey(AfterAwardProcesses.TASK_RECORD_PAYMENT)
				.active()
				.list()) {
				if (task.getDueDate() == null) {
					continue;
				}
				Date wanted = created.followUp(changed.applicationId(), task.getTaskDefinitionKey(), task.getDueDate());
				// A step not held keeps whatever follow-up date it has (a reviewer may
				// have
				// set one in Tasklist); one that has none gets it back.
				if (wanted == null ? task.getFollowUpDate() != null : task.getFollowUpDate() == null) {
					task.setFollowUpDate(wanted);
					tasks.saveTask(task);
				}
			}
		}
		finally {
			if (current != null) {
				identity.setAuthentication(current);
			}
		}
	}

}
