package cn.liaocheng.renewal.review.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_CorrectionChangesAtJointReview and Task_CorrectionChangesAtDecision: after a
 * correction asked for at the joint review or at the decision, reads from the
 * application's record what the resubmission changed. When it changed what the dossier
 * states (not only its attachments), every body of the joint review reviews the case
 * again ({@link ReviewRouting#everyBodyOf}): an opinion given on the dossier before does
 * not speak for the corrected one, and the decision may not rest on it
 * ({@code IssuingGrounds}). Otherwise the bodies that returned the case review again
 * (after the joint review), or the decision is taken again (after the decision).
 */
@Component("correctionRoundDelegate")
class CorrectionRoundDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final ReviewRouting routing;

	CorrectionRoundDelegate(ApplicationStages stages, ReviewRouting routing) {
		this.stages = stages;
		this.routing = routing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		List<Resubmission> resubmissions = stages.resubmissions(applicationId);
		boolean changed = !resubmissions.isEmpty() && resubmissions.get(resubmissions.size() - 1).changedFacts();
		execution.setVariable(ReviewProcesses.CORRECTED_FACTS, changed);
		if (changed) {
			execution.setVariable(ReviewProcesses.REVIEW_BODIES, routing.everyBodyOf(applicationId));
		}
	}

}
