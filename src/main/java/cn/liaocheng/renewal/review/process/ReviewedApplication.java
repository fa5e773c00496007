package cn.liaocheng.renewal.review.process;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import cn.liaocheng.renewal.application.ApplicationStages;

/**
 * The application a review process acts on: its instance's business key, set when the
 * application is submitted and handed to every called process
 * ({@code camunda:in businessKey}), unlike the {@code applicationId} variable, which
 * stays only for Tasklist's links and display.
 * <p>
 * A business key can be changed (a form field bound to it, a literal
 * {@code camunda:in businessKey}, {@code RuntimeService#updateBusinessKey}), so the key
 * alone is not trusted: the case is pinned to the root process instance its submission
 * started, which the application records ({@link CasePins}). A step of any other instance
 * naming that application fails, and the job or the completion with it: nothing is done
 * to the case an edited key points at.
 */
public final class ReviewedApplication {

	private ReviewedApplication() {
	}

	public static long of(DelegateExecution execution) {
		long applicationId = ofBusinessKey(execution.getProcessBusinessKey());
		CommandContext context = Context.getCommandContext();
		if (context == null) {
			throw new ProcessEngineException("A review step ran outside the engine's command: application "
					+ applicationId + " cannot be checked against its process");
		}
		ExecutionEntity root = root(execution);
		context.getSession(CasePins.Session.class)
			.check(applicationId, root.getId(), root.getProcessDefinition().getKey(), root.getBusinessKey());
		return applicationId;
	}

	public static long of(DelegateTask task) {
		return of(task.getExecution());
	}

	/**
	 * The application a step of the after-award process {@code processKey} acts on: the
	 * business key's, when the step's root instance is the one of that process the
	 * product started for it and recorded ({@link CasePins}).
	 */
	public static long ofAfterAward(DelegateExecution execution, String processKey) {
		long applicationId = ofBusinessKey(execution.getProcessBusinessKey());
		CommandContext context = Context.getCommandContext();
		if (context == null) {
			throw new ProcessEngineException("An after-award step ran outside the engine's command: application "
					+ applicationId + " cannot be checked against its process");
		}
		ExecutionEntity root = root(execution);
		context.getSession(CasePins.Session.class)
			.checkAfterAward(applicationId, root.getId(), root.getProcessDefinition().getKey(), root.getBusinessKey(),
					processKey);
		return applicationId;
	}

	/**
	 * The application an instance acts on, read from the records alone, for work done
	 * outside the engine's steps (a calendar correction moving due dates), by the rule
	 * {@link CasePins} holds the steps to: the instance's business key names the
	 * application, and its root {@code rootId} is the review process the application
	 * records or, for an after-award process, the instance recorded for it, whose own key
	 * names the same application. Empty for any other instance (started by hand, its key
	 * changed, its record naming another instance), whose steps' listeners refuse any
	 * change. Unlike the steps' check it pins nothing and records no refusal.
	 */
	public static Optional<Long> ofRecord(String businessKey, String rootId, String rootKey, String rootBusinessKey,
			ApplicationStages stages) {
		long applicationId;
		try {
			applicationId = ofBusinessKey(businessKey);
		}
		catch (ProcessEngineException e) {
			return Optional.empty();
		}
		return CasePins.ofRecord(applicationId, rootId, rootKey, rootBusinessKey, stages) ? Optional.of(applicationId)
				: Optional.empty();
	}

	/** The root process instance of the task's execution (the case's main process). */
	public static String rootProcessInstanceId(DelegateTask task) {
		return root(task.getExecution()).getId();
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

	/**
	 * The root process instance, walked up from the execution through the instances that
	 * called it, in memory (a root being started is not in the database yet).
	 */
	private static ExecutionEntity root(DelegateExecution execution) {
		ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
		while (instance.getSuperExecution() != null) {
			instance = instance.getSuperExecution().getProcessInstance();
		}
		return instance;
	}

}
