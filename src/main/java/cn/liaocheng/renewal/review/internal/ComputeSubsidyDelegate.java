package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Task_ComputeSubsidy: the subsidy the tables give for the invoiced equipment, recorded on the application, and
 * whether it goes to expert review.
 */
@Component("computeSubsidyDelegate")
class ComputeSubsidyDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final SubsidyRules rules;

	ComputeSubsidyDelegate(ApplicationStages stages, SubsidyRules rules) {
		this.stages = stages;
		this.rules = rules;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		// The claim as it stands now, after any correction, and the policy task of the project it refers to.
		Dossier claim = stages.facts(applicationId).dossier();
		Integer policyTask = claim.projectId() == null ? null : stages.facts(claim.projectId()).dossier().policyTask();
		BigDecimal amount = rules.subsidy(policyTask, claim.equipmentOrigin(), claim.invoicedTotal());
		stages.recordSubsidyAmount(applicationId, amount);
		execution.setVariable(ReviewProcesses.SUBSIDY_AMOUNT, amount.toPlainString());
		execution.setVariable(ReviewProcesses.EXPERT_REVIEW, rules.needsExpertReview(amount));
	}

}
