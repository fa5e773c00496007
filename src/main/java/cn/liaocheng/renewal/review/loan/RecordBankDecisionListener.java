package cn.liaocheng.renewal.review.loan;

import org.camunda.bpm.engine.ProcessEngineException;
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
		BankDecisions.Entry entry = new BankDecisions.Entry(task.getVariable(ReviewProcesses.DECISION),
				task.getVariable(ReviewProcesses.OPINION), task.getVariable("grantedAmount"),
				task.getVariable("interestRate"), task.getVariable("termMonths"), task.getVariable("grantDate"),
				task.getVariable("loanType"), task.getVariable("usedRelending"));
		try {
			decisions.record(ReviewedApplication.of(task),
					task.getCandidates().stream().map(IdentityLink::getGroupId).toList(), entry);
		}
		catch (BankDecisions.Refused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

}
