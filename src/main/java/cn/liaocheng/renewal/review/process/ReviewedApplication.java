package cn.liaocheng.renewal.review.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The application a review process acts on is its instance's business key: set when the
 * application is submitted and handed to every called process
 * ({@code camunda:in businessKey}). Nothing a task completion sends can change it, unlike
 * the {@code applicationId} variable, which stays only for Tasklist's links and display.
 */
public final class ReviewedApplication {

	private ReviewedApplication() {
	}

	public static long of(DelegateExecution execution) {
		return ofBusinessKey(execution.getProcessBusinessKey());
	}

	public static long of(DelegateTask task) {
		return of(task.getExecution());
	}

	public static long ofBusinessKey(String businessKey) {
		try {
			return Long.parseLong(businessKey);
		}
		catch (NumberFormatException e) {
			throw new ProcessEngineException(
					"Review process instance without an application id as business key: " + businessKey, e);
		}
	}

}
