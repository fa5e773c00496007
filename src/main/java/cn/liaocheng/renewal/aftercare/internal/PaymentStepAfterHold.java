package cn.liaocheng.renewal.aftercare.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.PaymentHoldLifted;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * When a hold on a case's payment ends without a recovery, the open payment step gets its
 * working days again from now: during the hold the bureau could not pay, so a due date
 * that ran out meanwhile would have the step escalated as overdue at once. Only moved
 * later, never earlier; the step's change listener moves its overdue timer with it.
 */
@Component
class PaymentStepAfterHold {

	private final TaskService tasks;

	private final IdentityService identity;

	private final WorkingDays workingDays;

	private final ApplicationStages stages;

	PaymentStepAfterHold(TaskService tasks, IdentityService identity, WorkingDays workingDays,
			ApplicationStages stages) {
		this.tasks = tasks;
		this.identity = identity;
		this.workingDays = workingDays;
		this.stages = stages;
	}

	@EventListener
	void on(PaymentHoldLifted lifted) {
		Optional<String> process = stages.afterAwardProcess(lifted.applicationId(), AftercareModel.PROCESS_KEY);
		if (process.isEmpty()) {
			return;
		}
		// In a year whose holidays are not loaded yet, the latest the working days could
		// come to, rather than refusing the determination.
		Instant due = workingDays.deadlineAtLatest(Instant.now(), ReviewProcesses.REVIEW_DAYS, ChinaTime.ZONE);
		// The product moves a county body's step on the city bureau's determination: not
		// under the determining reviewer's own rights.
		ProductAuthority.run(identity, () -> {
			for (Task task : tasks.createTaskQuery()
				.processInstanceId(process.get())
				.taskDefinitionKey(AftercareModel.PAYMENT_TASK)
				.active()
				.list()) {
				if (task.getDueDate() != null && !task.getDueDate().toInstant().isBefore(due)) {
					continue;
				}
				task.setDueDate(Date.from(due));
				tasks.saveTask(task);
				stages.note(lifted.applicationId(), "system", "审批系统", "PAYMENT_STEP_RESUMED",
						"追回程序终止，恢复拨付：「" + task.getName() + "」的办理期限自即日起重新计算，至 " + ChinaTime.minute(due) + "。");
			}
		});
	}

}
