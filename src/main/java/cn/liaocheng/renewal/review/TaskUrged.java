package cn.liaocheng.renewal.review;

/**
 * An open review task was urged (催办) by its body's lead or by the enterprise
 * ({@code byEnterprise}); {@code assignee} is null when the task waits in the body's
 * pool; {@code byName} is the urging enterprise or body as shown to people.
 */
public record TaskUrged(long applicationId, String taskId, String taskName, String byUser, String byName,
		boolean byEnterprise, String assignee, String bodyGroup, String reason) {
}
