package cn.liaocheng.renewal.review.tasks;

/**
 * A review task after it was handed over: who holds it now ({@code null} when it went
 * back to the body's pool).
 *
 * @param body the review group (body) within which it was handed over
 */
public record HandOver(String taskId, String taskName, String body, String bodyName, String assignee,
		String assigneeName) {
}
