package cn.liaocheng.renewal.review;

import java.time.Instant;

/**
 * A body's lead ({@code actor}) took a review task from {@code from} (null: it waited in
 * the pool) and gave it to {@code to}, or back to the body's pool (null), with a reason
 * (改派, 收回).
 */
public record TaskReassigned(long applicationId, String taskId, String taskName, String body, String from, String to,
		String actor, String reason, Instant due) {
}
