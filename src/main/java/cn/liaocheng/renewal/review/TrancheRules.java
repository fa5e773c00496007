package cn.liaocheng.renewal.review;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The national interest-subsidy rule for principal of a granted loan paid out on a given
 * day. The notices subsidise principal "from the loan's disbursement date" and the dated
 * table is keyed on that date, so a tranche paid out after the loan's first day is
 * subsidised under the rule in force on its own day: at another rate after a change, or
 * not at all once no rule is in force.
 */
public interface TrancheRules {

	/**
	 * The rule for principal of the loan of {@code applicationId} paid out on
	 * {@code disbursedOn}, from the loan's facts as the bank reported them with its
	 * grant.
	 */
	TrancheRule ruleFor(long applicationId, LocalDate disbursedOn);

	/**
	 * @param points percentage points a year; zero when the tranche gets nothing
	 * @param months how long the tranche is subsidised from its own day at most
	 * @param basis the national notices the rule rests on, {@code null} when none
	 * @param finding why the tranche gets nothing, in Chinese (e.g. 不在贴息政策期限内), or
	 * {@code null} when it is subsidised
	 * @param pending the tranche was paid out after the last rule the table knows ended:
	 * it gets nothing for now, but a rule added or extended later may cover its day, so
	 * the rule must be asked again rather than kept
	 */
	record TrancheRule(BigDecimal points, int months, String basis, String finding, boolean pending) {

		/**
		 * Why a tranche paid out after the last rule the table knows gets nothing yet.
		 */
		public static final String NO_RULE_YET = "放款日暂无适用的贴息政策";

		public TrancheRule(BigDecimal points, int months, String basis, String finding) {
			this(points, months, basis, finding, false);
		}

		public boolean subsidises() {
			return points.signum() > 0 && months > 0;
		}

	}

}
