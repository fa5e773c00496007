package cn.liaocheng.renewal.application;

import java.time.Instant;

/**
 * One line of an applicant's list.
 *
 * @param grantToAccept a loan that a bank has granted and that waits for the enterprise
 * to accept one grant
 */
public record ApplicationSummary(long id, String referenceNo, ApplicationKind kind, String title,
		ApplicationStatus status, Instant updatedAt, Instant submittedAt, boolean grantToAccept) {

	/**
	 * The stage as the list names it: the status, or 待确认贷款 while a granted loan waits for
	 * the enterprise.
	 */
	public String stageLabel() {
		return grantToAccept ? "待确认贷款" : status.label();
	}

	/**
	 * The badge's CSS class: one that asks for action while the enterprise has something
	 * to do.
	 */
	public String badge() {
		return grantToAccept ? "badge-action" : status.badge();
	}

}
