package cn.liaocheng.renewal.review;

import java.util.List;
import java.util.Set;

import cn.liaocheng.renewal.application.ApplicationKind;

/**
 * Keys, element ids and variable names the review models in bpmn/ and the code share:
 * their one owner.
 */
public final class ReviewProcesses {

	/** The main process of each kind of application (file name = key). */
	public static final String PROJECT_REGISTRATION = "project-registration";

	public static final String SUBSIDY_APPLICATION = "subsidy-application";

	public static final String LOAN_APPLICATION = "loan-application";

	public static final String COUNTY_REVIEW = "county-review";

	public static final String JOINT_REVIEW = "joint-review";

	public static final String CORRECTION = "correction";

	/**
	 * The processes of the review itself. Review tasks of other modules' processes (after
	 * the award, clawback) keep their opinions of record like any other, but tell the
	 * enterprise in their own steps' words.
	 */
	public static final Set<String> REVIEW_PROCESSES = Set.of(PROJECT_REGISTRATION, SUBSIDY_APPLICATION,
			LOAN_APPLICATION, COUNTY_REVIEW, JOINT_REVIEW, CORRECTION);

	/** The root process of each kind of application, started when it is submitted. */
	public static final Set<String> MAIN_PROCESSES = Set.of(PROJECT_REGISTRATION, SUBSIDY_APPLICATION,
			LOAN_APPLICATION);

	/**
	 * Processes of other modules, started by the product as roots of their own with the
	 * application's key and recorded for it ({@link AfterAwardProcesses}), whose tasks
	 * use the review's listeners: after the award (payment, acceptance, evaluation) and
	 * clawback.
	 */
	public static final Set<String> AFTER_AWARD_PROCESSES = Set.of(AfterAwardProcesses.AFTERCARE,
			AfterAwardProcesses.CLAWBACK);

	public static final String ROUTING_TABLE = "joint-review-routing";

	public static final String SUBSIDY_AMOUNT_TABLE = "subsidy-amount";

	public static final String EXPERT_REVIEW_TABLE = "subsidy-expert-review";

	public static final String INTEREST_SUBSIDY_TABLE = "interest-subsidy";

	/** Error thrown when an enterprise lets the correction deadline pass. */
	public static final String ERROR_CORRECTION_LAPSED = "CORRECTION_LAPSED";

	/** Element ids the code acts on or names in a case's history. */
	public static final String TASK_COUNTY_FORMAL_REVIEW = "Task_CountyFormalReview";

	public static final String TASK_COUNTY_INVOICE_CHECK = "Task_CountyInvoiceCheck";

	public static final String TASK_COUNTY_RECOMMENDATION = "Task_CountyRecommendation";

	public static final String TASK_CITY_ACCEPTANCE = "Task_CityAcceptance";

	public static final String TASK_INDUSTRY_DECISION = "Task_IndustryDecision";

	public static final String TASK_FINANCE_ALLOCATION = "Task_FinanceAllocation";

	public static final String TASK_PBOC_LISTING = "Task_PbocListing";

	/**
	 * The city finance bureau's review of a granted loan's interest subsidy; its opinion
	 * decides the interest-subsidy decision.
	 */
	public static final String TASK_FINANCE_INTEREST_REVIEW = "Task_FinanceInterestReview";

	public static final String TASK_JOINT_REVIEW = "Task_JointReview";

	public static final String TASK_BANK_DECISION = "Task_BankDecision";

	public static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";

	public static final String TASK_RESOLVE_OBJECTIONS = "Task_ResolveObjections";

	/** The enterprise's task in the correction process. */
	public static final String TASK_ENTERPRISE_CORRECTION = "Task_EnterpriseCorrection";

	/**
	 * The corrections after which the county's invoice check runs again (the review goes
	 * back to the formal review or to the invoice check itself).
	 */
	public static final Set<String> CORRECTIONS_BEFORE_INVOICE_CHECK = Set.of("CallActivity_CorrectionAtFormalReview",
			"CallActivity_CorrectionAtInvoiceCheck");

	/**
	 * The corrections after which the joint review is routed again (the review goes back
	 * to a county step or to the city's acceptance, before the routing).
	 */
	public static final Set<String> CORRECTIONS_BEFORE_ROUTING = Set.of("CallActivity_CorrectionAtFormalReview",
			"CallActivity_CorrectionAtInvoiceCheck", "CallActivity_CorrectionAtRecommendation",
			"CallActivity_CorrectionAtAcceptance");

	/** The catch event the subsidy process waits at while the public notice runs. */
	public static final String NOTICE_PERIOD_ENDS = "TimerEvent_NoticePeriodEnds";

	/**
	 * The message the loan process waits for once a bank granted
	 * (bpmn/loan-application.bpmn).
	 */
	public static final String LOAN_OFFER_ACCEPTED = "LoanOfferAccepted";

