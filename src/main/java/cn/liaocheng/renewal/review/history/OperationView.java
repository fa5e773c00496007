package cn.liaocheng.renewal.review.history;

import java.time.Instant;

/** One approval operation as the dossier page lists it. */
public record OperationView(Instant at, String operation, String stepName, String actorName, String targetName,
		String reason) {

	public String label() {
		return switch (operation) {
			case "TRANSFER" -> "转办";
			case "DELEGATE" -> "委派";
			case "ADD_REVIEWER" -> "加签";
			case "COPY" -> "抄送";
			case "RELEASE" -> "放回本部门待办";
			case "WITHDRAW" -> "撤回";
			case "RETURN_TO_PREVIOUS" -> "退回上一环节";
			case "URGE" -> "催办";
			case "JOINT_REVIEW_URGE" -> "催办联审单位";
			case "REASSIGN" -> "负责人改派";
			case "CLAIM" -> "认领";
			default -> operation;
		};
	}

}
