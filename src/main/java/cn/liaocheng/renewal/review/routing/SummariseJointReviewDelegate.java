package cn.liaocheng.renewal.review.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_SummariseJointReview: after the bodies of a round have given their opinions, the
 * case goes back for correction if any body returned it — and only those bodies review
 * again afterwards ({@link ReviewRouting#returnedBy}) — or on to the lead's decision.
 */
@Component("summariseJointReviewDelegate")
class SummariseJointReviewDelegate implements JavaDelegate {

	private final ReviewRouting routing;

	SummariseJointReviewDelegate(ReviewRouting routing) {
		this.routing = routing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<String> returned = routing.returnedBy(ReviewedApplication.of(execution),
				(String) execution.getVariable(ReviewProcesses.REVIEW_BODIES));
		if (returned.isEmpty()) {
			execution.setVariable(ReviewProcesses.JOINT_OUTCOME, "DONE");
		}
		else {
			execution.setVariable(ReviewProcesses.JOINT_OUTCOME, ReviewProcesses.RETURN);
			execution.setVariable(ReviewProcesses.REVIEW_BODIES, String.join(",", returned));
		}
	}

}
