package cn.liaocheng.renewal.decision;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * Every way an application can end, with the document's Chinese title. Outcomes of the
 * same {@link Stage} exclude each other: an application gets at most one decision per
 * stage.
 */
public enum DecisionType {

	// LOAN_REFUSED is the central-bank branch's refusal to list (列入) the project.
	PROJECT_ACCEPTED(Stage.PROJECT, false, false, "项目入库通知书"), PROJECT_REFUSED(Stage.PROJECT, true, true, "不予入库决定书"),
	SUBSIDY_ALLOCATED(Stage.SUBSIDY, false, false, "奖补资金下达通知书"), SUBSIDY_REFUSED(Stage.SUBSIDY, true, true, "不予奖补决定书"),
	LOAN_LISTED(Stage.LOAN, false, false, "设备更新贷款项目入选通知书"), LOAN_REFUSED(Stage.LOAN, true, true, "不予列入贷款支持项目清单决定书"),
	/**
	 * A county department's refusal at any of its steps: it does not decide the library,
	 * the subsidy or the listing, it does not recommend (不予推荐), and the application ends
	 * there. One per kind of application, so that the stage stays one decision per
	 * application.
	 */
	PROJECT_NOT_RECOMMENDED(Stage.PROJECT, true, true, "不予推荐决定书"),
	SUBSIDY_NOT_RECOMMENDED(Stage.SUBSIDY, true, true, "不予推荐决定书"),
	LOAN_NOT_RECOMMENDED(Stage.LOAN, true, true, "不予推荐决定书"),
	/**
	 * The city lead bureau's refusal at acceptance (不予受理): the application is not taken
	 * into the joint review, which never decided it.
	 */
	PROJECT_NOT_ACCEPTED(Stage.PROJECT, true, true, "不予受理决定书"),
	SUBSIDY_NOT_ACCEPTED(Stage.SUBSIDY, true, true, "不予受理决定书"), LOAN_NOT_ACCEPTED(Stage.LOAN, true, true, "不予受理决定书"),
	/**
	 * The city lead bureau's refusal of a loan application after the joint review: it
	 * does not list (the central-bank branch does, {@link #LOAN_REFUSED}), it does not
	 * push the project to the branch for listing.
	 */
	LOAN_NOT_PUSHED(Stage.LOAN, true, true, "不予推送列入贷款支持项目清单决定书"),
	/**
	 * A bank's own credit decision, told by the body that runs the listing: not an
	 * administrative act.
	 */
	LOAN_DECLINED(Stage.LOAN, true, false, "贷款审批结果告知书"),
	INTEREST_SUBSIDY_GRANTED(Stage.INTEREST_SUBSIDY, false, false, "贷款贴息确认通知书"),
	INTEREST_SUBSIDY_REFUSED(Stage.INTEREST_SUBSIDY, true, true, "不予贷款贴息决定书"),
	/**
	 * The city finance bureau's decision on a loan paid out on a day no national
	 * interest-subsidy rule covers (before the first, or after the last known): nothing
	 * is determined on the loan's day, and each of its tranches, that day's too, accrues
	 * by the rule in force on its own day, if any. Neither a confirmation of an amount
	 * nor a refusal of the loan's subsidy, which the ledger's payments would contradict.
	 */
	INTEREST_SUBSIDY_BY_TRANCHE(Stage.INTEREST_SUBSIDY, true, true, "贷款贴息分笔核定决定书"),
	/**
	 * One period's interest subsidy paid from the ledger: one notice per application and
	 * period.
	 */
	INTEREST_SUBSIDY_PAYMENT(Stage.INTEREST_SUBSIDY_PAYMENT, false, false, "贴息资金拨付通知书"),
	APPLICATION_LAPSED(Stage.LAPSE, true, true, "终止审查决定书"),
	/**
	 * The recovery of an allocated subsidy (追回): its reasons are the findings, the legal
	 * ground and the operative items (amount, deadline, where to pay, listing), written
	 * by the clawback module from its record.
	 */
	CLAWBACK_DECIDED(Stage.CLAWBACK, true, true, "追回财政奖补资金决定书"),
	/**
	 * The same finding when nothing of the allocation had been paid: the allocation is
	 * revoked (撤销) and nothing is to be repaid. Only the body that allocated it revokes
	 * it; the clawback's decisions before the allocating body was read from the record
	 * were of this type, signed by the city industry bureau.
	 */
	SUBSIDY_REVOKED(Stage.CLAWBACK, true, true, "撤销财政奖补资金决定书"),
	/**
	 * The same finding when nothing had been paid, made by a body other than the one that
	 * allocated the subsidy: it cannot revoke another body's act, so it states its
	 * finding, that payment is held, and that it proposes the revocation to the
	 * allocating body (and, for fraud, the listing it decides itself).
	 */
	SUBSIDY_REVOCATION_PROPOSED(Stage.CLAWBACK, true, true, "财政奖补资金处理决定书");

