package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the review decided so far: amounts, the accepted bank's loan, the correction
 * deadline, and the interest subsidy with the terms of the rule that gave it (percentage
 * points a year, months covered, cap in yuan), the notices it rests on and, when it gives
 * nothing, why; {@code interestSubsidyByTranche}: no rule was in force on the loan's day,
 * and its tranches follow the rules of their own days
 * ({@link InterestSubsidyAssessment#byTranche()}); {@code interestSubsidyComputedAt}:
 * when it was last computed ({@code null} for loans computed before that was recorded).
 */
public record Outcomes(BigDecimal subsidyAmount, BigDecimal grantedAmount, BigDecimal grantedRate,
		Integer grantedTermMonths, LocalDate grantDate, Boolean usedRelending, LoanGrant.LoanType grantedLoanType,
		String grantedBankKey, BigDecimal interestSubsidyAmount, Instant correctionDeadline, Instant decidedAt,
		BigDecimal interestSubsidyPoints, Integer interestSubsidyMonths, BigDecimal interestSubsidyCap,
		String interestSubsidyBasis, String interestSubsidyFinding, boolean interestSubsidyByTranche,
		Instant interestSubsidyComputedAt) {

	/**
	 * Whether a correction with this deadline has lapsed at {@code now}: from the
	 * deadline on the case lapses, whether or not the engine's timer has run yet, and
	 * nothing done "during the correction" (an edit, a withdrawal, taking the return
	 * back) is done any more. The one place of that rule.
	 */
	public static boolean correctionLapsed(Instant correctionDeadline, Instant now) {
		return correctionDeadline != null && !now.isBefore(correctionDeadline);
	}

	/** {@link #correctionLapsed(Instant, Instant)} for this case's deadline. */
	public boolean correctionLapsedAt(Instant now) {
		return correctionLapsed(correctionDeadline, now);
	}

	/**
	 * The same without the interest subsidy: what a loan's page and API say while the
	 * city finance bureau has not decided it (the computation is the bureau's to review,
	 * not a result).
	 */
	public Outcomes withoutInterestSubsidy() {
		return new Outcomes(subsidyAmount, grantedAmount, grantedRate, grantedTermMonths, grantDate, usedRelending,
				grantedLoanType, grantedBankKey, null, correctionDeadline, decidedAt, null, null, null, null, null,
				false, null);
	}

	/**
	 * The same without the subsidy amount: what the enterprise's page and API say of a
	 * claim that ended without an award (refused, withdrawn, lapsed), whose computed
	 * amount was never granted and which its decision does not state.
	 */
	public Outcomes withoutSubsidy() {
		return new Outcomes(null, grantedAmount, grantedRate, grantedTermMonths, grantDate, usedRelending,
				grantedLoanType, grantedBankKey, interestSubsidyAmount, correctionDeadline, decidedAt,
				interestSubsidyPoints, interestSubsidyMonths, interestSubsidyCap, interestSubsidyBasis,
				interestSubsidyFinding, interestSubsidyByTranche, interestSubsidyComputedAt);
	}

}
