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

	/**
	 * Whether the case waits for the enterprise: a return for correction, or a granted
	 * loan to accept.
	 */
	public boolean needsAction() {
		return grantToAccept || status == ApplicationStatus.CORRECTION;
	}

	/** What the enterprise is to do next, for the list of cases that wait for it. */
	public String nextStep() {
		return grantToAccept ? "银行已同意放贷，请选择接受哪家银行的贷款" : "已退回补正，请按退回理由修改后重新提交";
	}

}
