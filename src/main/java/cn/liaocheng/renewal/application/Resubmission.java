package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.util.Arrays;

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

	/**
	 * Whether the correction changed what the dossier states (its figures, places, dates,
	 * banks or equipment lines), not only its attachments: opinions given on the dossier
	 * before no longer speak for it. {@code false} when the changes were not recorded.
	 */
	public boolean changedFacts() {
		return changes != null && !changes.isEmpty()
				&& Arrays.stream(changes.split("、")).anyMatch(part -> !DossierChanges.ATTACHMENTS.equals(part));
	}

	/** The clause for recorded changes, as {@link #changes} holds them. */
	public static String clause(String changes) {
		if (changes == null) {
			return "";
		}
		return changes.isEmpty() ? "申报材料未作修改" : "修改了" + changes;
	}

}