	/**
	 * What the decision settles; the database allows one decision per application, stage
	 * and period (the period is empty except for {@link #INTEREST_SUBSIDY_PAYMENT}, which
	 * settles one ledger period).
	 */
	public enum Stage {

		PROJECT, SUBSIDY, LOAN, INTEREST_SUBSIDY, INTEREST_SUBSIDY_PAYMENT, LAPSE, CLAWBACK

	}

	private final Stage stage;

	private final boolean adverse;

	private final boolean challengeable;

	private final String title;

	DecisionType(Stage stage, boolean adverse, boolean challengeable, String title) {
		this.stage = stage;
		this.adverse = adverse;
		this.challengeable = challengeable;
		this.title = title;
	}

	public Stage stage() {
		return stage;
	}

	/** An adverse outcome states its reasons. */
	public boolean adverse() {
		return adverse;
	}

	/**
	 * An administrative act the applicant may challenge, so the document states the
	 * remedies (行政复议, 行政诉讼). A bank's credit decision is not one.
	 */
	public boolean challengeable() {
		return challengeable;
	}

	public String title() {
		return title;
	}

	/** A county department's non-recommendation, the only refusal a county issues. */
	public boolean notRecommended() {
		return this == PROJECT_NOT_RECOMMENDED || this == SUBSIDY_NOT_RECOMMENDED || this == LOAN_NOT_RECOMMENDED;
	}

	public boolean notAccepted() {
		return this == PROJECT_NOT_ACCEPTED || this == SUBSIDY_NOT_ACCEPTED || this == LOAN_NOT_ACCEPTED;
	}

	/**
	 * Whether a county department may issue it: its non-recommendation, and the lapse of
	 * a case it returned for correction. Everything else is decided at city level.
	 */
	public boolean issuedByCounty() {
		return notRecommended() || this == APPLICATION_LAPSED;
	}

	/**
	 * A county department's non-recommendation as the enterprise is told it (the result
	 * of its case, its timeline): the county finance bureau checks the invoices only, and
	 * says so.
	 */
	public static String notRecommendedResult(String countyBody) {
		return GroupNames.isCountyFinance(countyBody) ? "发票未通过县级财政部门核验，不予推荐至市级" : "未通过县级审查，不予推荐";
	}

	/** The county's non-recommendation of an application for the given stage. */
	public static DecisionType notRecommended(Stage stage) {
		return switch (stage) {
			case PROJECT -> PROJECT_NOT_RECOMMENDED;
			case SUBSIDY -> SUBSIDY_NOT_RECOMMENDED;
			case LOAN -> LOAN_NOT_RECOMMENDED;
			default -> throw new IllegalArgumentException("no county recommendation for " + stage);
		};
	}

	/** The city's refusal to accept an application for the given stage. */
	public static DecisionType notAccepted(Stage stage) {
		return switch (stage) {
			case PROJECT -> PROJECT_NOT_ACCEPTED;
			case SUBSIDY -> SUBSIDY_NOT_ACCEPTED;
			case LOAN -> LOAN_NOT_ACCEPTED;
			default -> throw new IllegalArgumentException("no acceptance for " + stage);
		};
	}

}
