package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.HeldStepsChanged;

/**
 * Sets the follow-up date of a case's open steps that something may hold
 * ({@link HeldSteps#steps()}: the payment step) again when what holds them changed: held
 * by a clawback, the payment step leaves Tasklist's 即将超期 (it has no follow-up date while
 * held); the clawback dropped, it comes back, two working days before its due date. A
 * follow-up date a reviewer set by hand on the step is not kept through a hold.
 * <p>
 * After the start or the drop has committed, in a transaction of its own: the start does
 * not write the step's row, so a finance officer claiming or completing the step at that
 * moment meets the hold itself ("暂停拨付"), not a conflict on the task. A conflict with such
 * a write here is tried again; a step whose date could not be set stays as it was and is
 * logged, and the start or drop stands.
 */
@Component
class HeldStepFollowUps {

	private static final Logger LOG = LoggerFactory.getLogger(HeldStepFollowUps.class);

	private static final int ATTEMPTS = 3;

	private final TaskService tasks;

	private final IdentityService identity;

	private final ReviewSteps steps;

	private final TransactionTemplate newTransaction;

	private final HeldSteps held;

	HeldStepFollowUps(TaskService tasks, IdentityService identity, ReviewSteps steps,
			PlatformTransactionManager transactions, HeldSteps held) {
		this.held = held;
		this.tasks = tasks;
		this.identity = identity;
		this.steps = steps;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(HeldStepsChanged changed) {
		for (int attempt = 1;; attempt++) {
			try {
				// The step is another body's (the county finance bureau's payment): set
				// by the system, not under the rights of whoever started or dropped the
				// clawback.
				newTransaction
					.executeWithoutResult(status -> ProductAuthority.run(identity, () -> setFollowUps(changed)));
				return;
			}
			catch (OptimisticLockingException e) {
				if (attempt == ATTEMPTS) {
					LOG.warn("Follow-up date of the payment step of application {} not set after {} attempts",
							changed.applicationId(), ATTEMPTS, e);
					return;
				}
			}
			catch (RuntimeException e) {
				LOG.error("Follow-up date of the payment step of application {} not set", changed.applicationId(), e);
				return;
			}
		}
	}

	private void setFollowUps(HeldStepsChanged changed) {
		if (held.steps().isEmpty()) {
			// The engine's query would not filter by an empty list of steps.
			return;
		}
		for (Task task : tasks.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(changed.applicationId()))
			.taskDefinitionKeyIn(held.steps().toArray(String[]::new))
			.active()
			.list()) {
			if (task.getDueDate() == null) {
				continue;
			}
			Instant followUp = steps.followUp(changed.applicationId(), task.getTaskDefinitionKey(),
					task.getDueDate().toInstant());
			Date wanted = followUp == null ? null : Date.from(followUp);
			// A step not held keeps a follow-up date it has (a reviewer may have set one
			// in Tasklist); one that has none gets it back.
			if (wanted == null ? task.getFollowUpDate() != null : task.getFollowUpDate() == null) {
				task.setFollowUpDate(wanted);
				tasks.saveTask(task);
			}
		}
	}

}
