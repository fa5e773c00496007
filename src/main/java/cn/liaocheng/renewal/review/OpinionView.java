package cn.liaocheng.renewal.review;

import java.time.Instant;

/** An opinion as the dossier timeline shows it. */
public record OpinionView(Instant at, String stepName, String bodyName, String reviewerName, String decisionLabel,
		String decision, String opinion) {
}
