package cn.liaocheng.renewal.review.opinions;

import java.time.Instant;

import cn.liaocheng.renewal.review.ReviewProcesses;

/** One reviewer's opinion at one step. */
public record Opinion(long id, long applicationId, String taskId, String step, String stepName, String bodyGroup,
		String bodyName, String reviewer, String reviewerName, String decision, String opinion, Instant at) {

	public String decisionLabel() {
		if (ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW.equals(step)) {
			// The finance bureau agrees with the computation (which may be zero) or
			// refuses the subsidy: "同意" beside a refusal would read as a contradiction.
			return switch (decision) {
				case "APPROVE" -> "同意测算结果";
				case "REFUSE" -> "不予贴息";
				default -> decision;
			};
		}
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
