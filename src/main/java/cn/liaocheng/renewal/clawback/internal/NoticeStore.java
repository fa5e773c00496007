package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The {@code clawback_notice} table and the clawback's {@code prior_notice_required}. */
@Component
class NoticeStore {

	private static final String COLUMNS = """
			SELECT id, clawback_id, seq, number, process_instance_id, determined_at, amount, deadline, days_to_pay,
			       list_months, body, issued_at, last_day, ends_at, answer, answered_at, answered_by, statement,
			       ruling, ruling_reasons, ruled_at, ruled_by
			FROM clawback_notice""";

	private final JdbcClient jdbc;

	NoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enterprise's answer to a notice. */
	enum Answer {

		STATEMENT, WAIVED

	}

	/** The bureau's ruling on a statement. */
	enum Ruling {

		ADOPTED, NOT_ADOPTED

	}

	/**
	 * One notice as recorded.
	 *
	 * @param amount {@code null}: the intended decision revokes the allocation
	 */
	record Notice(long id, long clawbackId, int seq, String number, String processInstanceId, Instant determinedAt,
			BigDecimal amount, LocalDate deadline, Integer daysToPay, Integer listMonths, String body, Instant issuedAt,
			LocalDate lastDay, Instant endsAt, Answer answer, Instant answeredAt, String answeredBy, String statement,
			Ruling ruling, String rulingReasons, Instant ruledAt, String ruledBy) {
	}

	record NewNotice(long clawbackId, String processInstanceId, Instant determinedAt, BigDecimal amount,
			LocalDate deadline, Integer daysToPay, Integer listMonths, Instant issuedAt, LocalDate lastDay,
			Instant endsAt) {
	}

	boolean required(long clawbackId) {
		return jdbc.sql("SELECT prior_notice_required FROM clawback WHERE id = ?")
			.param(clawbackId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Inserts the notice with its number and body made from its id and sequence; the
	 * caller holds the clawback's row lock.
	 */
	Notice insert(NewNotice n, BiFunction<Integer, String, String> body, int year) {
		int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM clawback_notice WHERE clawback_id = ?")
			.param(n.clawbackId())
			.query(Integer.class)
			.single();
		String number = "聊工信追告〔" + year + "〕" + n.clawbackId() + "-" + seq + "号";
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clawback_notice (clawback_id, seq, number, process_instance_id, determined_at, amount,
				    deadline, days_to_pay, list_months, body, issued_at, last_day, ends_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(n.clawbackId(), seq, number, n.processInstanceId(), Timestamp.from(n.determinedAt()), n.amount(),
					n.deadline(), n.daysToPay(), n.listMonths(), body.apply(seq, number), Timestamp.from(n.issuedAt()),
					n.lastDay(), Timestamp.from(n.endsAt()))
			.update(key, "id");
		return byId(key.getKey().longValue()).orElseThrow();
	}

	Optional<Notice> byId(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(NoticeStore::map).optional();
	}

	/** The clawback's notices, the first first. */
	List<Notice> all(long clawbackId) {
		return jdbc.sql(COLUMNS + " WHERE clawback_id = ? ORDER BY seq")
			.param(clawbackId)
			.query(NoticeStore::map)
			.list();
	}

	/** The clawback's latest notice. */
	Optional<Notice> latest(long clawbackId) {
		return jdbc.sql(COLUMNS + " WHERE clawback_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
			.param(clawbackId)
			.query(NoticeStore::map)
			.optional();
	}

	/** Records the answer, once: false when the notice already had one. */
	boolean answer(long id, Answer answer, String statement, String by, Instant at) {
		return jdbc.sql("""
				UPDATE clawback_notice SET answer = ?, statement = ?, answered_by = ?, answered_at = ?
				WHERE id = ? AND answer IS NULL""")
			.params(answer.name(), statement, by, Timestamp.from(at), id)
			.update() == 1;
	}

	/** Records the ruling on a statement, once. */
	boolean rule(long id, Ruling ruling, String reasons, String by, Instant at) {
		return jdbc.sql("""
				UPDATE clawback_notice SET ruling = ?, ruling_reasons = ?, ruled_by = ?, ruled_at = ?
				WHERE id = ? AND answer = 'STATEMENT' AND ruling IS NULL""")
			.params(ruling.name(), reasons, by, Timestamp.from(at), id)
			.update() == 1;
	}

	private static Notice map(ResultSet rs, int n) throws SQLException {
		Date deadline = rs.getDate("deadline");
		int days = rs.getInt("days_to_pay");
		Integer daysToPay = rs.wasNull() ? null : days;
		int months = rs.getInt("list_months");
		Integer listMonths = rs.wasNull() ? null : months;
		String answer = rs.getString("answer");
		String ruling = rs.getString("ruling");
		return new Notice(rs.getLong("id"), rs.getLong("clawback_id"), rs.getInt("seq"), rs.getString("number"),
				rs.getString("process_instance_id"), rs.getTimestamp("determined_at").toInstant(),
				rs.getBigDecimal("amount"), deadline == null ? null : deadline.toLocalDate(), daysToPay, listMonths,
				rs.getString("body"), rs.getTimestamp("issued_at").toInstant(), rs.getDate("last_day").toLocalDate(),
				rs.getTimestamp("ends_at").toInstant(), answer == null ? null : Answer.valueOf(answer),
				instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"), rs.getString("statement"),
				ruling == null ? null : Ruling.valueOf(ruling), rs.getString("ruling_reasons"),
				instant(rs.getTimestamp("ruled_at")), rs.getString("ruled_by"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
