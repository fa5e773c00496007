package cn.liaocheng.renewal.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Counts working days for deadlines (public notice periods, correction periods): Monday
 * to Friday, except the days in {@code calendar_exception}. The exceptions are read once
 * at start and kept in memory; {@link #reload()} reads them again after an administrator
 * changed the table.
 * <p>
 * A date in a year without rows is refused with {@link OutsideCalendarException} rather
 * than counted by the weekday rule: a silently wrong deadline (a week early around the
 * Spring Festival) is worse than a loud failure.
 */
@Service
public class WorkingDays {

	/** The zone of the official calendar and of every deadline the programme sets. */
	public static final ZoneId CHINA = ChinaTime.ZONE;

	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	/**
	 * The longest run of days off in the State Council's notices: the Spring Festival.
	 */
	private static final int LONGEST_HOLIDAY_DAYS = 9;

	/** The most working days {@link #longestSpan} bounds. */
	static final int LONGEST_BOUNDED = 20;

	private static final Logger LOG = LoggerFactory.getLogger(WorkingDays.class);

	private final DayExceptionSource source;

	private volatile Snapshot snapshot;

	@Autowired
	WorkingDays(DayExceptionSource source) {
		this.source = source;
		this.snapshot = read(source.load(), true);
	}

	/**
	 * A calendar of exactly {@code rows}, fixed: what deadlines were counted with before
	 * a correction, or are counted with after it ({@link CalendarCorrection}).
	 */
	static WorkingDays of(List<DayException> rows) {
		List<DayException> fixed = List.copyOf(rows);
		return new WorkingDays(fixed, () -> fixed);
	}

	private WorkingDays(List<DayException> rows, DayExceptionSource source) {
		this.source = source;
		this.snapshot = read(rows, false);
	}

	/** Reads the exceptions again, e.g. after next year's notice was added. */
	public void reload() {
		snapshot = read(source.load(), true);
	}

	/**
	 * Reads the exceptions again and takes them when they differ from those in use; true
	 * when they did. Every node calls it periodically ({@link CalendarReload}), so that a
	 * correction of {@code calendar_exception} reaches every node without a restart.
	 */
	public boolean reloadIfChanged() {
		List<DayException> rows = source.load();
		if (DayException.sameDays(rows, snapshot.rows())) {
			return false;
		}
		snapshot = read(rows, true);
		return true;
	}

	/**
	 * The years the calendar covers: those with their notice's 1 January and 1 October
	 * holidays listed.
	 */
	public SortedSet<Integer> coveredYears() {
		return snapshot.years();
	}

	/** The exceptions in use. */
	List<DayException> rows() {
		return snapshot.rows();
	}

	public boolean isWorkingDay(LocalDate date) {
		Objects.requireNonNull(date, "date");
		return snapshot.working(date);
	}

	/**
	 * Why {@code date} cannot end a period that a body sets (a repayment or rectification
	 * deadline): it is a statutory holiday or a rest day, and the next working day; empty
	 * when it is a working day or lies in a year the calendar does not hold yet (not
	 * checked then).
	 */
	public Optional<String> restDayProblem(LocalDate date) {
		try {
			if (isWorkingDay(date)) {
				return Optional.empty();
			}
			String next;
			try {
				next = "，例如 " + plusWorkingDays(date, 0);
			}
			catch (OutsideCalendarException e) {
				next = "";
			}
			return Optional.of(date + " 是法定节假日或休息日，期限的最后一日应为工作日，请选择工作日" + next);
		}
		catch (OutsideCalendarException e) {
			return Optional.empty();
		}
	}

	/**
	 * The {@code n}-th working day after {@code start} ({@code start} itself is not
	 * counted). With {@code n = 0}: {@code start} when it is a working day, otherwise the
	 * next working day, so the result is always a working day.
	 */
	public LocalDate plusWorkingDays(LocalDate start, int n) {
		Objects.requireNonNull(start, "start");
		if (n < 0) {
			throw new IllegalArgumentException("Working days must not be negative: " + n);
		}
		// One calendar for the whole count, even if a reload replaces it meanwhile.
		Snapshot current = snapshot;
		LocalDate day = start;
		if (n == 0) {
			while (!current.working(day)) {
				day = day.plusDays(1);
			}
			return day;
		}
		int counted = 0;
		while (counted < n) {
			day = day.plusDays(1);
			if (current.working(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * The {@code n}-th working day before {@code end} ({@code end} itself is not
	 * counted); {@code n} is at least 1.
	 */
	public LocalDate minusWorkingDays(LocalDate end, int n) {
		Objects.requireNonNull(end, "end");
		if (n < 1) {
			throw new IllegalArgumentException("Working days to go back must be at least 1: " + n);
		}
		Snapshot current = snapshot;
		LocalDate day = end;
		int counted = 0;
		while (counted < n) {
			day = day.minusDays(1);
			if (current.working(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * Working days from {@code today} to {@code lastDay}, as a page shows what is left of
	 * a period: 0 on the day itself, negative (the working days since) once it has
	 * passed; empty for no day, and where the calendar does not hold the years between.
	 */
	public Optional<Integer> workingDaysLeft(LocalDate today, LocalDate lastDay) {
		if (lastDay == null) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(lastDay.isBefore(today) ? -workingDaysBetween(lastDay, today) : workingDaysBetween(today, lastDay));
		}
		catch (OutsideCalendarException e) {
			return Optional.empty();
		}
	}

	/**
	 * The working days in ({@code fromExclusive}, {@code toInclusive}]; zero when both
	 * are the same day.
	 */
	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		Objects.requireNonNull(fromExclusive, "fromExclusive");
		Objects.requireNonNull(toInclusive, "toInclusive");
		if (toInclusive.isBefore(fromExclusive)) {
			throw new IllegalArgumentException(
					"End " + toInclusive + " is before start " + fromExclusive + " when counting working days");
		}
		Snapshot current = snapshot;
		int count = 0;
		for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
			if (current.working(day)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * A deadline's day moved on by the time lost from {@code lostFrom} to {@code lostTo}
	 * (both counted whole; an account disabled meanwhile): by that many working days, or,
	 * where the calendar does not hold the years the count needs, by that many calendar
	 * days.
	 */
	public Postponed postpone(LocalDate day, LocalDate lostFrom, LocalDate lostTo) {
		if (lostTo.isBefore(lostFrom)) {
			return new Postponed(0, day);
		}
		try {
			int days = workingDaysBetween(lostFrom.minusDays(1), lostTo);
			return new Postponed(days, plusWorkingDays(day, days));
		}
		catch (OutsideCalendarException e) {
			int days = (int) ChronoUnit.DAYS.between(lostFrom, lostTo) + 1;
			return new Postponed(days, day.plusDays(days));
		}
	}

	/** {@code days} lost, and the day a deadline then falls on. */
	public record Postponed(int days, LocalDate to) {
	}

	/**
	 * {@link #plusWorkingDays}, or where the calendar does not hold the years the count
	 * needs, the latest day it could come to ({@link #longestSpan}): for a date the
	 * product must set even then (a step resumed after a hold, the last day a reminder
	 * looks ahead to), later rather than too soon.
	 */
	public LocalDate plusWorkingDaysAtLatest(LocalDate start, int n) {
		try {
			return plusWorkingDays(start, n);
		}
		catch (OutsideCalendarException e) {
			return start.plusDays(longestSpan(n));
		}
	}

	/**
	 * {@link #minusWorkingDays}, or where the calendar does not hold the years the count
	 * needs, the earliest day it could come to ({@link #longestSpan}): a reminder early
	 * rather than late.
	 */
	public LocalDate minusWorkingDaysAtEarliest(LocalDate end, int n) {
		try {
			return minusWorkingDays(end, n);
		}
		catch (OutsideCalendarException e) {
			return end.minusDays(longestSpan(n));
		}
	}

	/**
	 * The most calendar days {@code n} working days can take, for years the calendar does
	 * not hold: seven days for every five working days or part of five, and the longest
	 * holiday with the weekends inside it (the Spring Festival, nine days). A bound for
	 * short counts only, up to {@link #LONGEST_BOUNDED} working days (the product's are
	 * two and five): a longer run can cross more than one holiday.
	 */
	static long longestSpan(int n) {
		if (n < 0 || n > LONGEST_BOUNDED) {
			throw new IllegalArgumentException("Working days outside 0.." + LONGEST_BOUNDED + ": " + n);
		}
		return 7L * ((n + 4) / 5) + LONGEST_HOLIDAY_DAYS;
	}

	/**
	 * The end (23:59:59 in {@code zone}, normally {@link #CHINA}) of the
	 * {@code workingDays}-th working day after the day on which {@code from} falls in
	 * that zone.
	 */
	public Instant deadline(Instant from, int workingDays, ZoneId zone) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(zone, "zone");
		LocalDate start = LocalDate.ofInstant(from, zone);
		return plusWorkingDays(start, workingDays).atTime(END_OF_DAY).atZone(zone).toInstant();
	}

	/**
	 * {@link #deadline}, or where the calendar does not hold the years it needs, the end
	 * of the latest day it could come to ({@link #plusWorkingDaysAtLatest}).
	 */
	public Instant deadlineAtLatest(Instant from, int workingDays, ZoneId zone) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(zone, "zone");
		LocalDate start = LocalDate.ofInstant(from, zone);
		return plusWorkingDaysAtLatest(start, workingDays).atTime(END_OF_DAY).atZone(zone).toInstant();
	}

	private static Snapshot read(List<DayException> rows, boolean log) {
		Map<LocalDate, DayException.Kind> exceptions = new HashMap<>();
		SortedSet<Integer> listed = new TreeSet<>();
		SortedSet<Integer> projectedYears = new TreeSet<>();
		for (DayException row : rows) {
			if (exceptions.put(row.date(), row.kind()) != null) {
				throw new IllegalStateException("Working-day calendar lists " + row.date() + " twice");
			}
			listed.add(row.date().getYear());
			if (row.source() == DayException.Source.PROJECTED) {
				projectedYears.add(row.date().getYear());
			}
		}
		// A year counts once its notice is in: every notice has 元旦 (1 January) and 国庆节
		// (1 October) among its holidays, and every day of a holiday block is listed. A
		// year with a few rows only (say 1 January) would otherwise count its Spring
		// Festival as working days.
		SortedSet<Integer> years = new TreeSet<>();
		for (int year : listed) {
			if (exceptions.get(LocalDate.of(year, 1, 1)) == DayException.Kind.HOLIDAY
					&& exceptions.get(LocalDate.of(year, 10, 1)) == DayException.Kind.HOLIDAY) {
				years.add(year);
			}
			else if (log) {
				LOG.warn("Working-day calendar: {} has rows but not both 1 January and 1 October as holidays; "
						+ "its dates are refused until the year's notice is entered in full", year);
			}
		}
		Snapshot loaded = new Snapshot(List.copyOf(rows), Map.copyOf(exceptions),
				Collections.unmodifiableSortedSet(years));
		if (!log) {
			return loaded;
		}
		LOG.info("Working-day calendar loaded: {} exceptions for the years {}", rows.size(), years);
		if (!projectedYears.isEmpty()) {
			LOG.warn("Working-day calendar: the holidays of {} are projected, not official; "
					+ "check calendar_exception against the State Council's notice", projectedYears);
		}
		return loaded;
	}

	private record Snapshot(List<DayException> rows, Map<LocalDate, DayException.Kind> exceptions,
			SortedSet<Integer> years) {

		boolean working(LocalDate date) {
			if (!years.contains(date.getYear())) {
				throw new OutsideCalendarException(date.getYear(), describeYears());
			}
			DayException.Kind kind = exceptions.get(date);
			if (kind != null) {
				return kind == DayException.Kind.WORKDAY;
			}
			return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

		String describeYears() {
			return years.isEmpty() ? "无" : years.stream().map(String::valueOf).collect(Collectors.joining("、"));
		}

	}

}
