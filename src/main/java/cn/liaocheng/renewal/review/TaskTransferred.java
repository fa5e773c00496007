package cn.liaocheng.renewal.review;

/** A review task was handed to a colleague of the same body ({@code toUser}), or back to the body's pool ({@code toUser} null). */
public record TaskTransferred(long applicationId, String taskId, String fromUser, String toUser, String bodyGroup) {
}
