package cn.liaocheng.renewal.review;

/**
 * 加签: {@code byUser} of the city industry bureau added the body {@code bodyGroup} to a
 * running joint review; {@code taskId} is its task.
 */
public record JointReviewBodyAdded(long applicationId, String taskId, String bodyGroup, String byUser) {
}
