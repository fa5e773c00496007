package cn.liaocheng.renewal.application;

import java.time.LocalDate;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * One thing an enterprise must do now about one of its cases, for the 需要您处理 list on its
 * start page and above 我的申报: which case, which step, what to do, by when, and the page
 * where it is done.
 *
 * @param step the step in a few words (待补正, 限期整改, 追回事先告知 …)
 * @param todo what to do, addressed to the enterprise
 * @param lastDay the last day (Beijing time, inclusive) on which it can be done in time;
 * {@code null} when the step has no deadline
 * @param link the page, and the place on it, where it is done
 * @param linkText the link's words (提交整改材料, 阅读告知书并陈述、申辩 …)
 * @param workingDaysLeft working days from today to {@code lastDay} (0 on the day itself,
 * negative once it has passed); {@code null} without a deadline or when the calendar does
 * not hold the year
 */
public record PendingAction(long applicationId, String referenceNo, String title, String step, String todo,
		LocalDate lastDay, String link, String linkText, Integer workingDaysLeft) {

	/** Whether the deadline has passed and the duty still stands (a repayment). */
	public boolean overdue() {
		return lastDay != null && lastDay.isBefore(ChinaTime.today());
	}

	/** Whether today is the last day. */
	public boolean dueToday() {
		return lastDay != null && lastDay.equals(ChinaTime.today());
	}

}
