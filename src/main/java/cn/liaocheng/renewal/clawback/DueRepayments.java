package cn.liaocheng.renewal.clawback;

import java.math.BigDecimal;
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
 * Decided clawbacks whose repayment deadline is near and of which something is still
 * owed, for the reminders sent to the enterprise's account.
 */
@Component
public class DueRepayments {

	private static final String DUE = """
			SELECT c.application_id, c.reference_no, c.decision_number, c.deadline, c.amount - c.repaid,
			       (SELECT COALESCE(SUM(r.amount), 0) FROM clawback_repayment r
			        WHERE r.clawback_id = c.id AND r.state = :pending), e.user_id
			FROM clawback c JOIN enterprise e ON e.id = c.enterprise_id
			WHERE c.status = :status AND c.amount > c.repaid""";

	private final JdbcClient jdbc;

	DueRepayments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A decided clawback: its enterprise's account must repay {@code outstanding} (the
	 * decided amount less the repayments the county finance bureau has confirmed) by the
	 * end of {@code deadline}, as decision {@code decisionNumber} says; {@code pending}
	 * of it is recorded as paid and waits for the bureau's check.
	 */
	public record DueRepayment(long applicationId, String referenceNo, String decisionNumber, LocalDate deadline,
			BigDecimal outstanding, BigDecimal pending, String enterpriseUser) {
	}

	/**
	 * The decided clawbacks with something still owed whose deadline lies between
	 * {@code from} and {@code until} (both included), soonest first.
	 */
	@Transactional(readOnly = true)
	public List<DueRepayment> dueBetween(LocalDate from, LocalDate until) {
		return jdbc.sql(DUE + " AND c.deadline >= :from AND c.deadline <= :until ORDER BY c.deadline, c.id")
			.param("status", ClawbackStatus.DECIDED.name())
			.param("pending", ClawbackView.Repayment.State.PENDING.name())
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.query(DueRepayments::map)
			.list();
	}

	/**
	 * Whether {@code told} is still owed exactly as read, asked where its reminder is
	 * written: the clawback's row is held first, as every change of its repayments holds
	 * it, so that a repayment recorded or confirmed meanwhile is waited for and seen (the
	 * reminder states the amounts), and a settled or changed clawback is not reminded of.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stillDue(DueRepayment told) {
		ClawbackRow.hold(jdbc, told.applicationId());
		return jdbc.sql(DUE + " AND c.application_id = :application")
			.param("status", ClawbackStatus.DECIDED.name())
			.param("pending", ClawbackView.Repayment.State.PENDING.name())
			.param("application", told.applicationId())
			.query(DueRepayments::map)
			.list()
			.contains(told);
	}

	private static DueRepayment map(ResultSet rs, int row) throws SQLException {
		return new DueRepayment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7));
	}

}
