package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.calendar.OutsideCalendarException;
import cn.liaocheng.renewal.calendar.WorkingDays;

/**
 * The words next to a task's due date in Tasklist's list, at the edges: due later today,
 * due earlier today, due after a weekend, overdue across a weekend. The calendar here is
 * Monday to Friday; the real one (holidays and 调休) is {@code WorkingDaysTest}'s.
 */
class TaskDeadlinesTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final TaskDeadlines deadlines = new TaskDeadlines(null, null, weekdays(), null, null);

	/** Friday 4 December 2026, 10:00 Beijing time. */
	private static final Instant FRIDAY_MORNING = at(LocalDateTime.of(2026, 12, 4, 10, 0));

	@Test
	void dueLaterTodayIsTodayAndDueEarlierTodayIsOverdueToday() {
		assertThat(deadlines.remaining("t", at(LocalDateTime.of(2026, 12, 4, 23, 59, 59)), FRIDAY_MORNING))
			.satisfies(r -> {
				assertThat(r.text()).isEqualTo("今日到期");
				assertThat(r.workingDays()).isZero();
				assertThat(r.overdue()).isFalse();
			});
		assertThat(deadlines.remaining("t", at(LocalDateTime.of(2026, 12, 4, 9, 0)), FRIDAY_MORNING)).satisfies(r -> {
			assertThat(r.text()).isEqualTo("已超期（今日到期）");
			assertThat(r.overdue()).isTrue();
		});
	}

	@Test
	void theWeekendDoesNotCountEitherWay() {
		// Due Monday: one working day left on Friday, whatever the two days between.
		assertThat(deadlines.remaining("t", at(LocalDateTime.of(2026, 12, 7, 23, 59, 59)), FRIDAY_MORNING).text())
			.isEqualTo("剩余 1 个工作日");
		// Due the Thursday before: one working day late on Friday; on Monday, two.
		Instant thursday = at(LocalDateTime.of(2026, 12, 3, 23, 59, 59));
		assertThat(deadlines.remaining("t", thursday, FRIDAY_MORNING)).satisfies(r -> {
			assertThat(r.text()).isEqualTo("已超期 1 个工作日");
			assertThat(r.workingDays()).isEqualTo(-1);
		});
		assertThat(deadlines.remaining("t", thursday, at(LocalDateTime.of(2026, 12, 6, 12, 0))).text()).as("on Sunday")
			.isEqualTo("已超期 1 个工作日");
		assertThat(deadlines.remaining("t", thursday, at(LocalDateTime.of(2026, 12, 7, 8, 0))).text()).as("on Monday")
			.isEqualTo("已超期 2 个工作日");
	}

	@Test
	void dueOnFridayAndSeenOnTheWeekendIsOverdueSinceFriday() {
		Instant friday = at(LocalDateTime.of(2026, 12, 4, 23, 59, 59));
		assertThat(deadlines.remaining("t", friday, at(LocalDateTime.of(2026, 12, 5, 9, 0)))).satisfies(r -> {
			assertThat(r.text()).as("on Saturday").isEqualTo("已超期（12月4日到期）");
			assertThat(r.overdue()).isTrue();
		});
		assertThat(deadlines.remaining("t", friday, at(LocalDateTime.of(2026, 12, 7, 9, 0))).text()).as("on Monday")
			.isEqualTo("已超期 1 个工作日");
	}

	/**
	 * A due date in a year whose holidays are not loaded (a date set by hand): the day is
	 * named, the list still answers.
	 */
	@Test
	void dueInAYearTheCalendarDoesNotHoldIsNamedByItsDay() {
		assertThat(deadlines.remaining("t", at(LocalDateTime.of(2028, 1, 14, 23, 59, 59)), FRIDAY_MORNING))
			.satisfies(r -> {
				assertThat(r.text()).isEqualTo("2028年1月14日到期（该年度节假日安排尚未载入，工作日无法计算）");
				assertThat(r.overdue()).isFalse();
				assertThat(r.workingDays()).as("the calendar days, more than the working days").isEqualTo(406);
			});
		assertThat(deadlines.remaining("t", at(LocalDateTime.of(2028, 1, 14, 23, 59, 59)),
				at(LocalDateTime.of(2028, 1, 20, 9, 0))))
			.satisfies(r -> {
				assertThat(r.text()).startsWith("已超期（2028年1月14日到期）");
				assertThat(r.overdue()).isTrue();
			});
	}

	private static Instant at(LocalDateTime time) {
		return time.atZone(CHINA).toInstant();
	}

	private static WorkingDays weekdays() {
		WorkingDays calendar = mock(WorkingDays.class);
		when(calendar.workingDaysBetween(any(), any())).thenAnswer(call -> {
			LocalDate from = call.getArgument(0);
			LocalDate to = call.getArgument(1);
			if (to.getYear() >= 2028) {
				throw mock(OutsideCalendarException.class);
			}
			int count = 0;
			for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
				if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
					count++;
				}
			}
			return count;
		});
		return calendar;
	}

}
