package cn.liaocheng.renewal.review.opinions;

import java.time.Instant;

/** One reviewer's opinion at one step. */
public record Opinion(long id, long applicationId, String taskId, String step, String stepName, String bodyGroup,
		String bodyName, String reviewer, String reviewerName, String decision, String opinion, Instant at) {

	public String decisionLabel() {
		return switch (decision) {
			case "APPROVE" -> "同意";
			case "RETURN" -> "退回补正";
			case "REFUSE" -> "不同意";
			case "GRANTED" -> "同意放贷";
			case "DECLINED" -> "不予放贷";
			default -> decision;
		};
	}

}
