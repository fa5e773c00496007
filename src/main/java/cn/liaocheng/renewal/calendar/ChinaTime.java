package cn.liaocheng.renewal.calendar;

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
	 * A moment (an instant or a zoned time) to the minute, in Beijing time, as documents
	 * and messages write it: 2026年3月16日 09:05.
	 */
	public static String minute(TemporalAccessor at) {
		return MINUTE.format(at);
	}

}
