package cn.liaocheng.renewal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.TimeZone;

/**
 * Beijing time (UTC+8, no daylight saving): the one zone in which the system reads and
 * shows every date and time, whatever zone the server runs in.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);

	private ChinaTime() {
	}

	/**
	 * The same zone for the APIs that still take a {@link TimeZone} (PDF dates, signing
	 * times).
	 */
	public static TimeZone timeZone() {
		return TimeZone.getTimeZone(ZONE);
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** A day as Chinese documents write it: 2026年3月16日. */
	public static String day(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/**
	 * The Beijing wall clock of {@code column}, a {@code TIMESTAMP} column written from
	 * an instant, as SQL (H2 and PostgreSQL): the driver writes an instant as the wall
	 * clock of the JVM's zone (UTC in the shipped image), so {@code EXTRACT} or a cast to
	 * a date of the column itself gives that zone's day and month, eight hours off
	 * Beijing's. The column is moved by the difference between the two zones, taken now:
	 * the JVM's zone is assumed to keep one offset (UTC, or Beijing itself, when nothing
	 * is moved). {@code column} must be a column name of the caller's own SQL, never
	 * request text.
	 */
	public static String sqlWallClock(String column) {
		Instant now = Instant.now();
		int minutes = (ZONE.getRules().getOffset(now).getTotalSeconds()
				- ZoneId.systemDefault().getRules().getOffset(now).getTotalSeconds()) / 60;
		return minutes == 0 ? column : "(" + column + " + INTERVAL '" + minutes + "' MINUTE)";
	}

	/**
	 * A moment (an instant or a zoned time) to the minute, in Beijing time, as documents
	 * and messages write it: 2026年3月16日 09:05.
	 */
	public static String minute(TemporalAccessor at) {
		return MINUTE.format(at);
	}

}
