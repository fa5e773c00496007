package cn.liaocheng.renewal.review.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_SummariseBankDecisions: every chosen bank has decided and the enterprise has not
 * accepted a grant yet; the process waits for its acceptance if any bank granted,
 * otherwise the case ends with the banks' declines.
 */
@Component("summariseBankDecisionsDelegate")
class SummariseBankDecisionsDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	SummariseBankDecisionsDelegate(ApplicationStages stages) {
		this.stages = stages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean anyGranted = stages.loanOffers(ReviewedApplication.of(execution))
			.stream()
			.anyMatch(o -> o.decision() == LoanOffer.Decision.GRANTED);
		execution.setVariable(ReviewProcesses.ANY_GRANTED, anyGranted);
	}

}
