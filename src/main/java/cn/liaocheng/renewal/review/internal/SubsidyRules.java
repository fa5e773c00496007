package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Amounts the policy tables give: the subsidy (rate × eligible equipment amount, capped per project), whether an
 * expert review is needed, and the interest subsidy of a granted loan. The figures are in the DMN tables.
 */
@Component
class SubsidyRules {

	private final DecisionService decisions;

	SubsidyRules(DecisionService decisions) {
		this.decisions = decisions;
	}

	BigDecimal subsidy(Integer policyTask, String equipmentOrigin, BigDecimal equipmentAmount) {
		DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(ReviewProcesses.SUBSIDY_AMOUNT_TABLE,
				Variables.createVariables().putValue("policyTask", policyTask).putValue("equipmentOrigin", equipmentOrigin))
			.getSingleResult();
		if (row == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal rate = decimal(row.get("rate"));
		BigDecimal cap = decimal(row.get("cap"));
		BigDecimal amount = equipmentAmount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
		return amount.min(cap.setScale(2, RoundingMode.HALF_UP));
	}

	boolean needsExpertReview(BigDecimal subsidyAmount) {
		DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(ReviewProcesses.EXPERT_REVIEW_TABLE,
				Variables.createVariables().putValue("subsidyAmount", subsidyAmount.doubleValue()))
			.getSingleResult();
		return row != null && Boolean.TRUE.equals(row.get("expertReview"));
	}

	/** The fiscal interest subsidy: loan × points% × years, capped; zero when the table gives none. */
	BigDecimal interestSubsidy(BigDecimal loanAmount, boolean usedRelending) {
		Map<String, Object> row = decisions.evaluateDecisionTableByKey(ReviewProcesses.INTEREST_SUBSIDY_TABLE,
				Variables.createVariables().putValue("loanAmount", loanAmount.doubleValue()).putValue("usedRelending", usedRelending))
			.getSingleResult();
		if (row == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal points = decimal(row.get("points"));
		BigDecimal years = decimal(row.get("years"));
		BigDecimal amount = loanAmount.multiply(points).multiply(years).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		return amount.min(decimal(row.get("cap")).setScale(2, RoundingMode.HALF_UP));
	}

	private static BigDecimal decimal(Object value) {
		return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}

}
