package cn.liaocheng.renewal.review.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The overdue tasks the overdue check has dealt with ({@code overdue_task}); the check's query skips them. */
@Repository
class OverdueMarks {

	private final JdbcClient jdbc;

	OverdueMarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks a task as dealt with, in the escalation's transaction, so that a task is marked exactly when its
	 * escalation is stored; a task marked already (by a run whose lease had run out) fails with a duplicate key.
	 */
	void mark(String taskId, boolean escalated, Instant at) {
		jdbc.sql("INSERT INTO overdue_task (task_id, escalated, checked_at) VALUES (?, ?, ?)")
			.params(taskId, escalated, Timestamp.from(at))
			.update();
	}

	/** Forgets the marks of tasks that are no longer open ({@code taskTable}: the engine's task table). */
	int forgetClosed(String taskTable) {
		return jdbc.sql("DELETE FROM overdue_task WHERE NOT EXISTS (SELECT 1 FROM " + taskTable
				+ " t WHERE t.ID_ = overdue_task.task_id)")
			.update();
	}

}
