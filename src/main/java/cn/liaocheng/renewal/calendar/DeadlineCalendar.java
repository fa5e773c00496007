package cn.liaocheng.renewal.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar the open deadlines were counted with ({@code deadline_calendar}), against
 * the calendar as it stands ({@code calendar_exception}): when an administrator corrects
 * the latter, {@link #pending()} names the correction until whoever moves the deadlines
 * records it as followed ({@link #followed}).
 */
@Service
public class DeadlineCalendar {

	private final DayExceptionSource current;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DeadlineCalendar(DayExceptionSource current, JdbcClient jdbc, JdbcTemplate batch) {
		this.current = current;
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * The correction the deadlines have not followed yet; empty when they were counted
	 * with the calendar as it stands.
	 */
	@Transactional(readOnly = true)
	public Optional<CalendarCorrection> pending() {
		List<DayException> corrected = current.load();
		List<DayException> counted = jdbc
			.sql("SELECT calendar_date, kind FROM deadline_calendar ORDER BY calendar_date")
			.query((rs, n) -> new DayException(rs.getObject(1, LocalDate.class),
					DayException.Kind.valueOf(rs.getString(2)), "", DayException.Source.OFFICIAL))
			.list();
		Map<LocalDate, DayException.Kind> before = DayException.kinds(counted);
		Map<LocalDate, DayException.Kind> after = DayException.kinds(corrected);
		if (before.equals(after)) {
			return Optional.empty();
		}
		SortedSet<LocalDate> changed = new TreeSet<>();
		before.forEach((day, kind) -> {
			if (after.get(day) != kind) {
				changed.add(day);
			}
		});
		after.forEach((day, kind) -> {
			if (before.get(day) != kind) {
				changed.add(day);
			}
		});
		String written = new TreeMap<>(after).entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(";"));
		return Optional
			.of(new CalendarCorrection(WorkingDays.of(counted), WorkingDays.of(corrected), changed, written));
	}

	/** One day of {@code calendar_exception} as administrators read it. */
	public record ListedDay(LocalDate date, boolean holiday, String name, boolean projected) {
	}

	/**
	 * The calendar as it stands in {@code calendar_exception} (what every node takes
	 * within a minute), by date, and the years it covers.
	 */
	public record Listed(List<ListedDay> days, SortedSet<Integer> coveredYears) {
	}

	@Transactional(readOnly = true)
	public Listed listed() {
		List<DayException> rows = current.load();
		return new Listed(rows.stream()
			.map(r -> new ListedDay(r.date(), r.kind() == DayException.Kind.HOLIDAY, r.holiday(),
					r.source() == DayException.Source.PROJECTED))
			.toList(), WorkingDays.of(rows).coveredYears());
	}

	/**
	 * Records that the open deadlines now follow {@code correction}'s corrected calendar,
	 * in the transaction that moved them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void followed(CalendarCorrection correction) {
		Objects.requireNonNull(correction, "correction");
		jdbc.sql("DELETE FROM deadline_calendar").update();
		List<Object[]> rows = correction.correctedRows()
			.stream()
			.map(r -> new Object[] { Date.valueOf(r.date()), r.kind().name() })
			.toList();
		batch.batchUpdate("INSERT INTO deadline_calendar (calendar_date, kind) VALUES (?, ?)", rows);
	}

}
