package cn.liaocheng.renewal.application;

import java.time.Instant;

/**
 * An application sent back after a correction: when, and what the correction changed
 * ({@link DossierChanges}): the parts separated by 、, {@code ""} when nothing was
 * changed, {@code null} when not recorded (resubmissions before the changes were kept).
 */
public record Resubmission(Instant at, String changes) {

	/**
	 * What the correction changed, as a clause: "修改了建设地点、附件" or "申报材料未作修改"; empty if not
	 * recorded.
	 */
	public String clause() {
		return clause(changes);
	}

	/** The clause for recorded changes, as {@link #changes} holds them. */
	public static String clause(String changes) {
		if (changes == null) {
			return "";
		}
		return changes.isEmpty() ? "申报材料未作修改" : "修改了" + changes;
	}

}
