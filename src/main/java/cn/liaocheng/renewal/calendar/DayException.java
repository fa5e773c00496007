package cn.liaocheng.renewal.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One day that breaks the Monday-to-Friday rule, as announced (or, before the
 * announcement, projected).
 */
record DayException(LocalDate date, Kind kind, String holiday, Source source) {

	DayException {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
	}

	enum Kind {

		/** A day off, whatever day of the week it is. */
		HOLIDAY,

		/** A day worked, whatever day of the week it is (a weekend make-up day, 调休上班). */
		WORKDAY

	}

	enum Source {

		/** From the State Council's notice for the year. */
		OFFICIAL,

		/**
		 * Derived from the holiday rules before the notice was known; an administrator
		 * must check it.
		 */
		PROJECTED

	}

	/**
	 * Whether two lists name the same days with the same kinds (what deadlines count);
	 * the holiday's name and the row's source do not count.
	 */
	static boolean sameDays(List<DayException> a, List<DayException> b) {
		return kinds(a).equals(kinds(b));
	}

	/** Each listed day with its kind. */
	static Map<LocalDate, Kind> kinds(List<DayException> rows) {
		Map<LocalDate, Kind> kinds = new HashMap<>();
		for (DayException row : rows) {
			kinds.put(row.date(), row.kind());
		}
		return kinds;
	}

}
