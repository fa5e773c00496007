package cn.liaocheng.renewal.review.loan;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.TaskCandidates;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On completing Task_BankDecision: the bank's decision as the form sent it is recorded
 * ({@link BankDecisions}); a refusal stops the completion with its message, which the
 * officer sees in Tasklist.
 */
@Component("recordBankDecisionListener")
class RecordBankDecisionListener implements TaskListener {

	private final BankDecisions decisions;

	RecordBankDecisionListener(BankDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public void notify(DelegateTask task) {
		BankDecisions.Entry entry = new BankDecisions.Entry(term(task, ReviewProcesses.DECISION),
				term(task, ReviewProcesses.OPINION), term(task, ReviewProcesses.GRANTED_AMOUNT),
				term(task, ReviewProcesses.INTEREST_RATE), term(task, ReviewProcesses.TERM_MONTHS),
				term(task, ReviewProcesses.GRANT_DATE), term(task, ReviewProcesses.LOAN_TYPE),
				term(task, ReviewProcesses.USED_RELENDING));
		try {
			decisions.record(ReviewedApplication.of(task), TaskCandidates.groups(task), entry);
		}
		catch (StepRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

	/**
	 * What the bank's own form sent: read from the task's scope, where the model keeps
	 * the form's fields (the pre-deployment check holds every new model to that), never a
	 * value another bank's task left on the case. A task of a model deployed before the
	 * terms were local has no such variable in its scope; its value is read as that model
	 * wrote it, from the case, so that a loan already at its banks still completes.
	 */
	private static Object term(DelegateTask task, String name) {
		DelegateExecution scope = task.getExecution();
		return scope.hasVariableLocal(name) ? scope.getVariableLocal(name) : task.getVariable(name);
	}

}
