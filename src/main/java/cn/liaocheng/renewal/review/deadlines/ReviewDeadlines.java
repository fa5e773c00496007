package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The standard deadline of a review step: the end of the fifth working day from today,
 * Beijing time. The models' overdue timers start from it
 * ({@code ${reviewDeadlines.standard()}}): the engine creates a task's timers when it
 * enters the task, before the task and its due date exist, so the timer cannot read the
 * due date then; {@link OverdueTimer} moves it to the task's due date as soon as the task
 * has one.
 */
@Component("reviewDeadlines")
public class ReviewDeadlines {

	private final WorkingDays workingDays;

	ReviewDeadlines(WorkingDays workingDays) {
		this.workingDays = workingDays;
	}

	public Date standard() {
		return Date.from(workingDays.deadline(Instant.now(), ReviewProcesses.REVIEW_DAYS, ChinaTime.ZONE));
	}

}
