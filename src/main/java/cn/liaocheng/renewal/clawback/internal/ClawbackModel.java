package cn.liaocheng.renewal.clawback.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import cn.liaocheng.renewal.review.AfterAwardProcesses;

/**
 * Key, element ids and variable names of {@code bpmn/clawback.bpmn} that the code shares
 * with the model.
 */
final class ClawbackModel {

	static final String PROCESS = "clawback";

	static final String MESSAGE_REPAID = "ClawbackRepaid";

	/**
	 * A repayment recorded as paid by the deadline was returned by its check, while the
	 * process waited for that check after the deadline.
	 */
	static final String MESSAGE_REPAYMENT_RETURNED = "ClawbackRepaymentReturned";

	/** The enterprise stated its case (陈述、申辩) within the notice's period. */
	static final String MESSAGE_STATEMENT_FILED = "ClawbackStatementFiled";

	/** The enterprise expressly waived its statement (放弃陈述、申辩). */
	static final String MESSAGE_STATEMENT_WAIVED = "ClawbackStatementWaived";

	static final String TASK_DETERMINE = AfterAwardProcesses.TASK_DETERMINE_CLAWBACK;

	/** The city industry bureau's review of a statement (复核陈述申辩). */
	static final String TASK_REVIEW_STATEMENT = AfterAwardProcesses.TASK_REVIEW_STATEMENT;

	static final String TIMER_STATEMENT_PERIOD = "TimerEvent_StatementPeriodOver";

	/** When the statement period ends: the timer's date. */
	static final String STATEMENT_ENDS_AT = "statementEndsAt";

	/** What the review form shows (read-only) of the notice and the statement. */
	static final String NOTICE_TEXT = "priorNoticeText";

	/**
	 * The most of the notice the review form shows: the engine keeps a text variable in
	 * 4,000 characters, and a notice (facts up to 4,000, the determination up to 2,000,
	 * and its own wording) can be longer. The notice itself is kept whole with the
	 * clawback, on its page.
	 */
	static final int NOTICE_SHOWN = 3000;

	/**
	 * The notice as the review form shows it: whole, or its beginning and where to read
	 * the rest.
	 */
	static String noticeShown(String body, long applicationId) {
		if (body.length() <= NOTICE_SHOWN) {
			return body;
		}
		return body.substring(0, NOTICE_SHOWN - 60) + "……\n（告知书全文较长，请在追回页面 /clawbacks/" + applicationId + " 查看全文）";
	}

	static final String STATEMENT = "enterpriseStatement";

	/**
	 * Working days the enterprise has to state its case, from the day after the notice.
	 */
	static final int STATEMENT_WORKING_DAYS = 5;

	/** Longest statement, in characters. */
	static final int MAX_STATEMENT = 2000;

	static final String TASK_CONFIRM = AfterAwardProcesses.TASK_CONFIRM_CLAWBACK;

	static final String TASK_OVERDUE_FOLLOW_UP = "Task_OverdueFollowUp";

	static final String TIMER_DEADLINE = "TimerEvent_DeadlinePassed";

	/** Variables the forms show (read-only) and the timer reads. */
	static final String CAUSE = "clawbackCause";

	static final String FACTS = "clawbackFacts";

	static final String ALLOCATED = "allocatedAmount";

	static final String DETERMINED_AMOUNT = "determinedAmount";

	static final String DETERMINED_DEADLINE = "determinedDeadline";

	static final String OUTSTANDING = "outstandingAmount";

	static final String DUE_AT = "repaymentDueAt";

	/**
	 * At the deadline: whether everything owed is recorded as paid in time and waits for
	 * its check, so the process waits for the check instead of following up.
	 */
	static final String AWAITING_CHECK = "awaitingCheck";

	/** Where the process decides whether to wait for the check (models since V110). */
	static final String GATEWAY_AWAITING_CHECK = "Gateway_AwaitingCheck";

	static final String TIMER_CHECK_WAIT_OVER = "TimerEvent_CheckWaitOver";

	/** The days the bureau has to check them: the timer's {@code P10D} in the model. */
	static final int CHECK_WAIT_DAYS = 10;

	/**
	 * Whether nothing of the allocation was paid, so the forms ask for no amount,
	 * deadline or account; the gateway after the decision reads {@link #REPAYMENT_OWED}.
	 */
	static final String NOTHING_PAID = "nothingPaid";

	static final String REPAYMENT_OWED = "repaymentOwed";

	/** Fields of the forms, read by the completion listeners. */
	static final String AMOUNT = "clawbackAmount";

	static final String DEADLINE = "repaymentDeadline";

	static final String LIST_NEGATIVE = "listNegative";

	static final String LIST_MONTHS = "listMonths";

	static final String ACCOUNT = "repaymentAccount";

	/**
	 * Shortest and longest time to pay, in days from the determination; longest listing
	 * in months.
	 */
	static final int MIN_DAYS_TO_PAY = 15;

	static final int MAX_DAYS_TO_PAY = 90;

	/**
	 * The deadline a decision issued {@code today} states: the one determined on
	 * {@code determinedOn}, unless the county's check took so long that fewer than
	 * {@link #MIN_DAYS_TO_PAY} days of it are left; then as many days from today as the
	 * bureau gave when it determined it (at least the minimum), so the enterprise never
	 * gets a deadline already passed or shorter than the rule allows. A period whose last
	 * day falls on a statutory holiday or a rest day ends on the first working day after
	 * it ({@code toWorkingDay}: the day itself when it is a working day, otherwise the
	 * next one), as the Civil Code counts periods (art. 203).
	 */
	static LocalDate deadlineOnIssue(LocalDate determined, LocalDate determinedOn, LocalDate today,
			UnaryOperator<LocalDate> toWorkingDay) {
		if (!determined.isBefore(today.plusDays(MIN_DAYS_TO_PAY))) {
			return determined;
		}
		long given = ChronoUnit.DAYS.between(determinedOn, determined);
		return toWorkingDay.apply(today.plusDays(Math.max(MIN_DAYS_TO_PAY, given)));
	}

	static final int MAX_LIST_MONTHS = 60;

	private ClawbackModel() {
	}

}
