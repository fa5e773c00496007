package cn.liaocheng.renewal.review.subsidy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.engine.People;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;
import cn.liaocheng.renewal.review.tables.CaseTables;

/**
 * Task_ComputeSubsidy: the subsidy of the claim as its dossier stands now
 * ({@link SubsidyCalculator}), recorded on the application, and whether it goes to expert
 * review.
 */
@Component("computeSubsidyDelegate")
class ComputeSubsidyDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final SubsidyCalculator calculator;

	private final SubsidyRules rules;

	private final CaseTables tables;

	ComputeSubsidyDelegate(ApplicationStages stages, SubsidyCalculator calculator, SubsidyRules rules,
			CaseTables tables) {
		this.stages = stages;
		this.calculator = calculator;
		this.rules = rules;
		this.tables = tables;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		SubsidyCalculator.Calculation calculation = calculator.forClaim(stages.facts(applicationId))
			.orElseThrow(() -> new IllegalStateException("application " + applicationId + " is no subsidy claim"));
		stages.recordSubsidyAmount(applicationId, calculation.amount());
		// What rate, cap and table version gave it, kept with the case: the table may be
		// edited later.
		stages.note(applicationId, "system", People.SYSTEM_NAME, ApplicationEvent.SUBSIDY_COMPUTED,
				calculation.basis());
		// Shown on the allocation's and payment's forms, never read: 1,250,000.00.
		execution.setVariable(ReviewProcesses.SUBSIDY_AMOUNT, Money.yuan(calculation.amount()));
		// By the expert-review table in force, whose version the decision's grounds will
		// read again (CaseTables).
		execution.setVariable(ReviewProcesses.EXPERT_REVIEW, rules.needsExpertReview(calculation.amount(),
				tables.forStep(applicationId, ReviewProcesses.EXPERT_REVIEW_TABLE)));
	}

}
