package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.ReviewFacts;
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
		long applicationId = ((Number) execution.getVariable(ReviewProcesses.APPLICATION_ID)).longValue();
		ReviewFacts facts = stages.facts(applicationId);
		Integer policyTask = facts.dossier().projectId() == null ? null
				: stages.facts(facts.dossier().projectId()).dossier().policyTask();
		BigDecimal invoiced = facts.dossier().equipment().stream()
			.map(line -> line.invoiceAmount() != null ? line.invoiceAmount() : line.amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		String origin = (String) execution.getVariable("equipmentOrigin");
		BigDecimal amount = rules.subsidy(policyTask, origin == null ? originOf(facts.dossier()) : origin, invoiced);
		stages.recordSubsidyAmount(applicationId, amount);
		execution.setVariable(ReviewProcesses.SUBSIDY_AMOUNT, amount.toPlainString());
		execution.setVariable(ReviewProcesses.EXPERT_REVIEW, rules.needsExpertReview(amount));
	}

	private static String originOf(Dossier d) {
		long imported = d.equipment().stream().filter(l -> l.origin() == Dossier.Origin.IMPORTED).count();
		return imported == 0 ? "DOMESTIC" : imported == d.equipment().size() ? "IMPORTED" : "MIXED";
	}

}
