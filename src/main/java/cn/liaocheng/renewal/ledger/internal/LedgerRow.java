package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One period of a loan's interest-subsidy ledger; who approved and paid it stays in the
 * records and the audit trail, not in answers to banks.
 *
 * @param balanceBasis the sum of the daily balances of the subsidised tranches
 * @param points the rate of the period when all its subsidised tranches share one,
 * {@code null} when tranches paid out under different rules accrued at different rates
 * @param shares the period by disbursement day, each at the rate of the rule in force on
 * its day; empty for periods accrued before the ledger kept them
 */
public record LedgerRow(long id, long applicationId, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
		BigDecimal balanceBasis, int days, BigDecimal points, BigDecimal amount, LedgerStatus status, Instant accruedAt,
		@JsonIgnore String approvedBy, Instant approvedAt, LocalDate paidOn, String voucherNo,
		@JsonIgnore String paidBy, Long noticeDecisionId, List<Share> shares) {

	public LedgerRow {
		shares = shares == null ? List.of() : List.copyOf(shares);
	}

	/**
	 * The rate of the period as the ledger's pages state it: one rate when every tranche
	 * accrued under the rule the loan's interest-subsidy decision states, otherwise one
	 * line per tranche ({@link #byTranche}).
	 */
	public List<String> rateLines(GrantedLoan loan) {
		if (!byTranche(loan.terms())) {
			return List.of(points == null ? "-" : Share.points(points));
		}
		return shares.stream().map(Share::line).toList();
	}

	/**
	 * Whether the period must be stated tranche by tranche: a tranche accrued at another
	 * rate or under other notices than the decided rule, or gets nothing. A period of one
	 * rate that is not the decided one is stated by tranche too, so that the reader sees
	 * which disbursement and which notices it rests on.
	 */
	boolean byTranche(Accrual.Terms decided) {
		if (shares.isEmpty()) {
			return false;
		}
		if (points == null) {
			return true;
		}
		String decidedBasis = blankIsNull(decided.basis());
		return shares.stream()
			.anyMatch(s -> !s.subsidised() || s.points().compareTo(decided.points()) != 0
					|| !Objects.equals(blankIsNull(s.basis()), decidedBasis));
	}

	private static String blankIsNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/**
	 * The part of a period that stems from the principal paid out on one day: the sum of
	 * its daily balances on the days it counted and the points it accrued at; zero
	 * points, with why ({@code finding}, e.g. 不在贴息政策期限内), for a tranche no rule
	 * subsidises.
	 *
	 * @param months how long that rule subsidises the tranche from its own day
	 * @param basis the national notices of the rule the tranche accrued under
	 * @param pending the tranche was paid out after the last rule known: it gets nothing
	 * for now and its rule is asked again in later periods
	 */
	public record Share(LocalDate disbursedOn, BigDecimal balanceBasis, int days, BigDecimal points, int months,
			String basis, String finding, @JsonIgnore boolean pending) {

		/** The rule the tranche accrued under in this period. */
		Accrual.Rule rule() {
			return new Accrual.Rule(points, months, basis, finding, pending);
		}

		public boolean subsidised() {
			return points.signum() > 0;
		}

		/**
		 * "2024-09-01 放款：1.5 个百分点/年", or "该笔放款于2027-01-15发放，不在贴息政策期限内，不计贴息".
		 */
		public String line() {
			return subsidised() ? disbursedOn + " 放款：" + points(points)
					: new Accrual.Rule(BigDecimal.ZERO, 0, null, finding, pending).nothingFor(disbursedOn.toString());
		}

		static String points(BigDecimal points) {
			return points.stripTrailingZeros().toPlainString() + " 个百分点/年";
		}

	}

}
