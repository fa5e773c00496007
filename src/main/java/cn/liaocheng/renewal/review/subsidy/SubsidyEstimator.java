package cn.liaocheng.renewal.review.subsidy;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationStages;
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
		if (claim.dossier().projectId() == null || claim.dossier().equipment().isEmpty()) {
			return Optional.empty();
		}
		Integer policyTask = stages.facts(claim.dossier().projectId()).dossier().policyTask();
		return switch (claim.summary().kind()) {
			case SUBSIDY -> Optional.of(calculator.calculate(policyTask, claim.dossier().equipment()).amount());
			default -> Optional.empty();
		};
	}

}
