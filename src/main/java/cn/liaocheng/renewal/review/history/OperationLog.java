package cn.liaocheng.renewal.review.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval operations on cases (转办, 撤回, 退回上一环节, 催办 …), kept by the application like
 * its opinions.
 */
@Repository
public class OperationLog {

	private final JdbcClient jdbc;

	OperationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(long applicationId, String operation, String taskId, String stepName, String actor,
			String actorName, String targetName, String reason) {
		jdbc.sql("""
				INSERT INTO review_operation (application_id, operation, task_id, step_name, actor, actor_name,
				                              target_name, reason, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, operation, taskId, stepName, actor, actorName, targetName, reason,
					Timestamp.from(Instant.now()))
			.update();
	}

	public List<OperationView> forApplication(long applicationId) {
		return jdbc.sql("""
				SELECT operation, step_name, actor_name, target_name, reason, created_at
				FROM review_operation WHERE application_id = ? ORDER BY created_at, id""")
			.param(applicationId)
			.query((rs, n) -> new OperationView(rs.getTimestamp(6).toInstant(), rs.getString(1), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * The returns to the previous step (退回上一环节) that made each of these tasks of these
	 * cases, by the task they made, in one query (through the cases' index): such a task
	 * is a step done again.
	 */
	public Map<String, OperationView> returnsThatMade(Collection<Long> applicationIds, Collection<String> taskIds) {
		Map<String, OperationView> byTask = new HashMap<>();
		if (applicationIds.isEmpty() || taskIds.isEmpty()) {
			return byTask;
		}
		jdbc.sql("""
				SELECT task_id, operation, step_name, actor_name, target_name, reason, created_at
				FROM review_operation
				WHERE application_id IN (:cases) AND task_id IN (:tasks) AND operation = 'RETURN_TO_PREVIOUS'""")
			.param("cases", applicationIds)
			.param("tasks", taskIds)
			.query(rs -> {
				byTask.put(rs.getString(1), new OperationView(rs.getTimestamp(7).toInstant(), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
			});
		return byTask;
	}

	/**
	 * Takes the bureau's one urge of {@code bodyGroup} on the case for {@code day}; false
	 * when it was taken already.
	 */
	public boolean takeJointReviewUrge(long applicationId, String bodyGroup, LocalDate day) {
		try {
			jdbc.sql("INSERT INTO joint_review_urge (application_id, body_group, urge_day) VALUES (?, ?, ?)")
				.params(applicationId, bodyGroup, day)
				.update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** The bodies the bureau urged on the case on {@code day}. */
	public Set<String> jointReviewUrgesOf(long applicationId, LocalDate day) {
		return Set.copyOf(jdbc.sql("SELECT body_group FROM joint_review_urge WHERE application_id = ? AND urge_day = ?")
			.params(applicationId, day)
			.query(String.class)
			.list());
	}

	/**
	 * Takes the case's one enterprise urge of {@code day}; false when it was taken
	 * already.
	 */
	public boolean takeEnterpriseUrge(long applicationId, LocalDate day) {
		try {
			jdbc.sql("INSERT INTO enterprise_urge (application_id, urge_day) VALUES (?, ?)")
				.params(applicationId, day)
				.update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

}
