package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.SubsidyEstimates;

/** The subsidy the tables would give for a claim's invoiced equipment under its project's policy task. */
@Component
class SubsidyEstimator implements SubsidyEstimates {

	private final SubsidyRules rules;

	private final ApplicationStages stages;

	SubsidyEstimator(SubsidyRules rules, ApplicationStages stages) {
		this.rules = rules;
		this.stages = stages;
	}

	@Override
	public Optional<BigDecimal> estimate(ApplicationDetail claim) {
		Dossier d = claim.dossier();
		if (claim.summary().kind() != ApplicationKind.SUBSIDY || d.projectId() == null || d.equipment().isEmpty()) {
			return Optional.empty();
		}
		Integer policyTask = stages.facts(d.projectId()).dossier().policyTask();
		return Optional.of(rules.subsidy(policyTask, d.equipmentOrigin(), d.invoicedTotal()));
	}

}
