package cn.liaocheng.renewal.review.subsidy;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.SubsidyDossier;
import cn.liaocheng.renewal.application.SubsidyEstimates;

/**
 * The portal's estimate of a claim's subsidy: the same calculation the review will make.
 */
@Component
class SubsidyEstimator implements SubsidyEstimates {

	private final SubsidyCalculator calculator;

	private final ApplicationStages stages;

	SubsidyEstimator(SubsidyCalculator calculator, ApplicationStages stages) {
		this.calculator = calculator;
		this.stages = stages;
	}

	@Override
	public Optional<BigDecimal> estimate(ApplicationDetail claim) {
		// An estimate helps while the enterprise writes its claim (a draft, or returned
		// for correction); once submitted, the amount is the review's to determine, and
		// after the decision a figure from today's table could contradict it.
		if (!claim.summary().status().editable() || !(claim.dossier() instanceof SubsidyDossier subsidy)
				|| subsidy.equipment().isEmpty()) {
			return Optional.empty();
		}
		return stages.registeredProject(subsidy)
			.flatMap(project -> calculator.estimate(project.policyTask(), subsidy.equipment()))
			.map(SubsidyCalculator.Calculation::amount);
	}

}
