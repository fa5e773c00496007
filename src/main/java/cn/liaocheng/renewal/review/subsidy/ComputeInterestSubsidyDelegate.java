package cn.liaocheng.renewal.review.subsidy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_ComputeInterestSubsidy: the national interest subsidy of the granted loan under
 * the rule in force on its disbursement date, from what the bank reported (amount, term,
 * date, kind, re-lending) and whether the bank is a re-lending institution, recorded with
 * its grounds for the city finance bureau's review (Task_FinanceInterestReview).
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
		Outcomes o = stages.facts(applicationId).outcomes();
		stages.recordInterestSubsidy(applicationId,
				rules.assess(LoanGrant.of(o), directory.isRelendingBank(o.grantedBankKey())));
	}

}
