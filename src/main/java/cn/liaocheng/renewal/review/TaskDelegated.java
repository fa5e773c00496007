package cn.liaocheng.renewal.review;

/**
 * The holder ({@code owner}) delegated a review task to a colleague of the same body, who
 * resolves it back (委派).
 */
public record TaskDelegated(long applicationId, String taskId, String taskName, String owner, String delegate,
		String reason) {
}
