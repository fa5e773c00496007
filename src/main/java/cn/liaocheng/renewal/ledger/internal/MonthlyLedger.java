package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The monthly interest-subsidy ledger (月度台账) the national notices ask the finance
 * departments to keep: every loan's ledger period that ends in a month, with the
 * enterprise, the bank, the computation and where its payment stands. The city finance
 * bureau reads every loan; a bank's officers the loans their bank granted.
 */
@Component
public class MonthlyLedger {

	private final JdbcClient jdbc;

	private final OrganizationCatalog organizations;

	MonthlyLedger(JdbcClient jdbc, OrganizationCatalog organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** One loan's period in the month's ledger. */
	public record Line(long applicationId, String referenceNo, String enterpriseName, String projectName,
			String bankName, String periodLabel, LocalDate periodStart, LocalDate periodEnd, int days,
			BigDecimal balanceBasis, BigDecimal points, BigDecimal amount, LedgerStatus status, LocalDate paidOn,
			String voucherNo) {

		/**
		 * The rate as the ledger states it: one rate for the period, or, for a period
		 * whose tranches accrue by their own days' rules, by tranche (each on the loan's
		 * page).
		 */
		public String pointsText() {
			return points == null ? "按各笔放款分别适用" : points.stripTrailingZeros().toPlainString() + "个百分点/年";
		}

	}

	/**
	 * The month's ledger: its lines by reference number and period, and the totals of the
	 * month by where the payments stand.
	 *
	 * @param everyLoan whether it holds every loan (the finance bureau's), not one bank's
	 */
	public record Month(YearMonth month, boolean everyLoan, List<Line> lines, Map<LedgerStatus, BigDecimal> totals,
			BigDecimal total) {

		public BigDecimal totalOf(LedgerStatus status) {
			return totals.getOrDefault(status, BigDecimal.ZERO);
		}

	}

	/**
	 * Whether the user reads any month's ledger: the finance bureau, a bank's officers.
	 */
	public boolean readable(PortalUser user) {
		return LedgerAccess.seesLoans(user);
	}

	/**
	 * The periods ending in {@code month} of the loans the user sees (a quarter's period
	 * in the month that ends it); refused to anyone else.
	 */
	@Transactional(readOnly = true)
	public Month of(PortalUser user, YearMonth month) {
		if (!readable(user)) {
			throw new LedgerException(LedgerException.Reason.FORBIDDEN, null, "月度贴息台账仅供市财政局和发放设备更新贷款的银行查阅");
		}
		List<String> banks = LedgerAccess.isFinance(user) ? null : LedgerAccess.bankKeys(user);
		StringBuilder sql = new StringBuilder("""
				SELECT l.application_id, a.reference_no, e.name,
				       COALESCE(p.submitted_project_name, p.project_name, a.submitted_project_name, a.project_name),
				       l.bank_key, l.period_label,
				       l.period_start, l.period_end, l.subsidy_days, l.balance_basis, l.points, l.amount, l.status,
				       l.paid_on, l.voucher_no
				FROM subsidy_ledger l
				JOIN application a ON a.id = l.application_id
				JOIN enterprise e ON e.id = a.enterprise_id
				LEFT JOIN application p ON p.id = COALESCE(a.submitted_project_id, a.project_id)
				WHERE l.period_end BETWEEN :from AND :to""");
		if (banks != null) {
			sql.append(" AND l.bank_key IN (:banks)");
		}
		sql.append(" ORDER BY a.reference_no, l.period_start");
		JdbcClient.StatementSpec query = jdbc.sql(sql.toString())
			.param("from", Date.valueOf(month.atDay(1)))
			.param("to", Date.valueOf(month.atEndOfMonth()));
		if (banks != null) {
			query = query.param("banks", banks);
		}
		Map<String, String> bankNames = new HashMap<>();
		List<Line> lines = new ArrayList<>(query.query((rs, n) -> {
			Date paidOn = rs.getDate(14);
			String bankKey = rs.getString(5);
			return new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					bankNames.computeIfAbsent(bankKey, organizations::bankName), rs.getString(6),
					rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getInt(9), rs.getBigDecimal(10),
					rs.getBigDecimal(11), rs.getBigDecimal(12), LedgerStatus.valueOf(rs.getString(13)),
					paidOn == null ? null : paidOn.toLocalDate(), rs.getString(15));
		}).list());
		Map<LedgerStatus, BigDecimal> totals = new EnumMap<>(LedgerStatus.class);
		BigDecimal total = BigDecimal.ZERO;
		for (Line line : lines) {
			totals.merge(line.status(), line.amount(), BigDecimal::add);
			total = total.add(line.amount());
		}
		return new Month(month, banks == null, List.copyOf(lines), totals, total);
	}

}
