package cn.liaocheng.renewal.security;

/**
 * Whether the engine would let a user claim a task, asked of the engine itself: the same
 * checks its claim command runs (Camunda's permissions, the product's rules on who works
 * a body's task), without claiming. Screens use it to offer 认领 (and 添加意见) only where it
 * would work; the claim itself is checked again when it is made.
 */
public interface TaskClaims {

	/**
	 * Whether {@code userId}, with the groups the account has now, may claim the open,
	 * unclaimed task {@code taskId} for themselves. False for a task someone holds
	 * (themselves included), one that does not exist or has ended, and wherever the
	 * engine would refuse: a body's lead who only reads the task, another county, an
	 * administrator, an enterprise.
	 */
	boolean mayClaim(String userId, String taskId);

	/**
	 * Whether {@code userId} may work on the open task {@code taskId} as it is now, by
	 * the checks every command that works a task runs (Camunda's {@code TASK_WORK}, the
	 * product's rules): what writing a note on it (Tasklist's 添加意见) takes. False for a
	 * task that does not exist or has ended, and for a body's lead who only reads it.
	 */
	boolean mayWork(String userId, String taskId);

}
