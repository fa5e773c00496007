package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables of V84: payments (with the vouchers each bureau used, V118), the
 * enterprise's submissions with their evidence, and the bureaus' findings.
 */
@Repository
class AftercareRecords {

	private final JdbcClient jdbc;

	AftercareRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The payment's id; a {@code DuplicateKeyException} when the task was recorded. */
	long recordPayment(long applicationId, String taskId, LocalDate paidOn, BigDecimal amount, String voucherNo,
			String bodyGroup, String recordedBy) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO aftercare_payment (application_id, task_id, paid_on, amount, voucher_no, body_group,
				                               recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, taskId, Date.valueOf(paidOn), amount, voucherNo, bodyGroup, recordedBy,
					Timestamp.from(Instant.now()))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * The application on which the bureau recorded a payment under the voucher, if any.
	 */
	Optional<Long> voucherUsedOn(String bodyGroup, String voucherKey) {
		return jdbc.sql("""
				SELECT p.application_id FROM aftercare_payment_voucher v JOIN aftercare_payment p ON p.id = v.payment_id
				WHERE v.body_group = ? AND v.voucher_key = ?""")
			.params(bodyGroup, voucherKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * The voucher, for this payment, in the bureau: a {@code DuplicateKeyException} when
	 * another payment took it first, even at the same moment on another node.
	 */
	void holdVoucher(String bodyGroup, String voucherKey, long paymentId) {
		jdbc.sql("INSERT INTO aftercare_payment_voucher (body_group, voucher_key, payment_id) VALUES (?, ?, ?)")
			.params(bodyGroup, voucherKey, paymentId)
			.update();
	}

	List<Payment> payments(long applicationId) {
		return jdbc.sql("""
				SELECT paid_on, amount, voucher_no, body_group, recorded_at FROM aftercare_payment
				WHERE application_id = ? ORDER BY paid_on, id""")
			.param(applicationId)
			.query((rs, i) -> new Payment(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	long insertSubmission(long applicationId, Submission.Kind kind, String statement, BigDecimal outputValue,
			BigDecimal energySaving, Integer efficiencyGrade, String digitalIndicators, String submittedBy) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO aftercare_submission (application_id, kind, statement, output_value, energy_saving,
				                                  efficiency_grade, digital_indicators, submitted_by, submitted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, kind.name(), statement, outputValue, energySaving, efficiencyGrade,
					digitalIndicators, submittedBy, Timestamp.from(Instant.now()))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	void addEvidence(long submissionId, EvidenceCategory category, String fileName, long fileId) {
		jdbc.sql("INSERT INTO aftercare_evidence (submission_id, category, file_name, file_id) VALUES (?, ?, ?, ?)")
			.params(submissionId, category.name(), fileName, fileId)
			.update();
	}

	/**
	 * Every submission of the case with its evidence, oldest first: two queries whatever
	 * their number.
	 */
	List<Submission> submissions(long applicationId) {
		Map<Long, List<Submission.Evidence>> evidence = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT e.submission_id, e.id, e.category, e.file_name, e.file_id FROM aftercare_evidence e
				JOIN aftercare_submission s ON s.id = e.submission_id WHERE s.application_id = ? ORDER BY e.id""")
			.param(applicationId)
			.query((ResultSet rs) -> {
				evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Submission.Evidence(rs.getLong(2), EvidenceCategory.valueOf(rs.getString(3)),
							rs.getString(4), rs.getLong(5)));
			});
		return jdbc
			.sql("""
					SELECT id, kind, statement, output_value, energy_saving, efficiency_grade, digital_indicators, submitted_at
					FROM aftercare_submission WHERE application_id = ? ORDER BY submitted_at, id""")
			.param(applicationId)
			.query((rs, i) -> submission(rs, evidence.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	private static Submission submission(ResultSet rs, List<Submission.Evidence> evidence) throws SQLException {
		int grade = rs.getInt(6);
		return new Submission(rs.getLong(1), Submission.Kind.valueOf(rs.getString(2)), rs.getString(3),
				rs.getBigDecimal(4), rs.getBigDecimal(5), rs.wasNull() ? null : grade, rs.getString(7),
				rs.getTimestamp(8).toInstant(), List.copyOf(evidence));
	}

	/**
	 * One piece of evidence of this application's submissions; empty for another
	 * application's.
	 */
	Optional<Submission.Evidence> evidence(long applicationId, long evidenceId) {
		return jdbc.sql("""
				SELECT e.id, e.category, e.file_name, e.file_id FROM aftercare_evidence e
				JOIN aftercare_submission s ON s.id = e.submission_id WHERE s.application_id = ? AND e.id = ?""")
			.params(applicationId, evidenceId)
			.query((rs, i) -> new Submission.Evidence(rs.getLong(1), EvidenceCategory.valueOf(rs.getString(2)),
					rs.getString(3), rs.getLong(4)))
			.optional();
	}

	void recordFinding(long applicationId, String taskId, Finding.Step step, String result, LocalDate deadline,
			Integer score, Finding.Grade grade, String opinion, String bodyGroup, String recordedBy) {
		jdbc.sql("""
				INSERT INTO aftercare_finding (application_id, task_id, step, result, deadline, score, grade, opinion,
				                               body_group, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, taskId, step.name(), result, deadline == null ? null : Date.valueOf(deadline), score,
					grade == null ? null : grade.name(), opinion, bodyGroup, recordedBy, Timestamp.from(Instant.now()))
			.update();
	}

	List<Finding> findings(long applicationId) {
		return jdbc.sql("""
				SELECT step, result, deadline, score, grade, opinion, body_group, recorded_at FROM aftercare_finding
				WHERE application_id = ? ORDER BY recorded_at, id""").param(applicationId).query((rs, i) -> {
			Date deadline = rs.getDate(3);
			int score = rs.getInt(4);
			Integer scored = rs.wasNull() ? null : score;
			String grade = rs.getString(5);
			return new Finding(Finding.Step.valueOf(rs.getString(1)), rs.getString(2),
					deadline == null ? null : deadline.toLocalDate(), scored,
					grade == null ? null : Finding.Grade.valueOf(grade), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant());
		}).list();
	}

}
