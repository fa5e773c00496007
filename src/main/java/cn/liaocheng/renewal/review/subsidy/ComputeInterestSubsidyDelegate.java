package cn.liaocheng.renewal.review.subsidy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_ComputeInterestSubsidy: the national interest subsidy of the granted loan under
 * the rule in force on its disbursement date, from what the bank reported (amount, term,
 * date, kind, re-lending) and whether the bank is a re-lending institution.
 */
@Component("computeInterestSubsidyDelegate")
class ComputeInterestSubsidyDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final SubsidyRules rules;

	private final Directory directory;

	ComputeInterestSubsidyDelegate(ApplicationStages stages, SubsidyRules rules, Directory directory) {
		this.stages = stages;
		this.rules = rules;
		this.directory = directory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		ReviewFacts facts = stages.facts(applicationId);
		Outcomes o = facts.outcomes();
		LoanGrant grant = new LoanGrant(o.grantedAmount(), o.grantedRate(), o.grantedTermMonths(), o.grantDate(),
				o.grantedLoanType() == null ? LoanGrant.LoanType.FIXED_ASSET : o.grantedLoanType(),
				Boolean.TRUE.equals(o.usedRelending()));
		SubsidyRules.InterestSubsidy subsidy = rules.interestSubsidy(grant,
				directory.isRelendingBank(o.grantedBankKey()));
		stages.recordInterestSubsidy(applicationId, subsidy.amount(), subsidy.points(), subsidy.months(),
				subsidy.cap());
		execution.setVariable("interestSubsidy", subsidy.amount().toPlainString());
	}

}
