package cn.liaocheng.renewal.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications waiting for their enterprise's correction, with their deadlines: what
 * reminders are sent from.
 */
@Service
public class OpenCorrections {

	private final JdbcClient jdbc;

	OpenCorrections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The applications in correction whose deadline lies between {@code after} and
	 * {@code until}, soonest first; not those of a disabled account, whose deadlines are
	 * suspended until it is restored.
	 */
	@Transactional(readOnly = true)
	public List<OpenCorrection> dueBetween(Instant after, Instant until) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.correction_deadline AS deadline, e.user_id
				FROM application a JOIN enterprise e ON e.id = a.enterprise_id
				WHERE a.status = :status AND a.correction_deadline > :after AND a.correction_deadline <= :until
				  AND e.status <> 'DISABLED'
				ORDER BY a.correction_deadline, a.id""")
			.param("status", ApplicationStatus.CORRECTION.name())
			.param("after", Timestamp.from(after))
			.param("until", Timestamp.from(until))
			.query(OpenCorrections::row)
			.list();
	}

	/**
	 * The applications of the enterprise whose account is {@code enterpriseUser} waiting
	 * for its correction, with their deadlines.
	 */
	@Transactional(readOnly = true)
	public List<OpenCorrection> ofEnterprise(String enterpriseUser) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.correction_deadline AS deadline, e.user_id
				FROM application a JOIN enterprise e ON e.id = a.enterprise_id
				WHERE e.user_id = :user AND a.status = :status AND a.correction_deadline IS NOT NULL
				ORDER BY a.id""")
			.param("user", enterpriseUser)
			.param("status", ApplicationStatus.CORRECTION.name())
			.query(OpenCorrections::row)
			.list();
	}

	/**
	 * The applications of the enterprise whose account is {@code enterpriseUser} in
	 * correction with their deadline stopped
	 * ({@link ApplicationStages#suspendCorrection}), with the deadline stopped.
	 */
	@Transactional(readOnly = true)
	public List<OpenCorrection> suspendedOf(String enterpriseUser) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.correction_suspended_deadline AS deadline, e.user_id
				FROM application a JOIN enterprise e ON e.id = a.enterprise_id
				WHERE e.user_id = :user AND a.status = :status AND a.correction_suspended_deadline IS NOT NULL
				ORDER BY a.id""")
			.param("user", enterpriseUser)
			.param("status", ApplicationStatus.CORRECTION.name())
			.query(OpenCorrections::row)
			.list();
	}

	/**
	 * Whether the application is still in correction until {@code deadline}, its row held
	 * until the caller's transaction ends: a resubmission, a return taken back or a
	 * deadline moved meanwhile answers false, one coming now waits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stillOpen(long applicationId, Instant deadline) {
		return jdbc.sql("""
				SELECT id FROM application WHERE id = :id AND status = :status AND correction_deadline = :deadline
				FOR UPDATE""")
			.param("id", applicationId)
			.param("status", ApplicationStatus.CORRECTION.name())
			.param("deadline", Timestamp.from(deadline))
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/**
	 * A row of id, reference_no, kind, deadline (the one in force or the one stopped) and
	 * user_id.
	 */
	private static OpenCorrection row(ResultSet rs, int n) throws SQLException {
		return new OpenCorrection(rs.getLong("id"), rs.getString("reference_no"),
				ApplicationKind.valueOf(rs.getString("kind")), rs.getTimestamp("deadline").toInstant(),
				rs.getString("user_id"));
	}

	/**
	 * An application in correction: its enterprise's account must correct it by
	 * {@code deadline}.
	 */
	public record OpenCorrection(long applicationId, String referenceNo, ApplicationKind kind, Instant deadline,
			String enterpriseUser) {
	}

}
