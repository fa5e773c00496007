package cn.liaocheng.renewal.review.tasks;

import java.util.function.Supplier;

/**
 * A step that an approval operation opens again (撤回, 退回上一环节) is created by the engine
 * like any new task, but it is not new work for the whole body: it goes back to a named
 * person, and the operation tells them who sent it and why. While an operation re-creates
 * its step, the task listener asks here and does not announce the task as new.
 */
public final class RestartedSteps {

	private static final ThreadLocal<Boolean> RESTARTING = ThreadLocal.withInitial(() -> false);

	private RestartedSteps() {
	}

	/** Whether the task being created now is a step an operation opens again. */
	public static boolean now() {
		return RESTARTING.get();
	}

	static <T> T during(Supplier<T> restart) {
		boolean outer = RESTARTING.get();
		RESTARTING.set(true);
		try {
			return restart.get();
		}
		finally {
			RESTARTING.set(outer);
		}
	}

}
