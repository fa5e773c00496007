package cn.liaocheng.renewal.clawback;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prior notices of a clawback (事先告知) whose statement period (陈述、申辩) is running and which
 * the enterprise has neither answered nor waived, for the reminders sent to its account.
 * Only a clawback's latest notice counts, and only while the clawback waits for the
 * statement.
 */
@Component
public class OpenStatementPeriods {

	private static final String OPEN = """
			SELECT c.application_id, c.reference_no, n.number, n.last_day, e.user_id
			FROM clawback_notice n JOIN clawback c ON c.id = n.clawback_id
			JOIN enterprise e ON e.id = c.enterprise_id
			WHERE c.status = :status AND n.answer IS NULL
			  AND n.seq = (SELECT MAX(m.seq) FROM clawback_notice m WHERE m.clawback_id = n.clawback_id)""";

	private final JdbcClient jdbc;

	OpenStatementPeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A statement period that ends with {@code lastDay} (included), given by notice
	 * {@code noticeNumber}.
	 */
	public record OpenStatementPeriod(long applicationId, String referenceNo, String noticeNumber, LocalDate lastDay,
			String enterpriseUser) {
	}

	/**
	 * The open periods whose last day lies between {@code from} and {@code until} (both
	 * included), soonest first.
	 */
	@Transactional(readOnly = true)
	public List<OpenStatementPeriod> endingBetween(LocalDate from, LocalDate until) {
		return jdbc.sql(OPEN + " AND n.last_day >= :from AND n.last_day <= :until ORDER BY n.last_day, c.id")
			.param("status", ClawbackStatus.NOTIFIED.name())
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.query(OpenStatementPeriods::map)
			.list();
	}

	/**
	 * Whether {@code told} is still running exactly as read, asked where its reminder is
	 * written: the clawback's row is held first, as the enterprise's answer and every new
	 * notice hold it, so that a period answered, waived or replaced meanwhile is waited
	 * for and not reminded of.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stillOpen(OpenStatementPeriod told) {
		ClawbackRow.hold(jdbc, told.applicationId());
		return jdbc.sql(OPEN + " AND c.application_id = :application")
			.param("status", ClawbackStatus.NOTIFIED.name())
			.param("application", told.applicationId())
			.query(OpenStatementPeriods::map)
			.list()
			.contains(told);
	}

	private static OpenStatementPeriod map(ResultSet rs, int row) throws SQLException {
		return new OpenStatementPeriod(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getString(5));
	}

}
