package cn.liaocheng.renewal.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A correction of the working-day calendar that the open deadlines have not followed yet:
 * the calendar they were counted with, the corrected one, the days whose kind changed (a
 * working day that became a holiday, or the other way round), and the corrected days
 * written out ({@code 2027-02-08=HOLIDAY;…}), which tells two corrections of the same
 * days apart.
 */
public record CalendarCorrection(WorkingDays before, WorkingDays after, SortedSet<LocalDate> changedDays,
		String corrected) {

	public CalendarCorrection {
		changedDays = Collections.unmodifiableSortedSet(new TreeSet<>(changedDays));
	}

	/** The corrected calendar's exceptions, to be recorded once the deadlines follow. */
	List<DayException> correctedRows() {
		return after.rows();
	}

}
