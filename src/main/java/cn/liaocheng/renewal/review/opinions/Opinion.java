package cn.liaocheng.renewal.review.opinions;

import java.time.Instant;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.ReviewTaskContract;

/**
 * One reviewer's opinion at one step.
 *
 * @param chosenLabel the conclusion in the words of the option the reviewer picked on the
 * task's form ({@code null} for opinions recorded before these were kept, and for
 * completions of a task without such a form)
 */
public record Opinion(long id, long applicationId, String taskId, String step, String stepName, String bodyGroup,
		String bodyName, String reviewer, String reviewerName, String decision, String opinion, Instant at,
		String chosenLabel) {

	/**
	 * The conclusion as decisions and the case history state it: as the reviewer picked
	 * it, or, for an opinion recorded without those words or under words that say
	 * otherwise than its value (a form deployed before such words were refused), a
	 * paraphrase of its value.
	 */
	public String decisionLabel() {
		if (ReviewTaskContract.wordsAgree(decision, chosenLabel)) {
			return chosenLabel;
		}
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
