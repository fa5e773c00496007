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
 */
public record InterestSubsidyAssessment(BigDecimal amount, BigDecimal points, int months, BigDecimal cap, String basis,
		String finding) {

	public boolean grants() {
		return amount.signum() > 0;
	}

}
