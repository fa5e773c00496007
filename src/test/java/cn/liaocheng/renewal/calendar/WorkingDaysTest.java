package cn.liaocheng.renewal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.liaocheng.renewal.calendar.DayException.Kind;
import cn.liaocheng.renewal.calendar.DayException.Source;

/**
 * The counting rules, over the official 2025 and 2026 exceptions given as a list (only
 * the weekday holidays and the weekend make-up days, which is all the counting needs).
 * The migration's own data is checked in {@link WorkingDayCalendarDataTest}.
 */
class WorkingDaysTest {

	private static final String HOLIDAYS = """
			2025-01-01 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-02-03 2025-02-04 2025-04-04
			2025-05-01 2025-05-02 2025-05-05 2025-06-02 2025-10-01 2025-10-02 2025-10-03 2025-10-06
			2025-10-07 2025-10-08
			2026-01-01 2026-01-02 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20 2026-02-23
			2026-04-06 2026-05-01 2026-05-04 2026-05-05 2026-06-19 2026-09-25 2026-10-01 2026-10-02
			2026-10-05 2026-10-06 2026-10-07""";

	private static final String MAKE_UP_DAYS = """
			2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11
			2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10""";

	private final WorkingDays workingDays = new WorkingDays(() -> official2025And2026());

	@Test
	void tenWorkingDaysAcrossTheSpringFestival2026CountBothMakeUpSaturdays() {
		// From Thu 2026-02-12: Fri 2/13 = 1, Sat 2/14 (make-up) = 2, 2/15-2/23 off (春节),
		// Tue 2/24 = 3, Wed 2/25 = 4, Thu 2/26 = 5, Fri 2/27 = 6, Sat 2/28 (make-up) = 7,
		// Sun 3/1 off, Mon 3/2 = 8, Tue 3/3 = 9, Wed 3/4 = 10.
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 2, 12), 10)).isEqualTo(LocalDate.of(2026, 3, 4));
	}

	@Test
	void nationalDay2025IsSkippedAndItsMakeUpSundayAndSaturdayCount() {
		// From Fri 2025-09-26: Sat 9/27 off, Sun 9/28 (make-up) = 1, Mon 9/29 = 2, Tue
		// 9/30 = 3, 10/1-10/8 off, Thu 10/9 = 4, Fri 10/10 = 5, Sat 10/11 (make-up) = 6,
		// Sun 10/12 off, Mon 10/13 = 7.
		LocalDate friday = LocalDate.of(2025, 9, 26);

		assertThat(workingDays.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2025, 9, 28));
		assertThat(workingDays.plusWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2025, 10, 10));
		assertThat(workingDays.plusWorkingDays(friday, 6)).isEqualTo(LocalDate.of(2025, 10, 11));
		assertThat(workingDays.plusWorkingDays(friday, 7)).isEqualTo(LocalDate.of(2025, 10, 13));
	}

	@Test
	void dueSoonCountsBackTwoWorkingDaysOverWeekendsAndHolidays() {
		// Due on a Monday: due soon from the Thursday before (Friday and Monday remain).
		assertThat(workingDays.minusWorkingDays(LocalDate.of(2025, 3, 17), 2)).isEqualTo(LocalDate.of(2025, 3, 13));
		// Due on 10 October 2025, after the National Day week: back over the holidays to
		// the make-up Sunday 28 September.
		assertThat(workingDays.minusWorkingDays(LocalDate.of(2025, 10, 10), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(workingDays.minusWorkingDays(LocalDate.of(2025, 10, 9), 1)).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(workingDays.minusWorkingDays(LocalDate.of(2025, 9, 30), 2)).isEqualTo(LocalDate.of(2025, 9, 28));
	}

	@Test
	void anOrdinaryWeekHasFiveWorkingDays() {
		// Mon 2025-03-10 + 5 = Mon 3/17: Tue, Wed, Thu, Fri, (weekend), Mon.
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2025, 3, 10), 5)).isEqualTo(LocalDate.of(2025, 3, 17));
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2025, 3, 7), LocalDate.of(2025, 3, 14))).isEqualTo(5);
	}

	@Test
	void fiveWorkingDayPublicNoticeFromAFridayEndsOnTheNextFriday() {
		// Published Fri 2026-03-06: Mon 3/9 .. Fri 3/13 are the five days; it closes at
		// 23:59:59 Beijing time.
		Instant published = OffsetDateTime.parse("2026-03-06T16:30:00+08:00").toInstant();

		assertThat(workingDays.deadline(published, 5, WorkingDays.CHINA))
			.isEqualTo(OffsetDateTime.parse("2026-03-13T23:59:59+08:00").toInstant());
	}

	@Test
	void fiveWorkingDayPublicNoticeFromAFridayBeforeDragonBoatStepsOverIt() {
		// Published Fri 2026-06-12: Mon 6/15 = 1 .. Thu 6/18 = 4, Fri 6/19 off (端午),
		// weekend, Mon 6/22 = 5.
		Instant published = OffsetDateTime.parse("2026-06-12T09:00:00+08:00").toInstant();

		assertThat(workingDays.deadline(published, 5, WorkingDays.CHINA))
			.isEqualTo(OffsetDateTime.parse("2026-06-22T23:59:59+08:00").toInstant());
	}

	@Test
	void tenWorkingDayCorrectionPeriodFromBeforeLabourDay2026() {
		// Returned for correction Tue 2026-04-28: Wed 4/29 = 1, Thu 4/30 = 2, 5/1-5/5 off
		// (劳动节), Wed 5/6 = 3, Thu 5/7 = 4, Fri 5/8 = 5, Sat 5/9 (make-up) = 6, Sun 5/10
		// off, Mon 5/11 = 7 .. Thu 5/14 = 10.
		Instant returned = OffsetDateTime.parse("2026-04-28T10:15:00+08:00").toInstant();

		assertThat(workingDays.deadline(returned, 10, WorkingDays.CHINA))
			.isEqualTo(OffsetDateTime.parse("2026-05-14T23:59:59+08:00").toInstant());
	}

	@Test
	void deadlineCountsFromTheDateInBeijingNotInUtc() {
		// 2025-09-25T20:00Z is already Fri 9/26 04:00 in Beijing: counting from 9/26
		// gives Fri 10/10, whereas counting from the UTC date (Thu 9/25) would give Thu
		// 10/9.
		Instant lateUtcEvening = Instant.parse("2025-09-25T20:00:00Z");

		assertThat(workingDays.deadline(lateUtcEvening, 5, WorkingDays.CHINA))
			.isEqualTo(Instant.parse("2025-10-10T15:59:59Z"));
	}

	@ParameterizedTest
	@CsvSource({ "2026-02-14, true", "2026-02-28, true", "2025-09-28, true", "2026-02-23, false", "2025-05-05, false",
			"2026-04-06, false", "2026-02-21, false", "2026-03-07, false", "2026-03-09, true" })
	void knowsMakeUpWeekendsHolidayWeekdaysAndOrdinaryDays(LocalDate date, boolean working) {
		assertThat(workingDays.isWorkingDay(date)).isEqualTo(working);
	}

	@Test
	void zeroWorkingDaysFromAHolidayIsTheFirstWorkingDayAfterIt() {
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 2, 16), 0)).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 2, 13), 0)).isEqualTo(LocalDate.of(2026, 2, 13));
	}

	@Test
	void countingBetweenTwoDatesUndoesAddingWorkingDays() {
		for (LocalDate start = LocalDate.of(2025, 1, 1); start
			.isBefore(LocalDate.of(2026, 11, 1)); start = start.plusDays(3)) {
			for (int n : new int[] { 1, 5, 10, 20 }) {
				assertThat(workingDays.workingDaysBetween(start, workingDays.plusWorkingDays(start, n)))
					.as("%s + %d", start, n)
					.isEqualTo(n);
			}
		}
	}

	@Test
	void workingDaysLeftCountAheadAndBackAndSayNothingOutsideTheCalendar() {
		LocalDate thursday = LocalDate.of(2026, 2, 12);
		// Ahead over the Spring Festival: the seven working days to the make-up Saturday.
		assertThat(workingDays.workingDaysLeft(thursday, LocalDate.of(2026, 2, 28))).contains(7);
		assertThat(workingDays.workingDaysLeft(thursday, thursday)).contains(0);
		// Passed: the working days since, negative.
		assertThat(workingDays.workingDaysLeft(LocalDate.of(2026, 2, 28), thursday)).contains(-7);
		assertThat(workingDays.workingDaysLeft(thursday, null)).isEmpty();
		assertThat(workingDays.workingDaysLeft(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 5))).isEmpty();
	}

	@Test
	void workingDaysBetweenAcrossTheSpringFestival2026() {
		// Exclusive Thu 2/12, inclusive Sat 2/28: 2/13, 2/14, 2/24, 2/25, 2/26, 2/27,
		// 2/28.
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 28))).isEqualTo(7);
		assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 12))).isZero();
	}

	@Test
	void refusesDatesInYearsTheCalendarDoesNotHold() {
		assertThatThrownBy(() -> workingDays.isWorkingDay(LocalDate.of(2024, 12, 31)))
			.isInstanceOfSatisfying(OutsideCalendarException.class, e -> assertThat(e.year()).isEqualTo(2024))
			.hasMessageContaining("2024 年")
			.hasMessageContaining("2025、2026");
		assertThatThrownBy(() -> workingDays.plusWorkingDays(LocalDate.of(2026, 12, 28), 5))
			.isInstanceOfSatisfying(OutsideCalendarException.class, e -> assertThat(e.year()).isEqualTo(2027));
	}

	@Test
	void outsideTheCalendarTheLatestAndEarliestDaysAreBoundsTheLoadedYearsNeverExceed() {
		// Inside the calendar: the counted day.
		assertThat(workingDays.plusWorkingDaysAtLatest(LocalDate.of(2026, 2, 12), 10))
			.isEqualTo(workingDays.plusWorkingDays(LocalDate.of(2026, 2, 12), 10));
		assertThat(workingDays.minusWorkingDaysAtEarliest(LocalDate.of(2026, 2, 24), 2))
			.isEqualTo(LocalDate.of(2026, 2, 13));
		assertThat(workingDays.deadlineAtLatest(Instant.parse("2026-03-06T02:00:00Z"), 5, WorkingDays.CHINA))
			.isEqualTo(workingDays.deadline(Instant.parse("2026-03-06T02:00:00Z"), 5, WorkingDays.CHINA));
		// Into 2027, which this calendar does not hold: seven days a started five working
		// days, and the nine days of the longest holiday.
		assertThat(workingDays.plusWorkingDaysAtLatest(LocalDate.of(2026, 12, 28), 5))
			.isEqualTo(LocalDate.of(2027, 1, 13));
		assertThat(workingDays.minusWorkingDaysAtEarliest(LocalDate.of(2027, 1, 5), 2))
			.isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(workingDays.deadlineAtLatest(Instant.parse("2026-12-28T02:00:00Z"), 5, WorkingDays.CHINA))
			.isEqualTo(Instant.parse("2027-01-13T15:59:59Z"));
		// The bound holds on every day of the two official years, the Spring Festival and
		// National Day included, for the counts the product uses and more.
		for (LocalDate start = LocalDate.of(2025, 1, 1); start
			.isBefore(LocalDate.of(2026, 11, 1)); start = start.plusDays(1)) {
			for (int n = 1; n <= WorkingDays.LONGEST_BOUNDED; n++) {
				LocalDate counted = workingDays.plusWorkingDays(start, n);
				assertThat(ChronoUnit.DAYS.between(start, counted)).as("%d working days from %s", n, start)
					.isLessThanOrEqualTo(WorkingDays.longestSpan(n));
				LocalDate end = start.plusDays(WorkingDays.longestSpan(WorkingDays.LONGEST_BOUNDED));
				LocalDate back = workingDays.minusWorkingDays(end, n);
				assertThat(ChronoUnit.DAYS.between(back, end)).as("%d working days before %s", n, end)
					.isLessThanOrEqualTo(WorkingDays.longestSpan(n));
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingDays.longestSpan(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingDays.longestSpan(WorkingDays.LONGEST_BOUNDED + 1));
	}

	@Test
	void refusesNegativeCountsAndReversedRanges() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> workingDays.plusWorkingDays(LocalDate.of(2026, 3, 2), -1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> workingDays.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)));
	}

	@Test
	void reloadPicksUpAYearAddedLater() {
		List<DayException> rows = new ArrayList<>(official2025And2026());
		WorkingDays calendar = new WorkingDays(() -> List.copyOf(rows));
		rows.add(new DayException(LocalDate.of(2027, 1, 1), Kind.HOLIDAY, "元旦", Source.PROJECTED));
		rows.add(new DayException(LocalDate.of(2027, 10, 1), Kind.HOLIDAY, "国庆节", Source.PROJECTED));

		assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)))
			.isInstanceOf(OutsideCalendarException.class);
		calendar.reload();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
	}

	/**
	 * Every node reads the table again periodically: a corrected day is taken, the same
	 * days (whatever their names or sources) are not taken again.
	 */
	@Test
	void reloadIfChangedTakesOnlyACorrectionOfTheDays() {
		List<DayException> rows = new ArrayList<>(official2025And2026());
		WorkingDays calendar = new WorkingDays(() -> List.copyOf(rows));
		LocalDate friday = LocalDate.of(2026, 12, 11);
		assertThat(calendar.isWorkingDay(friday)).isTrue();

		assertThat(calendar.reloadIfChanged()).as("nothing changed").isFalse();
		rows.replaceAll(r -> new DayException(r.date(), r.kind(), "改名", Source.PROJECTED));
		assertThat(calendar.reloadIfChanged()).as("names and sources do not count days").isFalse();
		rows.add(new DayException(friday, Kind.HOLIDAY, "更正", Source.OFFICIAL));
		assertThat(calendar.reloadIfChanged()).isTrue();
		assertThat(calendar.isWorkingDay(friday)).isFalse();
		assertThat(calendar.reloadIfChanged()).as("taken once").isFalse();
	}

	/**
	 * A year with a row or two only (1 January entered ahead of the notice) does not
	 * count: its Spring Festival would be counted as working days.
	 */
	@Test
	void aYearWithoutBothNewYearAndNationalDayDoesNotCount() {
		List<DayException> rows = new ArrayList<>(official2025And2026());
		rows.add(new DayException(LocalDate.of(2028, 1, 1), Kind.HOLIDAY, "元旦", Source.PROJECTED));
		WorkingDays calendar = new WorkingDays(() -> List.copyOf(rows));

		assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2028, 1, 27)))
			.isInstanceOf(OutsideCalendarException.class);
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue();
	}

	@Test
	void refusesACalendarThatListsADayTwice() {
		DayException day = new DayException(LocalDate.of(2026, 2, 14), Kind.WORKDAY, "春节", Source.OFFICIAL);

		assertThatThrownBy(() -> new WorkingDays(() -> List.of(day, day))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("2026-02-14");
	}

	private static List<DayException> official2025And2026() {
		List<DayException> rows = new ArrayList<>();
		Arrays.stream(HOLIDAYS.split("\\s+"))
			.forEach(d -> rows.add(new DayException(LocalDate.parse(d), Kind.HOLIDAY, "节假日", Source.OFFICIAL)));
		Arrays.stream(MAKE_UP_DAYS.split("\\s+"))
			.forEach(d -> rows.add(new DayException(LocalDate.parse(d), Kind.WORKDAY, "调休上班", Source.OFFICIAL)));
		return rows;
	}

}
