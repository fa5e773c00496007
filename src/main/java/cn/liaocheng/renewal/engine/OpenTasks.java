package cn.liaocheng.renewal.engine;

import java.time.Instant;

/**
 * Keeps an open user task from ending until the caller's transaction ends. The engine
 * holds every task the same way while it ends ({@link TaskEnded} is published under the
 * hold), so whoever writes about a task outside the engine's command that ends it (a
 * reminder of its deadline, an urge) and holds it first either commits before the end,
 * and the end's listeners see what it wrote, or finds the task ended and writes nothing.
 */
public interface OpenTasks {

	/**
	 * Holds the task until the current transaction ends, waiting for a transaction that
	 * is ending it; false if it has ended (or never was). Needs a transaction.
	 */
	boolean hold(String taskId);

	/**
	 * As {@link #hold}, and true only if the task, as it stands once held, is still due
	 * at {@code due}: a reminder of a due date that was moved meanwhile (a calendar
	 * correction, a reviewer's change) is not written with the old date.
	 */
	boolean holdIfDueAt(String taskId, Instant due);

}
