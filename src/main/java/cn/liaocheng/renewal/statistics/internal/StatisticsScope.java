package cn.liaocheng.renewal.statistics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a dashboard shows: the counties (empty: the whole city) and the year
 * ({@code null}: all years), which each table applies to its own time (first submission,
 * the batch's year, a task's end, a decision's or a payment's day) and says which. Built
 * only by {@link StatisticsAccess}, which decides the counties from who asks, never from
 * the request.
 */
public record StatisticsScope(Set<String> divisions, Integer year, boolean countyBody) {

	public StatisticsScope {
		divisions = Set.copyOf(divisions);
	}

	public boolean cityWide() {
		return divisions.isEmpty();
	}

	public LocalDate from() {
		return year == null ? null : LocalDate.of(year, 1, 1);
	}

	public LocalDate until() {
		return year == null ? null : LocalDate.of(year + 1, 1, 1);
	}

	/** The same counties, every year: what is open now, whenever it began. */
	StatisticsScope anyYear() {
		return new StatisticsScope(divisions, null, countyBody);
	}

	/**
	 * The SQL condition on an application aliased {@code alias} for this scope, on the
	 * column {@code timeColumn}, adding its parameters to {@code params} (the condition
	 * holds placeholders only).
	 */
	String where(String alias, String timeColumn, List<Object> params) {
		return whereAt(alias + "." + timeColumn, alias, params);
	}

	/**
	 * The SQL condition for this scope with the year on {@code time} (a qualified column,
	 * such as a task's end) and the counties on the application aliased {@code alias}.
	 */
	String whereAt(String time, String alias, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (year != null) {
			conditions.add(time + " >= ? AND " + time + " < ?");
			// A year in Beijing time: timestamps are written from instants, so the bounds
			// are instants too.
			params.add(Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(Dashboard.CHINA_ZONE).toInstant()));
			params.add(Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(Dashboard.CHINA_ZONE).toInstant()));
		}
		if (!divisions.isEmpty()) {
			conditions.add(
					alias + ".division_code IN (" + String.join(", ", divisions.stream().map(d -> "?").toList()) + ")");
			params.addAll(divisions.stream().sorted().toList());
		}
		return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
	}

}
