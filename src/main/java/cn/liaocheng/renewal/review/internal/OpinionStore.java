package cn.liaocheng.renewal.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reviewers' opinions, kept by the application (they outlive Camunda's history cleanup). */
@Repository
class OpinionStore {

	private final JdbcClient jdbc;

	OpinionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Opinion o) {
		jdbc.sql("""
				INSERT INTO review_opinion (application_id, task_id, step, step_name, body_group, body_name, reviewer,
				                            reviewer_name, decision, opinion, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.applicationId(), o.taskId(), o.step(), o.stepName(), o.bodyGroup(), o.bodyName(), o.reviewer(),
					o.reviewerName(), o.decision(), o.opinion(), Timestamp.from(o.at()))
			.update();
	}

	List<Opinion> forApplication(long applicationId) {
		return jdbc.sql("""
				SELECT id, application_id, task_id, step, step_name, body_group, body_name, reviewer, reviewer_name,
				       decision, opinion, created_at
				FROM review_opinion WHERE application_id = ? ORDER BY created_at, id""")
			.param(applicationId)
			.query((rs, n) -> new Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()))
			.list();
	}

	/** The most recent opinion with a RETURN, whose reasons the enterprise must answer. */
	String lastReturnReasons(long applicationId) {
		return jdbc.sql("""
				SELECT body_name, step_name, opinion FROM review_opinion
				WHERE application_id = ? AND decision = 'RETURN' ORDER BY created_at DESC, id DESC""")
			.param(applicationId)
			.query((rs, n) -> rs.getString(1) + "（" + rs.getString(2) + "）：" + rs.getString(3))
			.list()
			.stream()
			.findFirst()
			.orElse("");
	}

	static Instant now() {
		return Instant.now();
	}

}
