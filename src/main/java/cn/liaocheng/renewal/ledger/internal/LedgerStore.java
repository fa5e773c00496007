package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.ledger.LedgerTotals;
import cn.liaocheng.renewal.operations.LikePatterns;

/**
 * The {@code loan_event} and {@code subsidy_ledger} tables. Two reads touch the
 * {@code application} table, which the application module owns: the list of granted loans
 * by bank, and the row lock that orders a loan's recordings and accruals on every node.
 */
@Repository
class LedgerStore implements LedgerTotals {

	private static final String EVENT_COLUMNS = """
			SELECT id, event_type, event_date, amount, contract_no, note, recorded_by, recorded_at FROM loan_event""";

	private static final String ROW_COLUMNS = """
			SELECT id, application_id, period_label, period_start, period_end, balance_basis, subsidy_days, points,
			       amount, status, accrued_at, approved_by, approved_at, paid_on, voucher_no, paid_by,
			       notice_decision_id
			FROM subsidy_ledger""";

	private static final String SHARE_COLUMNS = """
			SELECT ledger_id, disbursed_on, balance_basis, subsidy_days, points, months, basis, finding, pending
			FROM subsidy_ledger_share""";

	private final JdbcClient jdbc;

	LedgerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Granted loans (the enterprise accepted the bank's grant) of the given banks, or of
	 * all banks ({@code null}), newest first: {@code limit} from {@code offset};
	 * {@code waiting}: only those with a period waiting for the finance bureau (to
	 * approve or to pay); {@code text}, when not blank: only those whose reference
	 * number, or whose enterprise's name or credit code, contains it.
	 */
	List<Long> grantedLoans(List<String> bankKeys, boolean waiting, String text, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		return jdbc
			.sql("SELECT id FROM application WHERE " + where(bankKeys, waiting, text, params)
					+ " ORDER BY id DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit)
					+ " ROWS ONLY")
			.params(params)
			.query(Long.class)
			.list();
	}

	long countGrantedLoans(List<String> bankKeys, boolean waiting, String text) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE " + where(bankKeys, waiting, text, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/** The condition of {@link #grantedLoans}, its parameters added to {@code params}. */
	private static String where(List<String> bankKeys, boolean waiting, String text, List<Object> params) {
		StringBuilder where = new StringBuilder(grantedTo(bankKeys)).append(waiting ? WAITING : "");
		if (bankKeys != null) {
			params.addAll(bankKeys);
		}
		if (text != null && !text.isBlank()) {
			String like = LikePatterns.containing(text.strip().toUpperCase(Locale.ROOT));
			where.append(" AND (UPPER(reference_no) LIKE ? ESCAPE '\\' OR enterprise_id IN (SELECT id FROM enterprise")
				.append(" WHERE UPPER(name) LIKE ? ESCAPE '\\' OR UPPER(credit_code) LIKE ? ESCAPE '\\'))");
			params.addAll(List.of(like, like, like));
		}
		return where.toString();
	}

	/** The granted bank and amount of each loan, in one query. */
	Map<Long, GrantedTerms> grantedTerms(List<Long> applicationIds) {
		if (applicationIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, GrantedTerms> terms = new HashMap<>();
		jdbc.sql("SELECT id, granted_bank_key, granted_amount FROM application WHERE id IN ("
				+ String.join(", ", applicationIds.stream().map(id -> "?").toList()) + ")")
			.params(List.copyOf(applicationIds))
			.query((rs, n) -> terms.put(rs.getLong(1), new GrantedTerms(rs.getString(2), rs.getBigDecimal(3))))
			.list();
		return terms;
	}

	/** A loan's lender (by bank key) and the amount it granted. */
	record GrantedTerms(String bankKey, BigDecimal amount) {
	}

	private static final String WAITING = " AND EXISTS (SELECT 1 FROM subsidy_ledger l WHERE l.application_id = application.id"
			+ " AND l.status IN ('ACCRUED', 'APPROVED'))";

	/**
	 * The periods of each loan waiting for the finance bureau, by status (已计提: to
	 * approve; 已审核: to pay), in one query; loans without any are left out.
	 */
	Map<Long, Map<LedgerStatus, Integer>> waiting(List<Long> applicationIds) {
		Map<Long, Map<LedgerStatus, Integer>> waiting = new HashMap<>();
		if (applicationIds.isEmpty()) {
			return waiting;
		}
		jdbc.sql("""
				SELECT application_id, status, COUNT(*) FROM subsidy_ledger
				WHERE application_id IN (:ids) AND status IN ('ACCRUED', 'APPROVED')
				GROUP BY application_id, status""").param("ids", applicationIds).query(rs -> {
			waiting.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(LedgerStatus.class))
				.put(LedgerStatus.valueOf(rs.getString(2)), rs.getInt(3));
		});
		return waiting;
	}

	/** The condition on the application's row, one parameter per bank. */
	private static String grantedTo(List<String> bankKeys) {
		String loans = "kind = 'LOAN' AND granted_bank_key IS NOT NULL";
		if (bankKeys == null) {
			return loans;
		}
		if (bankKeys.isEmpty()) {
			return loans + " AND 1 = 0";
		}
		return loans + " AND granted_bank_key IN (" + String.join(", ", bankKeys.stream().map(k -> "?").toList()) + ")";
	}

	/**
	 * Serialises recordings and accruals of one loan across the cluster, in the caller's
	 * transaction.
	 */
	void lock(long applicationId) {
		jdbc.sql("SELECT id FROM application WHERE id = ? FOR UPDATE")
			.param(applicationId)
			.query(Long.class)
			.optional();
	}

	List<LoanEvent> events(long applicationId) {
		return jdbc.sql(EVENT_COLUMNS + " WHERE application_id = ? ORDER BY event_date, id")
			.param(applicationId)
			.query(LedgerStore::event)
			.list();
	}

	/** The entry the request with this key recorded, if one did. */
	Optional<LoanEvent> eventRecordedWith(long applicationId, String recordKey) {
		return jdbc.sql(EVENT_COLUMNS + " WHERE application_id = ? AND record_key = ?")
			.params(applicationId, recordKey)
			.query(LedgerStore::event)
			.optional();
	}

	long insertEvent(long applicationId, String bankKey, LoanEventType type, LocalDate date, BigDecimal amount,
			String contractNo, String note, String user, String recordKey) {
		jdbc.sql("""
				INSERT INTO loan_event (application_id, bank_key, event_type, event_date, amount, contract_no, note,
				    recorded_by, recorded_at, record_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, bankKey, type.name(), Date.valueOf(date), amount, contractNo, note, user,
					Timestamp.from(Instant.now()), recordKey)
			.update();
		return jdbc.sql("SELECT MAX(id) FROM loan_event WHERE application_id = ?")
			.param(applicationId)
			.query(Long.class)
			.single();
	}

	/** Loans with a disbursement whose subsidy may still accrue. */
	List<Long> disbursedLoans() {
		return jdbc.sql(
				"SELECT DISTINCT application_id FROM loan_event WHERE event_type = 'DISBURSEMENT' ORDER BY application_id")
			.query(Long.class)
			.list();
	}

	List<LedgerRow> rows(long applicationId) {
		List<LedgerRow> rows = jdbc.sql(ROW_COLUMNS + " WHERE application_id = ? ORDER BY period_start")
			.param(applicationId)
			.query(LedgerStore::row)
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<LedgerRow.Share>> shares = new HashMap<>();
		jdbc.sql(SHARE_COLUMNS + """
				 WHERE ledger_id IN (SELECT id FROM subsidy_ledger WHERE application_id = ?)
				ORDER BY ledger_id, disbursed_on""")
			.param(applicationId)
			.query((rs, n) -> Map.entry(rs.getLong(1), share(rs)))
			.list()
			.forEach(e -> shares.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream().map(r -> withShares(r, shares.get(r.id()))).toList();
	}

	Optional<LedgerRow> row(long applicationId, long rowId) {
		return jdbc.sql(ROW_COLUMNS + " WHERE application_id = ? AND id = ?")
			.params(applicationId, rowId)
			.query(LedgerStore::row)
			.optional()
			.map(r -> withShares(r,
					jdbc.sql(SHARE_COLUMNS + " WHERE ledger_id = ? ORDER BY disbursed_on")
						.param(r.id())
						.query((rs, n) -> share(rs))
						.list()));
	}

	/**
	 * The rule each disbursement day of the loan was first accrued under, from the
	 * earliest period whose share of that day fixed one (a pending share fixes nothing).
	 */
	Map<LocalDate, Accrual.Rule> keptRules(long applicationId) {
		Map<LocalDate, Accrual.Rule> kept = new HashMap<>();
		jdbc.sql("""
				SELECT s.ledger_id, s.disbursed_on, s.balance_basis, s.subsidy_days, s.points, s.months, s.basis,
				       s.finding, s.pending
				FROM subsidy_ledger_share s JOIN subsidy_ledger l ON l.id = s.ledger_id
				WHERE l.application_id = ? AND s.pending = FALSE
				ORDER BY l.period_start""")
			.param(applicationId)
			.query((rs, n) -> share(rs))
			.list()
			.forEach(s -> kept.putIfAbsent(s.disbursedOn(), s.rule()));
		return kept;
	}

	/**
	 * The last day of the loan's latest period written before the ledger kept periods by
	 * disbursement day (a period without shares), or empty when there is none: the
	 * tranches paid out by then accrued under the decided rule.
	 */
	Optional<LocalDate> lastPeriodWithoutShares(long applicationId) {
		List<LocalDate> ends = jdbc
			.sql("""
					SELECT MAX(period_end) FROM subsidy_ledger l
					WHERE application_id = ? AND NOT EXISTS (SELECT 1 FROM subsidy_ledger_share s WHERE s.ledger_id = l.id)""")
			.param(applicationId)
			.query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
			.list();
		return ends.isEmpty() ? Optional.empty() : Optional.ofNullable(ends.get(0));
	}

	/**
	 * Writes the period and its shares unless a row for it exists; true when written.
	 */
	boolean insertPeriod(long applicationId, String divisionCode, String bankKey, Accrual.Period p) {
		boolean written = jdbc.sql("""
				INSERT INTO subsidy_ledger (application_id, division_code, bank_key, period_start, period_end,
				    period_label, balance_basis, subsidy_days, points, amount, status, accrued_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACCRUED', ?
				WHERE NOT EXISTS (SELECT 1 FROM subsidy_ledger WHERE application_id = ? AND period_start = ?)""")
			.params(applicationId, divisionCode, bankKey, Date.valueOf(p.start()), Date.valueOf(p.end()), p.label(),
					p.balanceBasis(), p.days(), p.points(), p.amount(), Timestamp.from(Instant.now()), applicationId,
					Date.valueOf(p.start()))
			.update() == 1;
		if (!written) {
			return false;
		}
		long id = jdbc.sql("SELECT id FROM subsidy_ledger WHERE application_id = ? AND period_start = ?")
			.params(applicationId, Date.valueOf(p.start()))
			.query(Long.class)
			.single();
		for (LedgerRow.Share s : p.shares()) {
			jdbc.sql("""
					INSERT INTO subsidy_ledger_share (ledger_id, disbursed_on, balance_basis, subsidy_days, points,
					    months, basis, finding, pending)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, Date.valueOf(s.disbursedOn()), s.balanceBasis(), s.days(), s.points(), s.months(),
						s.basis(), s.finding(), s.pending())
				.update();
		}
		return true;
	}

	/**
	 * Removes accrued (not approved) periods and their shares so that the next accrual
	 * computes them again; false, removing nothing, when any of them is no longer only
	 * accrued (the finance bureau approved it meanwhile).
	 */
	boolean reopen(long applicationId, List<LedgerRow> rows) {
		for (LedgerRow row : rows) {
			jdbc.sql("""
					DELETE FROM subsidy_ledger_share WHERE ledger_id = ?
					AND EXISTS (SELECT 1 FROM subsidy_ledger WHERE id = ? AND status = 'ACCRUED')""")
				.params(row.id(), row.id())
				.update();
			int removed = jdbc
				.sql("DELETE FROM subsidy_ledger WHERE id = ? AND application_id = ? AND status = 'ACCRUED'")
				.params(row.id(), applicationId)
				.update();
			if (removed != 1) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Moves a row on from {@code from}; false when it was not in that status (someone
	 * else moved it first).
	 */
	boolean approve(long rowId, String user) {
		return jdbc.sql("""
				UPDATE subsidy_ledger SET status = 'APPROVED', approved_by = ?, approved_at = ?
				WHERE id = ? AND status = 'ACCRUED'""")
			.params(user, Timestamp.from(Instant.now()), rowId)
			.update() == 1;
	}

	boolean pay(long rowId, LocalDate paidOn, String voucherNo, String user) {
		return jdbc.sql("""
				UPDATE subsidy_ledger SET status = 'PAID', paid_on = ?, voucher_no = ?, paid_by = ?, paid_at = ?
				WHERE id = ? AND status = 'APPROVED'""")
			.params(Date.valueOf(paidOn), voucherNo, user, Timestamp.from(Instant.now()), rowId)
			.update() == 1;
	}

	/**
	 * The loan whose interest-subsidy payment holds this voucher (V148); empty if none.
	 */
	Optional<Long> voucherHolder(String voucherKey) {
		return jdbc.sql("SELECT application_id FROM subsidy_ledger_voucher WHERE voucher_key = ?")
			.param(voucherKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * The voucher, for this loan: a {@code DuplicateKeyException} when another payment
	 * took it meanwhile.
	 */
	void holdVoucher(String voucherKey, long applicationId) {
		jdbc.sql("INSERT INTO subsidy_ledger_voucher (voucher_key, application_id) VALUES (?, ?)")
			.params(voucherKey, applicationId)
			.update();
	}

	void notice(long rowId, long decisionId) {
		jdbc.sql("UPDATE subsidy_ledger SET notice_decision_id = ? WHERE id = ?").params(decisionId, rowId).update();
	}

	@Override
	public List<MonthTotal> byCountyAndMonth(YearMonth from, YearMonth to) {
		return jdbc.sql("""
				SELECT division_code, EXTRACT(YEAR FROM period_end) AS y, EXTRACT(MONTH FROM period_end) AS m,
				       SUM(amount),
				       SUM(CASE WHEN status IN ('APPROVED', 'PAID') THEN amount ELSE 0 END),
				       SUM(CASE WHEN status = 'PAID' THEN amount ELSE 0 END),
				       COUNT(DISTINCT application_id)
				FROM subsidy_ledger
				WHERE period_end BETWEEN ? AND ?
				GROUP BY division_code, EXTRACT(YEAR FROM period_end), EXTRACT(MONTH FROM period_end)
				ORDER BY y, m, division_code""")
			.params(Date.valueOf(from.atDay(1)), Date.valueOf(to.atEndOfMonth()))
			.query((rs, n) -> new MonthTotal(rs.getString(1), YearMonth.of(rs.getInt(2), rs.getInt(3)),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)))
			.list();
	}

	private static LoanEvent event(ResultSet rs, int n) throws SQLException {
		return new LoanEvent(rs.getLong(1), LoanEventType.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
				rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

	private static LedgerRow withShares(LedgerRow r, List<LedgerRow.Share> shares) {
		return new LedgerRow(r.id(), r.applicationId(), r.periodLabel(), r.periodStart(), r.periodEnd(),
				r.balanceBasis(), r.days(), r.points(), r.amount(), r.status(), r.accruedAt(), r.approvedBy(),
				r.approvedAt(), r.paidOn(), r.voucherNo(), r.paidBy(), r.noticeDecisionId(), shares);
	}

	private static LedgerRow.Share share(ResultSet rs) throws SQLException {
		return new LedgerRow.Share(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getInt(4), rs.getBigDecimal(5),
				rs.getInt(6), rs.getString(7), rs.getString(8), rs.getBoolean(9));
	}

	private static LedgerRow row(ResultSet rs, int n) throws SQLException {
		Timestamp approvedAt = rs.getTimestamp(13);
		Date paidOn = rs.getDate(14);
		long notice = rs.getLong(17);
		boolean noNotice = rs.wasNull();
		return new LedgerRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getDate(5).toLocalDate(), rs.getBigDecimal(6), rs.getInt(7), rs.getBigDecimal(8),
				rs.getBigDecimal(9), LedgerStatus.valueOf(rs.getString(10)), rs.getTimestamp(11).toInstant(),
				rs.getString(12), approvedAt == null ? null : approvedAt.toInstant(),
				paidOn == null ? null : paidOn.toLocalDate(), rs.getString(15), rs.getString(16),
				noNotice ? null : notice, List.of());
	}

}
