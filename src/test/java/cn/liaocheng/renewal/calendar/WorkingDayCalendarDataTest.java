package cn.liaocheng.renewal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The calendar as migration V40 leaves it in the database, read by the application's own
 * service.
 */
@WebIntegrationTest
class WorkingDayCalendarDataTest {

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Test
	void officialDatesOf2025And2026AreLoaded() {
		assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 26))).as("春节 make-up Sunday").isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 10, 8))).as("国庆节、中秋节 Wednesday").isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 10, 11))).as("国庆节 make-up Saturday").isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 1, 2))).as("元旦 Friday").isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 1, 4))).as("元旦 make-up Sunday").isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 23))).as("春节 Monday").isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 9, 20))).as("国庆节 make-up Sunday").isTrue();
	}

	@Test
	void deadlinesOverTheLoadedDataMatchTheHandCountedOnes() {
		// Hand counts in WorkingDaysTest: the 2026 Spring Festival and Labour Day.
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 2, 12), 10)).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 4, 28), 10)).isEqualTo(LocalDate.of(2026, 5, 14));
		assertThat(workingDays.plusWorkingDays(LocalDate.of(2025, 9, 26), 7)).isEqualTo(LocalDate.of(2025, 10, 13));
	}

	@Test
	void everyMakeUpDayIsAWeekendAndOnly2027IsProjected() {
		List<LocalDate> makeUpDays = jdbc.sql("SELECT calendar_date FROM calendar_exception WHERE kind = 'WORKDAY'")
			.query(LocalDate.class)
			.list();
		List<Integer> projectedYears = jdbc
			.sql("SELECT DISTINCT EXTRACT(YEAR FROM calendar_date) FROM calendar_exception WHERE source = 'projected'")
			.query(Integer.class)
			.list();

		assertThat(makeUpDays).hasSize(16)
			.allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
		assertThat(projectedYears).containsExactly(2027);
	}

	@Test
	void the2028CalendarIsNotGuessed() {
		assertThatThrownBy(() -> workingDays.plusWorkingDays(LocalDate.of(2027, 12, 29), 5))
			.isInstanceOf(OutsideCalendarException.class)
			.hasMessageContaining("2028 年");
	}

}
