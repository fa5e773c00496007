package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Outcomes;

/** Task_ComputeInterestSubsidy: the fiscal interest subsidy the table gives for the granted loan. */
@Component("computeInterestSubsidyDelegate")
class ComputeInterestSubsidyDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final SubsidyRules rules;

	ComputeInterestSubsidyDelegate(ApplicationStages stages, SubsidyRules rules) {
		this.stages = stages;
		this.rules = rules;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		Outcomes outcomes = stages.facts(applicationId).outcomes();
		BigDecimal subsidy = rules.interestSubsidy(outcomes.grantedAmount(), Boolean.TRUE.equals(outcomes.usedRelending()));
		stages.recordInterestSubsidy(applicationId, subsidy);
		execution.setVariable("interestSubsidy", subsidy.toPlainString());
	}

}
