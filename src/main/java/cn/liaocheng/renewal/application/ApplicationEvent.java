package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something that happened to an application, as its history shows it. The actor's login
 * id is the record's, never shown: pages and the API name the body or person.
 */
public record ApplicationEvent(Instant at, @JsonIgnore String actor, String actorName, String action, String message) {

	/**
	 * The reviewers' own handling of their tasks (hand-overs, claims, copies, take-backs,
	 * returns between steps, added reviewers, a lead's reminder): the record keeps it for
	 * them; the enterprise is told of the review's steps and conclusions, not of who in a
	 * body passed work to whom and why.
	 */
	private static final Set<String> INTERNAL = Set.of("TASK_TRANSFER", "TASK_DELEGATE", "TASK_RELEASE", "TASK_CLAIM",
			"TASK_COPY", "TASK_WITHDRAW", "TASK_RETURN_TO_PREVIOUS", "TASK_ADD_REVIEWER");

	/** Whether the enterprise named {@code enterpriseName} is told of it. */
	public boolean toldTo(String enterpriseName) {
		if (INTERNAL.contains(action)) {
			return false;
		}
		// A reminder is told when the enterprise sent it, not when a lead did.
		return !"TASK_URGE".equals(action) || java.util.Objects.equals(actorName, enterpriseName);
	}

	/** The first submission. */
	public static final String SUBMITTED = "SUBMITTED";

	/** A submission after a return for correction. */
	public static final String RESUBMITTED = "RESUBMITTED";

	/** The dossier's fields saved. */
	public static final String UPDATED = "UPDATED";

	public static final String ATTACHMENT_ADDED = "ATTACHMENT_ADDED";

	public static final String ATTACHMENT_REMOVED = "ATTACHMENT_REMOVED";

}
