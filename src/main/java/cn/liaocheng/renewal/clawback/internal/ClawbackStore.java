package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.clawback.ClawbackRow;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;

/**
 * The {@code clawback}, {@code clawback_repayment} and {@code clawback_voucher} tables.
 */
@Component
class ClawbackStore {

	private static final String COLUMNS = """
			SELECT c.id, c.application_id, c.reference_no, c.enterprise_name, c.project_name, c.division_code, c.cause,
			       c.facts, c.started_at, c.status, c.allocated, c.amount, c.deadline, c.list_months,
			       c.repayment_account, c.decision_id, c.decision_number, c.repaid, c.enterprise_id, c.credit_code,
			       c.determination, c.determined_at, c.round_no
			FROM clawback c""";

	private final JdbcClient jdbc;

	ClawbackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A clawback row with what only the module needs besides the view.
	 *
	 * @param determinedAt when the city industry bureau determined the amount and the
	 * deadline, {@code null} before
	 */
	record Row(ClawbackView view, long enterpriseId, String creditCode, String determination, Instant determinedAt) {
	}

	/**
	 * A clawback to start.
	 *
	 * @param round which clawback of the case it is, from 1
	 */
	record NewClawback(long applicationId, int round, long enterpriseId, String divisionCode, String referenceNo,
			String enterpriseName, String creditCode, String projectName, BigDecimal allocated, ClawbackDue.Cause cause,
			String facts, String startedBy) {
	}

