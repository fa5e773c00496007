package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
	 * The rate of the period as the ledger's pages state it: one rate, or one line per
	 * tranche when the tranches were paid out under different rules or one of them gets
	 * nothing.
	 */
	public List<String> rateLines() {
		if (points != null && shares.stream().allMatch(Share::subsidised)) {
			return List.of(Share.points(points));
		}
		return shares.stream().map(Share::line).toList();
	}

	/**
	 * The part of a period that stems from the principal paid out on one day: the sum of
	 * its daily balances on the days it counted and the points it accrued at; zero
	 * points, with why ({@code finding}, e.g. 不在贴息政策期限内), for a tranche no rule
	 * subsidises.
	 *
	 * @param basis the national notices of the rule the tranche accrued under
	 */
	public record Share(LocalDate disbursedOn, BigDecimal balanceBasis, int days, BigDecimal points, String basis,
			String finding) {

		public boolean subsidised() {
			return points.signum() > 0;
		}

		/**
		 * "2024-09-01 放款：1.5 个百分点/年", or "该笔放款于2027-01-15发放，不在贴息政策期限内，不计贴息".
		 */
		public String line() {
			return subsidised() ? disbursedOn + " 放款：" + points(points)
					: new Accrual.Rule(BigDecimal.ZERO, 0, null, finding).nothingFor(disbursedOn.toString());
		}

		static String points(BigDecimal points) {
			return points.stripTrailingZeros().toPlainString() + " 个百分点/年";
		}

	}

}
