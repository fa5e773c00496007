package cn.liaocheng.renewal.review.subsidy;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On creating the city finance bureau's interest-subsidy review: what its form shows
 * ({@link InterestSubsidyReviewText}), from the case's recorded outcomes, kept on the
 * task itself.
 */
@Component("interestSubsidyReviewListener")
class InterestSubsidyReviewListener implements TaskListener {

	private final ApplicationStages stages;

	private final InterestSubsidyReviewText text;

	InterestSubsidyReviewListener(ApplicationStages stages, InterestSubsidyReviewText text) {
		this.stages = stages;
		this.text = text;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariablesLocal(text.fields(stages.facts(ReviewedApplication.of(task)).outcomes()));
	}

}
