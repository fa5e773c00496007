package cn.liaocheng.renewal.review.issuing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_IssueListingNotice: once the enterprise has accepted a grant and the interest
 * subsidy is computed, the central-bank branch's listing notice, without waiting for the
 * finance bureau's review. An asynchronous job with retries; issuing is idempotent.
 */
@Component("issueListingNoticeDelegate")
class IssueListingNoticeDelegate implements JavaDelegate {

	private final DecisionIssuing issuing;

	IssueListingNoticeDelegate(DecisionIssuing issuing) {
		this.issuing = issuing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		issuing.listLoan(ReviewedApplication.of(execution));
	}

}
