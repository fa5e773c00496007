package cn.liaocheng.renewal.review;

import java.time.Instant;

/**
 * The holder of an internal step ({@code byUser}) sent the case back to the previous
 * internal step; {@code taskId} is that step's new task ({@code taskName}),
 * {@code assignee} who holds it again (null when it waits in its body's pool),
 * {@code fromStep} the step it was sent back from and {@code reason} why; {@code due} the
 * new task's due date.
 */
public record StepReturnedToPrevious(long applicationId, String taskId, String byUser, String assignee,
		String bodyGroup, String taskName, String fromStep, String reason, Instant due) {
}
