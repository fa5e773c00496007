package cn.liaocheng.renewal.review;

import java.time.Instant;

/**
 * An opinion as the dossier timeline shows it; {@code superseded} when its step was taken
 * back (撤回) or returned to (退回上一环节) and done again, so it is no longer a conclusion of
 * the case.
 */
public record OpinionView(Instant at, String stepName, String bodyName, String reviewerName, String decisionLabel,
		String decision, String opinion, boolean superseded) {
}
