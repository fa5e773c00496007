package cn.liaocheng.renewal.review.routing;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_RouteJointReview: asks the routing table which bodies review. A subsidy or loan is
 * routed by the policy task and factor needs of the registered project it refers to, plus
 * the bodies its own kind adds.
 */
@Component("routeJointReviewDelegate")
class RouteJointReviewDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final ReviewRouting routing;

	RouteJointReviewDelegate(ApplicationStages stages, ReviewRouting routing) {
		this.stages = stages;
		this.routing = routing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		ReviewFacts facts = stages.facts(applicationId);
		Optional<ProjectDossier> project = stages.registeredProject(facts.dossier());
		String bodies = routing.route(facts.kind().name(), project.map(ProjectDossier::policyTask).orElse(null),
				project.map(ProjectDossier::needsNewLand).orElse(false),
				project.map(ProjectDossier::needsEnergyUse).orElse(false),
				project.map(ProjectDossier::needsEmissionQuota).orElse(false));
		execution.setVariable(ReviewProcesses.REVIEW_BODIES, bodies);
	}

}
