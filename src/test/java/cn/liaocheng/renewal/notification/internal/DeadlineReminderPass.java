package cn.liaocheng.renewal.notification.internal;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * Runs the module's deadline reminders once, as the scheduler would at a given moment,
 * for tests of the modules whose deadlines they are: scheduling is off in tests, and the
 * job stays package-private in production.
 */
public final class DeadlineReminderPass {

	private final DeadlineReminders reminders;

	public DeadlineReminderPass(ApplicationContext context) {
		this.reminders = context.getBean(DeadlineReminders.class);
	}

	/** Writes the reminders due at {@code now}; returns how many were new. */
	public int runAt(Instant now) {
		return reminders.remind(now);
	}

}
