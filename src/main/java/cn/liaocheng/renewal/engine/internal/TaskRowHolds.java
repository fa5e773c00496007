package cn.liaocheng.renewal.engine.internal;

import java.util.Optional;

import java.util.List;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.liaocheng.renewal.engine.OpenTasks;

/**
 * Holds a task by locking its row in the engine's task table: the engine deletes that row
 * when the task ends, in the same transaction as the task's end listeners run
 * ({@link TaskEnds} takes the lock before it announces the end). On PostgreSQL and H2
 * alike a transaction that asks for a row another one holds waits for it, and finds no
 * row once the other has deleted it.
 */
@Component
class TaskRowHolds implements OpenTasks {

	private final JdbcClient jdbc;

	TaskRowHolds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean hold(String taskId) {
		requireTransaction();
		return !jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE")
			.param(taskId)
			.query(String.class)
			.list()
			.isEmpty();
	}

	@Override
	public boolean holdIfDueAt(String taskId, Instant due) {
		requireTransaction();
		List<Optional<Instant>> held = jdbc.sql("SELECT DUE_DATE_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE")
			.param(taskId)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.list();
		// The engine keeps due dates to the millisecond.
		Instant expected = due.truncatedTo(ChronoUnit.MILLIS);
		return !held.isEmpty()
				&& held.get(0).map(d -> d.truncatedTo(ChronoUnit.MILLIS)).filter(expected::equals).isPresent();
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A task is held for a transaction, and there is none");
		}
	}

}
