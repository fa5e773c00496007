package cn.liaocheng.renewal.review.subsidy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ReviewFacts;

/**
 * What a subsidy claim in review would be granted by the policy tables, for the
 * reviewers' case file before the amount is determined. The city finance bureau reviews
 * the amount in the joint review (DOMAIN: "amount computed by policy rules, joint
 * review"), and the process determines it only after the city has approved
 * ({@code Task_ComputeSubsidy}): until then the case file showed "尚未核定". The same
 * calculation the determination makes, on the dossier last submitted; a proposal, not the
 * amount.
 */
@Component
public class ProposedSubsidies {

	private static final Set<ApplicationStatus> IN_REVIEW = EnumSet.of(ApplicationStatus.COUNTY_REVIEW,
			ApplicationStatus.CITY_REVIEW, ApplicationStatus.CORRECTION);

	private final SubsidyCalculator calculator;

	ProposedSubsidies(SubsidyCalculator calculator) {
		this.calculator = calculator;
	}

	/** The proposed amount and how it was reached. */
	public record Proposal(BigDecimal amount, String basis) {
	}

	/**
	 * The proposal for a subsidy claim in review whose amount is not yet determined;
	 * empty otherwise (another kind, an amount determined, a case ended, a task without a
	 * rate in the table).
	 */
	public Optional<Proposal> of(ReviewFacts facts) {
		if (facts.kind() != ApplicationKind.SUBSIDY || !IN_REVIEW.contains(facts.status())
				|| facts.outcomes().subsidyAmount() != null) {
			return Optional.empty();
		}
		try {
			return calculator.forClaim(facts).map(c -> new Proposal(c.amount(), c.basis()));
		}
		catch (IllegalStateException noRate) {
			return Optional.empty();
		}
	}

}
