package cn.liaocheng.renewal.review.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * What the policy tables (DMN, administrators' data) say: the subsidy rate and cap of a
 * policy task, whether a subsidy needs expert review, and the national interest-subsidy
 * rule in force on a loan's date. Arithmetic on these figures lives with their callers
 * ({@link SubsidyCalculator}, {@link #interestSubsidy}).
 */
@Component
public class SubsidyRules {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

	private static final DateTimeFormatter DAY_NUMBER = DateTimeFormatter.BASIC_ISO_DATE;

	private final DecisionService decisions;

	SubsidyRules(DecisionService decisions) {
		this.decisions = decisions;
	}

	/**
	 * The subsidy rate and per-project cap of a policy task; zero when the table has no
	 * row for it.
	 */
	Rate rate(Integer policyTask) {
		DmnDecisionRuleResult row = decisions
			.evaluateDecisionTableByKey(ReviewProcesses.SUBSIDY_AMOUNT_TABLE,
					Variables.createVariables().putValue("policyTask", policyTask))
			.getSingleResult();
		return row == null ? new Rate(BigDecimal.ZERO, BigDecimal.ZERO)
				: new Rate(decimal(row.get("rate")), decimal(row.get("cap")).setScale(2, RoundingMode.HALF_UP));
	}

	boolean needsExpertReview(BigDecimal subsidyAmount) {
		DmnDecisionRuleResult row = decisions
			.evaluateDecisionTableByKey(ReviewProcesses.EXPERT_REVIEW_TABLE,
					Variables.createVariables().putValue("subsidyAmount", subsidyAmount.doubleValue()))
			.getSingleResult();
		return row != null && Boolean.TRUE.equals(row.get("expertReview"));
	}

	/**
	 * The national interest subsidy of a granted loan under the rule in force on its
	 * disbursement date: granted amount × points a year × min(term, the rule's longest
	 * period) / 12 months, capped.
	 */
	public InterestSubsidy interestSubsidy(LoanGrant grant, boolean relendingBank) {
		Map<String, Object> row = decisions
			.evaluateDecisionTableByKey(ReviewProcesses.INTEREST_SUBSIDY_TABLE,
					Variables.createVariables()
						.putValue("loanDate", Integer.parseInt(DAY_NUMBER.format(grant.grantDate())))
						.putValue("usedRelending", grant.usedRelending())
						.putValue("relendingBank", relendingBank)
						.putValue("loanType", grant.type().name()))
			.getSingleResult();
		BigDecimal points = row == null ? BigDecimal.ZERO : decimal(row.get("points"));
		int maxMonths = row == null || row.get("maxMonths") == null ? 0 : ((Number) row.get("maxMonths")).intValue();
		String basis = row == null || row.get("basis") == null ? "" : row.get("basis").toString();
		int months = Math.min(grant.termMonths(), maxMonths);
		BigDecimal amount = grant.amount()
			.multiply(points)
			.multiply(BigDecimal.valueOf(months))
			.divide(HUNDRED.multiply(TWELVE), 2, RoundingMode.HALF_UP);
		BigDecimal cap = row == null ? BigDecimal.ZERO : decimal(row.get("cap")).setScale(2, RoundingMode.HALF_UP);
		return new InterestSubsidy(amount.min(cap), points, months, cap, basis, grant.grantDate());
	}

	private static BigDecimal decimal(Object value) {
		return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}

	/**
	 * A policy task's subsidy rate (a fraction, e.g. 0.10) and per-project cap in yuan.
	 */
	record Rate(BigDecimal rate, BigDecimal cap) {
	}

	/**
	 * The interest subsidy, the rule's points a year, the months it covers, its cap and
	 * the national notice it rests on.
	 */
	public record InterestSubsidy(BigDecimal amount, BigDecimal points, int months, BigDecimal cap, String basis,
			LocalDate loanDate) {

		boolean granted() {
			return amount.signum() > 0;
		}

	}

}
