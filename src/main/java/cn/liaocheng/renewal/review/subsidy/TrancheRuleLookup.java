package cn.liaocheng.renewal.review.subsidy;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.review.TrancheRules;
import cn.liaocheng.renewal.review.directory.Directory;

/**
 * The loan's facts as its grant recorded them, and whether its bank lends re-lending (as
 * {@link ComputeInterestSubsidyDelegate} asks it), put to {@link SubsidyRules} for a
 * tranche's day.
 */
@Component
class TrancheRuleLookup implements TrancheRules {

	private final ApplicationStages stages;

	private final SubsidyRules rules;

	private final Directory directory;

	TrancheRuleLookup(ApplicationStages stages, SubsidyRules rules, Directory directory) {
		this.stages = stages;
		this.rules = rules;
		this.directory = directory;
	}

	@Override
	public TrancheRule ruleFor(long applicationId, LocalDate disbursedOn) {
		Outcomes o = stages.facts(applicationId).outcomes();
		return rules.trancheRule(LoanGrant.of(o), directory.isRelendingBank(o.grantedBankKey()), disbursedOn);
	}

}
