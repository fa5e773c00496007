package cn.liaocheng.renewal.application;

import java.math.BigDecimal;

/**
 * The interest subsidy computed for the grant an enterprise accepted, as the city finance
 * bureau reviews it: the amount, the terms of the rule in force on the loan's date
 * (points a year, months covered, cap in yuan), the national notices that rule rests on,
 * and, when it gives nothing, why.
 *
 * @param basis the notices, or {@code null} when no rule was in force on the loan's date
 * @param finding why the loan gets nothing, or {@code null} when the amount is positive
 * @param byTranche no rule was in force on the loan's day (before the first rule, or
 * after the last one known): nothing is granted for that day, and each tranche follows
 * the rule in force on its own day, as the ledger accrues it
 */
public record InterestSubsidyAssessment(BigDecimal amount, BigDecimal points, int months, BigDecimal cap, String basis,
		String finding, boolean byTranche) {

	public InterestSubsidyAssessment(BigDecimal amount, BigDecimal points, int months, BigDecimal cap, String basis,
			String finding) {
		this(amount, points, months, cap, basis, finding, false);
	}

	public boolean grants() {
		return amount.signum() > 0;
	}

}
