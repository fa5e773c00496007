package cn.liaocheng.renewal.review;

/**
 * The holder of an internal step ({@code byUser}) sent the case back to the previous
 * internal step; {@code taskId} is that step's new task, {@code assignee} who holds it
 * again (null when it waits in its body's pool).
 */
public record StepReturnedToPrevious(long applicationId, String taskId, String byUser, String assignee,
		String bodyGroup) {
}
