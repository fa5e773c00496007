package cn.liaocheng.renewal.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which money movements the dashboard asks for: those dated from {@code from} (inclusive)
 * until {@code until} (exclusive), either bound {@code null} for open; and only in
 * {@code divisionCodes} unless that set is empty (city-wide). A county body's dashboard
 * passes its own county: an implementation must not return others.
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

	/**
	 * The query as a SQL condition on an implementation's own columns, with the named
	 * parameters of {@link #parameters()}: the date bounds when set, the counties when
	 * named; {@code 1 = 1} for everything.
	 */
	public String condition(String dateColumn, String divisionColumn) {
		List<String> parts = new ArrayList<>();
		if (from != null) {
			parts.add(dateColumn + " >= :flowFrom");
		}
		if (until != null) {
			parts.add(dateColumn + " < :flowUntil");
		}
		if (!divisionCodes.isEmpty()) {
			parts.add(divisionColumn + " IN (:flowDivisions)");
		}
		return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
	}

	/** The named parameters {@link #condition} uses. */
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (from != null) {
			parameters.put("flowFrom", from);
		}
		if (until != null) {
			parameters.put("flowUntil", until);
		}
		if (!divisionCodes.isEmpty()) {
			parameters.put("flowDivisions", List.copyOf(divisionCodes));
		}
		return parameters;
	}

}