	long insert(NewClawback c) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clawback (application_id, round_no, enterprise_id, division_code, reference_no,
				    enterprise_name, credit_code, project_name, allocated, cause, facts, started_by, started_at, status,
				    prior_notice_required)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)""")
			.params(c.applicationId(), c.round(), c.enterpriseId(), c.divisionCode(), c.referenceNo(),
					c.enterpriseName(), c.creditCode(), c.projectName(), c.allocated(), c.cause().name(), c.facts(),
					c.startedBy(), Timestamp.from(Instant.now()), ClawbackStatus.DETERMINING.name())
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * The case's current clawback: its latest round (the earlier ones were all dropped,
	 * {@link Clawbacks#start}).
	 */
	Optional<Row> byApplication(long applicationId) {
		return one(COLUMNS + " WHERE c.application_id = ? ORDER BY c.round_no DESC FETCH FIRST 1 ROWS ONLY",
				applicationId);
	}

	/**
	 * Those of the cases whose current clawback (latest round) was not dropped, read in
	 * slices of at most 500 ids.
	 */
	Set<Long> notDropped(Collection<Long> applicationIds) {
		List<Long> ids = List.copyOf(new HashSet<>(applicationIds));
		Set<Long> found = new HashSet<>();
		for (int from = 0; from < ids.size(); from += 500) {
			found.addAll(jdbc
				.sql("""
						SELECT c.application_id FROM clawback c
						WHERE c.application_id IN (:ids) AND c.status <> 'DROPPED'
						  AND c.round_no = (SELECT max(l.round_no) FROM clawback l WHERE l.application_id = c.application_id)""")
				.param("ids", ids.subList(from, Math.min(from + 500, ids.size())))
				.query(Long.class)
				.list());
		}
		return found;
	}

	/**
	 * Each case's current clawback (its latest round), without its repayments, read in
	 * slices of at most 500 ids; a case without one is not in the map.
	 */
	Map<Long, ClawbackView> current(Collection<Long> applicationIds) {
		List<Long> ids = List.copyOf(new HashSet<>(applicationIds));
		Map<Long, ClawbackView> current = new HashMap<>();
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql(COLUMNS + " WHERE c.application_id IN (:ids) AND c.round_no = "
					+ "(SELECT max(l.round_no) FROM clawback l WHERE l.application_id = c.application_id)")
				.param("ids", ids.subList(from, Math.min(from + 500, ids.size())))
				.query(ClawbackStore::map)
				.list()
				.forEach(row -> current.put(row.view().applicationId(), row.view()));
		}
		return current;
	}

	/** Every clawback of the case, its first round first. */
	List<ClawbackView> rounds(long applicationId) {
		return jdbc.sql(COLUMNS + " WHERE c.application_id = ? ORDER BY c.round_no")
			.param(applicationId)
			.query(ClawbackStore::map)
			.list()
			.stream()
			.map(Row::view)
			.toList();
	}

	Optional<Row> byId(long id) {
		return one(COLUMNS + " WHERE c.id = ?", id);
	}

	/**
	 * Locks the row for a change that depends on its current state (a repayment, a status
	 * step).
	 */
	Optional<Row> lockByApplication(long applicationId) {
		ClawbackRow.hold(jdbc, applicationId);
		return byApplication(applicationId);
	}

	/**
	 * Newest first, each with its repayments (read in one query a slice), so that a list
	 * row says what awaits checking as the case's page does; {@code divisionCode} null
	 * for every county.
	 */
	List<ClawbackView> list(String divisionCode) {
		List<Row> rows = divisionCode == null
				? jdbc.sql(COLUMNS + " ORDER BY c.started_at DESC, c.id DESC").query(ClawbackStore::map).list()
				: jdbc.sql(COLUMNS + " WHERE c.division_code = ? ORDER BY c.started_at DESC, c.id DESC")
					.param(divisionCode)
					.query(ClawbackStore::map)
					.list();
		Map<Long, List<ClawbackView.Repayment>> paid = repayments(rows.stream().map(r -> r.view().id()).toList());
		return rows.stream().map(r -> r.view().withRepayments(paid.getOrDefault(r.view().id(), List.of()))).toList();
	}

	void determine(long id, ClawbackStatus status, BigDecimal amount, LocalDate deadline, Integer listMonths,
			String determination, String by) {
		jdbc.sql("""
				UPDATE clawback SET status = ?, amount = ?, deadline = ?, list_months = ?, determination = ?,
				    determined_by = ?, determined_at = ?, closed_at = ? WHERE id = ?""")
			.params(status.name(), amount, deadline, listMonths, determination, by, Timestamp.from(Instant.now()),
					status == ClawbackStatus.DROPPED ? Timestamp.from(Instant.now()) : null, id)
			.update();
	}

	void confirm(long id, ClawbackStatus status, String account, String by) {
		jdbc.sql(
				"UPDATE clawback SET status = ?, repayment_account = ?, confirmed_by = ?, confirmed_at = ? WHERE id = ?")
			.params(status.name(), account, by, Timestamp.from(Instant.now()), id)
			.update();
	}

	/** A listing determined without a recorded basis, not ordered by the decision. */
	void noListing(long id) {
		jdbc.sql("UPDATE clawback SET list_months = NULL WHERE id = ?").param(id).update();
	}

	/** The deadline the decision states, when it is not the one determined. */
	void deadline(long id, LocalDate deadline) {
		jdbc.sql("UPDATE clawback SET deadline = ? WHERE id = ?").params(deadline, id).update();
	}

	/**
	 * The signed decision: repayment is now owed ({@link ClawbackStatus#DECIDED}), or the
	 * allocation is revoked and the clawback closed ({@link ClawbackStatus#REVOKED}).
	 */
	void decided(long id, ClawbackStatus status, long decisionId, String number) {
		jdbc.sql("UPDATE clawback SET status = ?, decision_id = ?, decision_number = ?, closed_at = ? WHERE id = ?")
			.params(status.name(), decisionId, number,
					status == ClawbackStatus.REVOKED ? Timestamp.from(Instant.now()) : null, id)
			.update();
	}

	void status(long id, ClawbackStatus status) {
		jdbc.sql("UPDATE clawback SET status = ?, closed_at = ? WHERE id = ?")
			.params(status.name(), status == ClawbackStatus.REPAID ? Timestamp.from(Instant.now()) : null, id)
			.update();
	}

	/**
	 * A repayment waiting for its check. A voucher whose earlier entry was returned is
	 * recorded again in that entry's place (the audit trail keeps both).
	 */
	void addRepayment(long id, LocalDate paidOn, BigDecimal amount, String voucherNo, String by) {
		Timestamp now = Timestamp.from(Instant.now());
		int again = jdbc.sql("""
				UPDATE clawback_repayment SET paid_on = ?, amount = ?, recorded_by = ?, recorded_at = ?, state = ?,
				    checked_by = NULL, checked_at = NULL, check_note = NULL
				WHERE clawback_id = ? AND voucher_no = ? AND state = ?""")
			.params(paidOn, amount, by, now, ClawbackView.Repayment.State.PENDING.name(), id, voucherNo,
					ClawbackView.Repayment.State.RETURNED.name())
			.update();
		if (again == 0) {
			jdbc.sql("""
					INSERT INTO clawback_repayment (clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at,
					    state)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, paidOn, amount, voucherNo, by, now, ClawbackView.Repayment.State.PENDING.name())
				.update();
		}
	}

	/** The clawback whose entry holds the voucher in the county, if any. */
	Optional<Long> voucherHolder(String divisionCode, String voucherKey) {
		return jdbc.sql("SELECT clawback_id FROM clawback_voucher WHERE division_code = ? AND voucher_key = ?")
			.params(divisionCode, voucherKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * The voucher, for this clawback, in the county: a
	 * {@link org.springframework.dao.DuplicateKeyException} when another clawback took it
	 * first, even at the same moment on another node.
	 */
	void holdVoucher(String divisionCode, String voucherKey, long clawbackId) {
		jdbc.sql("INSERT INTO clawback_voucher (division_code, voucher_key, clawback_id) VALUES (?, ?, ?)")
			.params(divisionCode, voucherKey, clawbackId)
			.update();
	}

	/** A returned entry gives its voucher up: it may be recorded again. */
	void releaseVoucher(String divisionCode, String voucherKey, long clawbackId) {
		jdbc.sql("DELETE FROM clawback_voucher WHERE division_code = ? AND voucher_key = ? AND clawback_id = ?")
			.params(divisionCode, voucherKey, clawbackId)
			.update();
	}

	/**
	 * The check of a pending repayment: a confirmed one now counts in what was repaid.
	 * False when it was no longer pending.
	 */
	boolean check(long id, long repaymentId, boolean confirmed, String note, String by) {
		ClawbackView.Repayment.State to = confirmed ? ClawbackView.Repayment.State.CONFIRMED
				: ClawbackView.Repayment.State.RETURNED;
		int changed = jdbc.sql("""
				UPDATE clawback_repayment SET state = ?, checked_by = ?, checked_at = ?, check_note = ?
				WHERE id = ? AND clawback_id = ? AND state = ?""")
			.params(to.name(), by, Timestamp.from(Instant.now()), note, repaymentId, id,
					ClawbackView.Repayment.State.PENDING.name())
			.update();
		if (changed == 1 && confirmed) {
			jdbc.sql("""
					UPDATE clawback SET repaid = repaid + (SELECT amount FROM clawback_repayment WHERE id = ?)
					WHERE id = ?""").params(repaymentId, id).update();
		}
		return changed == 1;
	}

	/** Repayments of several clawbacks in one query, oldest first. */
	Map<Long, List<ClawbackView.Repayment>> repayments(Collection<Long> clawbackIds) {
		Map<Long, List<ClawbackView.Repayment>> byClawback = new HashMap<>();
		List<Long> ids = List.copyOf(new HashSet<>(clawbackIds));
		for (int from = 0; from < ids.size(); from += 500) {
			readRepayments(ids.subList(from, Math.min(from + 500, ids.size())), byClawback);
		}
		return byClawback;
	}

	private void readRepayments(List<Long> clawbackIds, Map<Long, List<ClawbackView.Repayment>> byClawback) {
		String in = String.join(",", clawbackIds.stream().map(i -> "?").toList());
		jdbc.sql("""
				SELECT clawback_id, id, paid_on, amount, voucher_no, recorded_by, recorded_at, state, checked_by,
				    checked_at, check_note
				FROM clawback_repayment WHERE clawback_id IN (""" + in + ") ORDER BY paid_on, id")
			.params(new ArrayList<>(clawbackIds))
			.query((rs, n) -> {
				Timestamp checkedAt = rs.getTimestamp(10);
				byClawback.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ClawbackView.Repayment(rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
							rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
							ClawbackView.Repayment.State.valueOf(rs.getString(8)), rs.getString(9),
							checkedAt == null ? null : checkedAt.toInstant(), rs.getString(11)));
				return null;
			})
			.list();
	}

	/**
	 * A reason announced while a clawback of the case was open or decided, kept for the
	 * next round (V153).
	 */
	record Waiting(long id, ClawbackDue.Cause cause, String facts, String recordedBy) {
	}

	void keepWaiting(long applicationId, ClawbackDue.Cause cause, String facts, String by) {
		jdbc.sql("""
				INSERT INTO clawback_due_waiting (application_id, cause, facts, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(applicationId, cause.name(), facts, by, Timestamp.from(Instant.now()))
			.update();
	}

	/** The case's reason kept longest, to start next. */
	Optional<Waiting> firstWaiting(long applicationId) {
		return waiting(applicationId).stream().findFirst();
	}

	/** The case's reasons kept, the oldest first. */
	List<Waiting> waiting(long applicationId) {
		return jdbc.sql("""
				SELECT id, cause, facts, recorded_by FROM clawback_due_waiting
				WHERE application_id = ? ORDER BY id""")
			.param(applicationId)
			.query((rs, n) -> new Waiting(rs.getLong(1), ClawbackDue.Cause.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	void removeWaiting(long id) {
		jdbc.sql("DELETE FROM clawback_due_waiting WHERE id = ?").param(id).update();
	}

	private Optional<Row> one(String sql, long param) {
		return jdbc.sql(sql).param(param).query(ClawbackStore::map).optional().map(row -> {
			List<ClawbackView.Repayment> paid = repayments(List.of(row.view().id())).getOrDefault(row.view().id(),
					List.of());
			return new Row(row.view().withRepayments(paid), row.enterpriseId(), row.creditCode(), row.determination(),
					row.determinedAt());
		});
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		Date deadline = rs.getDate(13);
		long decisionId = rs.getLong(16);
		Long decision = rs.wasNull() ? null : decisionId;
		int months = rs.getInt(14);
		Integer listMonths = rs.wasNull() ? null : months;
		ClawbackView view = new ClawbackView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), ClawbackDue.Cause.valueOf(rs.getString(7)), rs.getString(8),
				rs.getTimestamp(9).toInstant(), ClawbackStatus.valueOf(rs.getString(10)), rs.getBigDecimal(11),
				rs.getBigDecimal(12), deadline == null ? null : deadline.toLocalDate(), listMonths, rs.getString(15),
				decision, rs.getString(17), rs.getBigDecimal(18), List.of(), rs.getInt(23));
		Timestamp determinedAt = rs.getTimestamp(22);
		return new Row(view, rs.getLong(19), rs.getString(20).strip(), rs.getString(21),
				determinedAt == null ? null : determinedAt.toInstant());
	}

}
