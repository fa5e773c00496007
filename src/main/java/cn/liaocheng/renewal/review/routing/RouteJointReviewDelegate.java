package cn.liaocheng.renewal.review.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_RouteJointReview: asks the routing table which bodies review. A subsidy or loan is
 * routed by the policy task and factor needs of the registered project it refers to, plus
 * the bodies its own kind adds.
 */
@Component("routeJointReviewDelegate")
class RouteJointReviewDelegate implements JavaDelegate {

	private final ReviewRouting routing;

	RouteJointReviewDelegate(ReviewRouting routing) {
		this.routing = routing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(ReviewProcesses.REVIEW_BODIES, routing.routeFor(ReviewedApplication.of(execution)));
	}

}
