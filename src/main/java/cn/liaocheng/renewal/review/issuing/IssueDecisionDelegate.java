package cn.liaocheng.renewal.review.issuing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_IssueDecision (one per ending, each with its {@code decisionType} input): the
 * application's final stage and its signed decision. Runs as an asynchronous job with
 * retries; issuing is idempotent per application.
 */
@Component("issueDecisionDelegate")
class IssueDecisionDelegate implements JavaDelegate {

	private final DecisionIssuing issuing;

	IssueDecisionDelegate(DecisionIssuing issuing) {
		this.issuing = issuing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		Ending ending = Ending.valueOf((String) execution.getVariable(ReviewProcesses.DECISION_TYPE));
		issuing.issue(applicationId, ending);
	}

}
