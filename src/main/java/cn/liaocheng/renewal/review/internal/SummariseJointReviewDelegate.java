package cn.liaocheng.renewal.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Task_SummariseJointReview: after the bodies of a round have given their opinions, the case goes back for
 * correction if any body returned it — and only those bodies review again afterwards — or on to the lead's decision.
 */
@Component("summariseJointReviewDelegate")
class SummariseJointReviewDelegate implements JavaDelegate {

	static final String JOINT_REVIEW_TASK = "Task_JointReview";

	private final ReviewRecords records;

	private final ReviewRouting routing;

	SummariseJointReviewDelegate(ReviewRecords records, ReviewRouting routing) {
		this.records = records;
		this.routing = routing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		List<String> bodies = routing.split((String) execution.getVariable(ReviewProcesses.REVIEW_BODIES));
		Map<String, String> latest = new LinkedHashMap<>();
		for (Opinion o : records.opinions(applicationId)) {
			if (JOINT_REVIEW_TASK.equals(o.step())) {
				latest.put(o.bodyGroup().replaceFirst("^city-", ""), o.decision());
			}
		}
		List<String> returned = bodies.stream().filter(b -> ReviewProcesses.RETURN.equals(latest.get(b))).toList();
		if (returned.isEmpty()) {
			execution.setVariable(ReviewProcesses.JOINT_OUTCOME, "DONE");
		}
		else {
			execution.setVariable(ReviewProcesses.JOINT_OUTCOME, ReviewProcesses.RETURN);
			execution.setVariable(ReviewProcesses.REVIEW_BODIES, String.join(",", returned));
		}
	}

}
