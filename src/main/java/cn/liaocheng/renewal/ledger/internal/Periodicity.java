package cn.liaocheng.renewal.ledger.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How long a ledger period is: a calendar month (the national monthly ledger, 月度台账) or a
 * calendar quarter.
 */
enum Periodicity {

	MONTHLY, QUARTERLY;

	/** The last day of the period that contains {@code day}. */
	LocalDate endOf(LocalDate day) {
		YearMonth month = YearMonth.from(day);
		if (this == QUARTERLY) {
			month = YearMonth.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 3);
		}
		return month.atEndOfMonth();
	}

	/** {@code 2026-03} or {@code 2026Q1}. */
	String label(LocalDate day) {
		return this == MONTHLY ? YearMonth.from(day).toString()
				: day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

}
