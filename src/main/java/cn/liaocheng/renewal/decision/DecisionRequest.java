package cn.liaocheng.renewal.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a decision states. The caller (the process that ends an application) gathers the facts; the decision module
 * keeps them as issued, so a later change to the application does not change a decision already signed.
 *
 * @param applicationId the application the decision ends; with the type's stage, the idempotency key
 * @param issuingBody key of the deciding city body, e.g. {@code industry}, {@code finance}, {@code pboc}
 * @param addressee whom the document is addressed to (主送), usually the enterprise
 * @param lender the bank of a loan decision, otherwise {@code null}
 * @param reasons the reasons of an adverse decision (required for refusals and lapses)
 * @param decisionDate the date the document bears; {@code null} means today in China
 */
public record DecisionRequest(long applicationId, String issuingBody, DecisionType type, String enterpriseName,
		String creditCode, String addressee, String projectName, String referenceNo, Amounts amounts, String lender,
		List<Opinion> opinions, List<String> reasons, LocalDate decisionDate) {

	public DecisionRequest {
		Objects.requireNonNull(issuingBody, "issuingBody");
		Objects.requireNonNull(type, "type");
		amounts = amounts == null ? Amounts.NONE : amounts;
		opinions = opinions == null ? List.of() : List.copyOf(opinions);
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}

	/**
	 * Sums in yuan and loan terms; every field is optional and printed only when present.
	 *
	 * @param loanRatePercent the annual rate in percent, e.g. {@code 3.10}
	 */
	public record Amounts(BigDecimal totalInvestment, BigDecimal equipmentInvestment, BigDecimal subsidy,
			BigDecimal loanAmount, BigDecimal loanRatePercent, Integer loanTermMonths, BigDecimal interestSubsidy) {

		public static final Amounts NONE = new Amounts(null, null, null, null, null, null, null);

	}

	/** One reviewing body's opinion, as summarised in the decision. */
	public record Opinion(String body, String reviewer, LocalDate date, String conclusion, String text) {
	}

}
