package cn.liaocheng.renewal.statistics;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which money movements the dashboard asks for: those dated from {@code from} (inclusive) until {@code until}
 * (exclusive), either bound {@code null} for open; and only in {@code divisionCodes} unless that set is empty
 * (city-wide). A county body's dashboard passes its own county: an implementation must not return others.
 */
public record MoneyFlowQuery(LocalDate from, LocalDate until, Set<String> divisionCodes) {

	public MoneyFlowQuery {
		divisionCodes = Set.copyOf(divisionCodes);
	}

	/** Whether a movement in this county belongs to the answer. */
	public boolean covers(String divisionCode) {
		return divisionCodes.isEmpty() || divisionCodes.contains(divisionCode);
	}

	/** Whether a movement on this date belongs to the answer. */
	public boolean covers(LocalDate date) {
		return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
	}

}
