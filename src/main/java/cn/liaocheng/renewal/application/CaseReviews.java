package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The review of submitted applications as this module sees it; the review module owns the
 * processes and implements it. Every call runs inside the transaction that records the
 * submission, resubmission, withdrawal or acceptance, so an acknowledged submission
 * always has its review and a rolled-back one leaves none behind.
 */
public interface CaseReviews {

	/**
	 * Starts the review of a first submission; answers the id of the case's review
	 * process.
	 */
	String start(Submission submission);

	/**
	 * Takes a corrected dossier back into review at the step that returned it. False when
	 * no correction is open (e.g. it lapsed).
	 */
	boolean resume(Submission corrected);

	/**
	 * What the open correction may not change: the parts verified by steps before the one
	 * that returned the case, which the review after the resubmission does not go through
	 * again. Empty when no correction is open or nothing is settled. {@code kind} is the
	 * application's, from its record.
	 */
	Set<SettledPart> settledInCorrection(long applicationId, ApplicationKind kind);

	/**
	 * Whether any reviewer has touched the case: claimed a task or completed one, in any
	 * of its steps.
	 */
	boolean started(long applicationId);

	/**
	 * Holds the case's open review tasks until the caller's transaction ends (it needs
	 * one), so that what {@link #started} answers next stays true while the caller acts
	 * on it: a claim made meanwhile waits for the transaction, and finds its task gone if
	 * the review was cancelled.
	 */
	void holdOpenTasks(long applicationId);

	/**
	 * Ends the review of a case its enterprise withdraws: before any reviewer touched it,
	 * or while it waits for the enterprise's correction.
	 */
	void cancel(String processInstanceId, String reason);

	/**
	 * The enterprise accepted a bank's grant: the loan review stops waiting for the other
	 * banks, or for the acceptance once every bank has decided. False, and nothing
	 * happened, when the review is between the two: the last bank has decided and its
	 * decisions are being summed up (an asynchronous step of a second or so), so that
	 * nothing waits for an acceptance yet; the caller refuses the acceptance for now.
	 */
	boolean loanOfferAccepted(long applicationId);

	/**
	 * What a review goes by: references, the routing inputs and a few words for
	 * reviewers' task lists — never the dossier itself, which the review reads from this
	 * module when it needs it.
	 *
	 * @param enterpriseUser the enterprise's user who submitted, who gets the correction
	 * task if there is one
	 * @param bankKeys the banks a loan is pushed to (empty for other kinds)
	 * @param loanAmount the loan asked for (null for other kinds)
	 */
	record Submission(long applicationId, ApplicationKind kind, String divisionCode, String referenceNo,
			String enterpriseUser, String enterpriseName, String title, List<String> bankKeys, BigDecimal loanAmount) {

		public Submission {
			bankKeys = bankKeys == null ? List.of() : List.copyOf(bankKeys);
		}

	}

}
