package cn.liaocheng.renewal.aftercare.internal;

import cn.liaocheng.renewal.review.AfterAwardProcesses;

/**
 * Keys, element ids, messages and variables that bpmn/subsidy-aftercare.bpmn and the code
 * share.
 */
public final class AftercareModel {

	public static final String PROCESS_KEY = "subsidy-aftercare";

	public static final String PAYMENT_TASK = AfterAwardProcesses.TASK_RECORD_PAYMENT;

	public static final String COUNTY_CHECK_TASK = "Task_CountyAcceptanceCheck";

	public static final String CITY_ACCEPTANCE_TASK = AfterAwardProcesses.TASK_ONSITE_ACCEPTANCE;

	public static final String PERFORMANCE_TASK = "Task_PerformanceEvaluation";

	/** Messages the enterprise's actions correlate, by business key. */
	public static final String ACCEPTANCE_APPLIED = "AcceptanceApplied";

	public static final String RECTIFICATION_SUBMITTED = "RectificationSubmitted";

	public static final String PERFORMANCE_REPORTED = "PerformanceReported";

	/**
	 * The event sub-process that ends the process once the subsidy is recovered or
	 * revoked.
	 */
	static final String SUBSIDY_WITHDRAWN = "SubsidyWithdrawn";

	static final String WITHDRAWN_END = "EndEvent_SubsidyWithdrawn";

	/**
	 * Gateway flag and timer dates, written by listeners and delegates from the record,
	 * never by a form.
	 */
	static final String PAID_IN_FULL = "paidInFull";

	static final String RECTIFICATION_DUE = "rectificationDue";

	/** The timer that ends a rectification at {@link #RECTIFICATION_DUE}. */
	static final String RECTIFICATION_LAPSED_EVENT = "Event_RectificationLapsed";

	static final String PERFORMANCE_DUE = "performanceDue";

	/** Display strings for the forms (read-only fields). */
	static final String UNPAID_AMOUNT = "unpaidAmount";

	static final String ACCEPTANCE_SUMMARY = "acceptanceSummary";

	static final String PERFORMANCE_SUMMARY = "performanceSummary";

	/** Local input of the clawback service tasks: why the subsidy must be recovered. */
	static final String CLAWBACK_CAUSE = "clawbackCause";

	/**
	 * The fields of the after-award forms the listeners read: the county finance bureau's
	 * payment ({@code county-payment}), the city's acceptance
	 * ({@code city-onsite-acceptance}) and the evaluation
	 * ({@code performance-evaluation}); the decision and opinion are every review form's
	 * ({@code ReviewProcesses.DECISION}, {@code OPINION}).
	 */
	static final String PAYMENT_DATE = "paymentDate";

	static final String PAID_AMOUNT = "paidAmount";

	static final String VOUCHER_NO = "voucherNo";

	static final String RECTIFICATION_DEADLINE = "rectificationDeadline";

	static final String SCORE = "score";

	static final String GRADE = "grade";

	private AftercareModel() {
	}

}
