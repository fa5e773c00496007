package cn.liaocheng.renewal.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * The application a step of another module's process acts on, for the delegates and
 * listeners of those processes: the business key names it, and the step must run in the
 * process instance the product recorded for it, or it fails (the job or the completion
 * with it) and an audit entry {@code CASE_PROCESS_MISMATCH} says so. Nothing a task
 * completion or a model writes into the process changes which case that is.
 */
public final class CaseOfStep {

	private CaseOfStep() {
	}

	/**
	 * A step of the application's review process (the root instance its submission
	 * started).
	 */
	public static long review(DelegateExecution execution) {
		return ReviewedApplication.of(execution);
	}

	/**
	 * A step of the after-award process {@code processKey}
	 * ({@link AfterAwardProcesses#AFTERCARE}, {@link AfterAwardProcesses#CLAWBACK}): its
	 * root must be the instance of that process the product started for the application.
	 */
	public static long afterAward(DelegateExecution execution, String processKey) {
		return ReviewedApplication.ofAfterAward(execution, processKey);
	}

	public static long afterAward(DelegateTask task, String processKey) {
		return afterAward(task.getExecution(), processKey);
	}

}
