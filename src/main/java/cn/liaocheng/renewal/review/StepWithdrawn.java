package cn.liaocheng.renewal.review;

/**
 * The reviewer {@code byUser} took back the step they had completed; {@code taskId} is
 * the step's new task, held by them.
 */
public record StepWithdrawn(long applicationId, String taskId, String byUser) {
}
