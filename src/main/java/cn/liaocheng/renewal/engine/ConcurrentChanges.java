package cn.liaocheng.renewal.engine;

import java.sql.SQLException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * When a failure means that another request changed the same thing first, so the answer
 * is a conflict (409) and not a failure of the system: a stale task or record (an
 * optimistic lock), a record written twice (a unique key), or rows another transaction
 * held until the database gave one of the two up (a deadlock, a serialization failure, a
 * lock not granted), however deep the engine or Spring wrapped it. One rule for the
 * product's pages and API and for Camunda's REST roots.
 */
public final class ConcurrentChanges {

	/**
	 * A unique key taken meanwhile (23505); a deadlock (40P01), a serialization failure
	 * (40001), a lock not available (55P03).
	 */
	private static final Set<String> SQL_STATES = Set.of("23505", "40P01", "40001", "55P03");

	/**
	 * What a reviewer is told whose task someone else completed first (or whose
	 * completion's record another completion wrote first).
	 */
	public static final String TASK_DONE_BY_ANOTHER = "该任务已由他人办理，请刷新后查看";

	private ConcurrentChanges() {
	}

	public static boolean isConflict(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException
					|| t instanceof PessimisticLockingFailureException || t instanceof DuplicateKeyException
					|| t instanceof SQLException sql && SQL_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
