package cn.liaocheng.renewal.engine;

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

}
