package cn.liaocheng.renewal.review.loan;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
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
		// Read from the task's own scope only (the model keeps the form's fields local,
		// and the pre-deployment check holds it to that): never a value another bank's
		// task or anyone else left on the case.
		DelegateExecution scope = task.getExecution();
		BankDecisions.Entry entry = new BankDecisions.Entry(scope.getVariableLocal(ReviewProcesses.DECISION),
				scope.getVariableLocal(ReviewProcesses.OPINION), scope.getVariableLocal(ReviewProcesses.GRANTED_AMOUNT),
				scope.getVariableLocal(ReviewProcesses.INTEREST_RATE),
				scope.getVariableLocal(ReviewProcesses.TERM_MONTHS), scope.getVariableLocal(ReviewProcesses.GRANT_DATE),
				scope.getVariableLocal(ReviewProcesses.LOAN_TYPE),
				scope.getVariableLocal(ReviewProcesses.USED_RELENDING));
		try {
			decisions.record(ReviewedApplication.of(task),
					task.getCandidates().stream().map(IdentityLink::getGroupId).toList(), entry);
		}
		catch (BankDecisions.Refused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

}