	/** Variables. */
	public static final String APPLICATION_ID = "applicationId";

	/**
	 * What Tasklist's forms and lists show of a case: its reference, enterprise and
	 * title.
	 */
	public static final String REFERENCE_NO = "referenceNo";

	public static final String ENTERPRISE_NAME = "enterpriseName";

	public static final String APPLICATION_TITLE = "applicationTitle";

	/** The enterprise's user who submitted: the assignee of the correction task. */
	public static final String ENTERPRISE_USER = "enterpriseUser";

	/**
	 * Routing inputs: the kind of application, the county, and, in cases started before
	 * the banks were read from the dossier ({@code reviewRouting.banks}), the banks a
	 * loan is pushed to (comma-separated), which the model versions those cases run on
	 * still read.
	 */
	public static final String KIND = "kind";

	public static final String DIVISION_CODE = "divisionCode";

	public static final String BANK_KEYS = "bankKeys";

	/**
	 * The chosen banks' names as a loan's forms show them: a variable of each step of the
	 * case that is not a bank's own (a bank's step names that bank only), set when the
	 * step opens; on the case itself only in cases started before.
	 */
	public static final String BANK_NAMES = "bankNames";

	/** The loan asked for as the forms show it, thousands separated (15,000,000.00). */
	public static final String LOAN_AMOUNT = "loanAmount";

	public static final String DECISION = "decision";

	/**
	 * Task-local: the kind of application in Chinese (项目入库, 奖补资金, 设备更新贷款), for Tasklist's
	 * list.
	 */
	public static final String KIND_NAME = "kindName";

	public static final String OPINION = "opinion";

	public static final String REVIEW_DECISION = "reviewDecision";

	public static final String REVIEW_BODIES = "reviewBodies";

	public static final String REVIEW_BODY = "reviewBody";

	public static final String JOINT_OUTCOME = "jointOutcome";

	/**
	 * Whether the correction just ended changed what the dossier states
	 * ({@code Resubmission.changedFacts}): the joint review then runs again with every
	 * body (Task_CorrectionChangesAtJointReview, Task_CorrectionChangesAtDecision).
	 */
	public static final String CORRECTED_FACTS = "correctedFacts";

	public static final String CORRECTION_DEADLINE = "correctionDeadline";

	public static final String CORRECTION_REASONS = "correctionReasons";

	/** The subsidy as the forms show it, thousands separated (1,250,000.00). */
	public static final String SUBSIDY_AMOUNT = "subsidyAmount";

	/**
	 * The key task's number (1–15) as the routing and subsidy tables read it (their input
	 * {@code policyTask}).
	 */
	public static final String TABLE_POLICY_TASK = "policyTask";

	/** The routing table's inputs: the project's factor needs (新增用地、用能、排放指标). */
	public static final String TABLE_NEEDS_NEW_LAND = "needsNewLand";

	public static final String TABLE_NEEDS_ENERGY_USE = "needsEnergyUse";

	public static final String TABLE_NEEDS_EMISSION_QUOTA = "needsEmissionQuota";

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

	/**
	 * The terms a bank's officer enters with a grant (form {@code bank-decision}):
	 * task-local like the decision and opinion, so that one bank's terms are never
	 * another bank's to read, nor filled into its grant.
	 */
	public static final String GRANTED_AMOUNT = "grantedAmount";

	public static final String INTEREST_RATE = "interestRate";

	public static final String TERM_MONTHS = "termMonths";

	public static final String GRANT_DATE = "grantDate";

	public static final String LOAN_TYPE = "loanType";

	public static final String USED_RELENDING = "usedRelending";

	public static final List<String> BANK_TERMS = List.of(GRANTED_AMOUNT, INTEREST_RATE, TERM_MONTHS, GRANT_DATE,
			LOAN_TYPE, USED_RELENDING);

	/**
	 * Whether any chosen bank granted the loan (loan-application.bpmn, after every bank
	 * decided).
	 */
	public static final String ANY_GRANTED = "anyGranted";

	/** A task is due soon (即将超期) when at most this many working days remain. */
	public static final int DUE_SOON_WORKING_DAYS = 2;

	/** Working days: a reviewer's step, a correction, a public notice. */
	public static final int REVIEW_DAYS = 5;

	public static final int CORRECTION_DAYS = 10;

	public static final int NOTICE_DAYS = 5;

	private ReviewProcesses() {
	}

	/** The key of the process that reviews an application of this kind. */
	public static String processKey(ApplicationKind kind) {
		return switch (kind) {
			case PROJECT -> PROJECT_REGISTRATION;
			case SUBSIDY -> SUBSIDY_APPLICATION;
			case LOAN -> LOAN_APPLICATION;
		};
	}

}
