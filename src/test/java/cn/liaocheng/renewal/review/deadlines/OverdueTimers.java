package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The overdue timers of review tasks, driven by the test: the job executor is paused
 * while a test runs, so a timer fires only when the test executes its job (as the
 * executor of one node would), never on its own.
 */
final class OverdueTimers implements AutoCloseable {

	private final TaskService tasks;

	private final ManagementService management;

	private final JobExecutor jobExecutor;

	private final boolean jobExecutorWasActive;

	OverdueTimers(ProcessEngine engine) {
		this.tasks = engine.getTaskService();
		this.management = engine.getManagementService();
		this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		this.jobExecutorWasActive = jobExecutor.isActive();
		jobExecutor.shutdown();
	}

	/** The overdue timers waiting on the task (none once it fired). */
	List<Job> of(Task task) {
		return management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(task.getTaskDefinitionKey())
			.timers()
			.list();
	}

	/** The one overdue timer waiting on the task. */
	Job single(Task task) {
		List<Job> timers = of(task);
		assertThat(timers).as("overdue timers of %s", task.getId()).hasSize(1);
		return timers.get(0);
	}

	/** Moves the task's due date to yesterday, as an administrator would in Tasklist. */
	void makeOverdue(Task task) {
		setDue(task, Instant.now().minus(1, ChronoUnit.DAYS));
	}

	void setDue(Task task, Instant due) {
		Task loaded = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		loaded.setDueDate(Date.from(due));
		tasks.saveTask(loaded);
	}

	/**
	 * Fires the task's overdue timer, as the job executor does once its due date has
	 * passed.
	 */
	void fire(Task task) {
		Job timer = single(task);
		assertThat(timer.getDuedate()).as("the timer is due").isBeforeOrEqualTo(new Date());
		management.executeJob(timer.getId());
	}

	@Override
	public void close() {
		if (jobExecutorWasActive) {
			jobExecutor.start();
		}
	}

}
