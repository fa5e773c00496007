package cn.liaocheng.renewal.application;

import java.time.Instant;

/** Something that happened to an application, as its history shows it. */
public record ApplicationEvent(Instant at, String actor, String actorName, String action, String message) {

	/** The first submission. */
	public static final String SUBMITTED = "SUBMITTED";

	/** A submission after a return for correction. */
	public static final String RESUBMITTED = "RESUBMITTED";

	/** The dossier's fields saved. */
	public static final String UPDATED = "UPDATED";

	public static final String ATTACHMENT_ADDED = "ATTACHMENT_ADDED";

	public static final String ATTACHMENT_REMOVED = "ATTACHMENT_REMOVED";

}
