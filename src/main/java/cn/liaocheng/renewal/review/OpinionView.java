package cn.liaocheng.renewal.review;

import java.time.Instant;

/**
 * An opinion as the dossier timeline shows it; {@code superseded} when its step was taken
 * back (撤回) or returned to (退回上一环节) and done again, so it is no longer a conclusion of
 * the case. {@code bodyGroup} is the group the opinion was given for (who may see it
 * depends on it).
 */
public record OpinionView(Instant at, String stepName, String bodyGroup, String bodyName, String reviewerName,
		String decisionLabel, String decision, String opinion, boolean superseded) {
}
