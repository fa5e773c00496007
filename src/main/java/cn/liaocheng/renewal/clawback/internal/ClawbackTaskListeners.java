package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.review.CaseOfStep;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The beans {@code bpmn/clawback.bpmn} calls. Each takes the case from the business key,
 * in the clawback process the product started for it and nowhere else, hands the form's
 * fields ({@link ClawbackFormValues}) to {@link Clawbacks} or {@link ClawbackCollection},
 * which check them against the record and keep them, and turns a refusal into the message
 * the reviewer reads in Tasklist.
 */
@Configuration(proxyBeanMethods = false)
class ClawbackTaskListeners {

	/**
	 * Task_DetermineClawback completed: amount, deadline and listing, checked against the
	 * allocated subsidy.
	 */
	@Bean
	TaskListener determineClawbackListener(Clawbacks clawbacks) {
		return task -> refusalsShown(() -> {
			long applicationId = applicationOf(task.getExecution());
			boolean recover = ClawbackFormValues.approved(task.getVariable(ReviewProcesses.DECISION));
			BigDecimal amount = recover ? ClawbackFormValues.amountOrNone(task.getVariable(ClawbackModel.AMOUNT))
					: null;
			LocalDate deadline = recover && amount != null
					? ClawbackFormValues.deadline(task.getVariable(ClawbackModel.DEADLINE)) : null;
			Integer months = recover && Boolean.TRUE.equals(task.getVariable(ClawbackModel.LIST_NEGATIVE))
					? ClawbackFormValues.listMonths(task.getVariable(ClawbackModel.LIST_MONTHS)) : null;
			clawbacks.determine(applicationId, actor(task), recover, amount, deadline, months,
					String.valueOf(task.getVariable(ReviewProcesses.OPINION)).strip());
			if (recover) {
				task.getExecution().setVariables(clawbacks.confirmationShows(applicationId, amount, deadline, months));
			}
		});
	}

	/**
	 * Task_ConfirmClawback completed: the county finance bureau's check; the account to
	 * pay into is the county's on record.
	 */
	@Bean
	TaskListener confirmClawbackListener(Clawbacks clawbacks) {
		return task -> refusalsShown(() -> {
			boolean correct = ClawbackFormValues.approved(task.getVariable(ReviewProcesses.DECISION));
			clawbacks.confirm(applicationOf(task.getExecution()), actor(task), correct);
			if (!correct) {
				// Returned, perhaps because the bureau paid outside the record: the
				// determination form asks for an amount again.
				task.getExecution().setVariable(ClawbackModel.NOTHING_PAID, false);
			}
		});
	}

	/**
	 * Task_IssuePriorNotice: the prior notice of the confirmed determination; the
	 * period's timer waits for its end. The review form shows the notice.
	 */
	@Bean
	JavaDelegate issuePriorNoticeDelegate(PriorNotices notices) {
		return execution -> {
			long applicationId = applicationOf(execution);
			Instant endsAt = notices.issue(applicationId, execution.getProcessInstanceId());
			execution.setVariable(ClawbackModel.STATEMENT_ENDS_AT, endsAt.toString());
			notices.latest(applicationId)
				.ifPresent(n -> execution.setVariable(ClawbackModel.NOTICE_TEXT,
						ClawbackModel.noticeShown(n.body(), applicationId)));
		};
	}

	/**
	 * Task_ReviewStatement completed: 不予采纳 ({@code REFUSE}) with its reasons, or 采纳或部分采纳
	 * ({@code APPROVE}), which returns the case to a determination no heavier than the
	 * notice.
	 */
	@Bean
	TaskListener reviewStatementListener(PriorNotices notices) {
		return task -> refusalsShown(() -> {
			boolean accepted = ClawbackFormValues.statementAccepted(task.getVariable(ReviewProcesses.DECISION));
			notices.rule(applicationOf(task.getExecution()), actor(task), accepted,
					String.valueOf(task.getVariable(ReviewProcesses.OPINION)));
		});
	}

	/**
	 * Kept for cases on earlier versions of the clawback model only: every version
	 * deployed before the current one calls this on completing Task_OverdueFollowUp, and
	 * an open follow-up task on such a version could not be completed without the bean.
	 * It never did anything (what the bureau did is its opinion of record, kept by
	 * {@code recordOpinionListener}), so the current model no longer calls it; it can go,
	 * with its name in {@code ModelVocabulary}, once no instance of those versions is
	 * open.
	 */
	@Bean
	TaskListener overdueFollowUpListener() {
		return task -> {
		};
	}

	/**
	 * Task_IssueClawbackDecision: the signed decision; when repayment is owed, the timer
	 * waits for the day after the deadline, and a revocation ends the clawback.
	 */
	@Bean
	JavaDelegate issueClawbackDecisionDelegate(ClawbackCollection collection) {
		return execution -> {
			Optional<Instant> due = collection.decide(applicationOf(execution));
			execution.setVariable(ClawbackModel.REPAYMENT_OWED, due.isPresent());
			due.ifPresent(at -> execution.setVariable(ClawbackModel.DUE_AT, at.toString()));
		};
	}

	/**
	 * Task_ReportOverdue: the deadline passed with money owed, unless everything owed is
	 * recorded as paid in time and waits for its check; then the process waits for the
	 * check, and comes back here if the check returns a repayment.
	 */
	@Bean
	JavaDelegate reportOverdueClawbackDelegate(ClawbackCollection collection) {
		return execution -> {
			// A case still on a model from before the wait for the check has nowhere to
			// wait: it is overdue as it always was.
			boolean canWait = execution.getBpmnModelInstance()
				.getModelElementById(ClawbackModel.GATEWAY_AWAITING_CHECK) != null;
			ClawbackView c = collection.overdue(applicationOf(execution), !canWait);
			execution.setVariable(ClawbackModel.AWAITING_CHECK, c.status() != ClawbackStatus.OVERDUE);
			execution.setVariable(ClawbackModel.OUTSTANDING, Money.yuan(c.outstanding()));
		};
	}

	/**
	 * Task_ReportUnchecked: ten days after the deadline the repayments recorded in time
	 * are still not checked; the clawback is overdue for what has not been confirmed, and
	 * the city bureau follows it up, with the pending entries on its page.
	 */
	@Bean
	JavaDelegate reportUncheckedClawbackDelegate(ClawbackCollection collection) {
		return execution -> execution.setVariable(ClawbackModel.OUTSTANDING,
				Money.yuan(collection.overdueAfterCheckWait(applicationOf(execution)).outstanding()));
	}

	/**
	 * The business key's application, when the step runs in the clawback process the
	 * product started for it ({@link CaseOfStep}); otherwise the step fails.
	 */
	static long applicationOf(DelegateExecution execution) {
		return CaseOfStep.afterAward(execution, ClawbackModel.PROCESS);
	}

	private static String actor(DelegateTask task) {
		return task.getAssignee() == null ? "system" : task.getAssignee();
	}

	private static void refusalsShown(Runnable step) {
		try {
			step.run();
		}
		catch (ClawbackRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

}
