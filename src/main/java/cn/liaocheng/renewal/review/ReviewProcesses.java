package cn.liaocheng.renewal.review;

/** Keys, element ids and variable names the review models in bpmn/ and the code share. */
public final class ReviewProcesses {

	public static final String COUNTY_REVIEW = "county-review";

	public static final String JOINT_REVIEW = "joint-review";

	public static final String CORRECTION = "correction";

	public static final String ROUTING_TABLE = "joint-review-routing";

	public static final String SUBSIDY_AMOUNT_TABLE = "subsidy-amount";

	public static final String EXPERT_REVIEW_TABLE = "subsidy-expert-review";

	public static final String INTEREST_SUBSIDY_TABLE = "interest-subsidy";

	/** Error thrown when an enterprise lets the correction deadline pass. */
	public static final String ERROR_CORRECTION_LAPSED = "CORRECTION_LAPSED";

	/** Variables. */
	public static final String APPLICATION_ID = "applicationId";

	public static final String DECISION = "decision";

	public static final String OPINION = "opinion";

	public static final String REVIEW_DECISION = "reviewDecision";

	public static final String REVIEW_BODIES = "reviewBodies";

	public static final String REVIEW_BODY = "reviewBody";

	public static final String JOINT_OUTCOME = "jointOutcome";

	public static final String CORRECTION_DEADLINE = "correctionDeadline";

	public static final String CORRECTION_REASONS = "correctionReasons";

	public static final String SUBSIDY_AMOUNT = "subsidyAmount";

	public static final String EXPERT_REVIEW = "expertReview";

	public static final String NOTICE_ENDS = "noticeEnds";

	public static final String HAS_OBJECTIONS = "hasObjections";

	public static final String OBJECTION_SUMMARY = "objectionSummary";

	public static final String DECISION_TYPE = "decisionType";

	/** Decisions reviewers give. */
	public static final String APPROVE = "APPROVE";

	public static final String RETURN = "RETURN";

	public static final String REFUSE = "REFUSE";

	public static final String GRANTED = "GRANTED";

	public static final String DECLINED = "DECLINED";

	/** Whether any chosen bank granted the loan (loan-application.bpmn, after every bank decided). */
	public static final String ANY_GRANTED = "anyGranted";

	/** A task is due soon (即将超期) when at most this many working days remain. */
	public static final int DUE_SOON_WORKING_DAYS = 2;

	/** Working days: a reviewer's step, a correction, a public notice. */
	public static final int REVIEW_DAYS = 5;

	public static final int CORRECTION_DAYS = 10;

	public static final int NOTICE_DAYS = 5;

	private ReviewProcesses() {
	}

}
