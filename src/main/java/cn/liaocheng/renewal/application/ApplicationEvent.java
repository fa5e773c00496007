package cn.liaocheng.renewal.application;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Something that happened to an application, as its history shows it. The actor's login
 * id is the record's, never shown: pages and the API name the body or person.
 */
public record ApplicationEvent(Instant at, @JsonIgnore String actor, String actorName, String action, String message) {

	/**
	 * The reviewers' own handling of their tasks (every {@code TASK_*} action:
	 * hand-overs, claims, copies, take-backs, returns between steps, added reviewers, a
	 * lead's reminder) and the overdue reminders naming who holds a step: the record
	 * keeps them for the reviewers; the enterprise is told of the review's steps and
	 * conclusions, not of who in a body passed work to whom and why.
	 */
	public boolean toldToApplicant() {
		return action == null || !(action.startsWith("TASK_") || action.equals("OVERDUE")
				|| action.equals(CLAWBACK_REPAYMENT_RECORDED) || action.equals(CLAWBACK_REPAYMENT_RETURNED)
				|| action.equals(CLAWBACK_AWAITING_CHECK) || action.equals(SUBSIDY_COMPUTED));
	}

	/**
	 * How the subsidy was computed (table version, rate, cap, amounts): the reviewers'
	 * record. The enterprise is told the amount when it is proposed for the public
	 * notice, and never of one computed for a claim that ended without an award.
	 */
	public static final String SUBSIDY_COMPUTED = "SUBSIDY_COMPUTED";

	/**
	 * The repayment deadline passed with everything owed recorded as paid in time,
	 * waiting for its check: internal, the enterprise is told once it counts.
	 */
	public static final String CLAWBACK_AWAITING_CHECK = "CLAWBACK_AWAITING_CHECK";

	/**
	 * A repayment recorded by one officer of the county finance bureau, not yet checked
	 * by a second: internal until it counts.
	 */
	public static final String CLAWBACK_REPAYMENT_RECORDED = "CLAWBACK_REPAYMENT_RECORDED";

	/** A recorded repayment the second person returned: internal, it never counted. */
	public static final String CLAWBACK_REPAYMENT_RETURNED = "CLAWBACK_REPAYMENT_RETURNED";

	/** The first submission. */
	public static final String SUBMITTED = "SUBMITTED";

	/** A submission after a return for correction. */
	public static final String RESUBMITTED = "RESUBMITTED";

	/** The dossier's fields saved. */
	public static final String UPDATED = "UPDATED";

	public static final String ATTACHMENT_ADDED = "ATTACHMENT_ADDED";

	public static final String ATTACHMENT_REMOVED = "ATTACHMENT_REMOVED";

}
