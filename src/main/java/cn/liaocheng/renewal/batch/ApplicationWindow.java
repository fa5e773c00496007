package cn.liaocheng.renewal.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * One application window (申报批次): from {@code opensAt} (inclusive) to {@code closesAt}
 * (exclusive), first submissions of {@code kind} are accepted and counted in the library
 * of {@code year}.
 */
public record ApplicationWindow(long id, int year, ApplicationKind kind, Instant opensAt, Instant closesAt,
		String noticeTitle, String noticeText, String documentNo, int version, String updatedBy, Instant updatedAt) {

	public static final ZoneId BEIJING = ChinaTime.ZONE;

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(BEIJING);

	public enum State {

		UPCOMING("未开始"), OPEN("申报中"), CLOSED("已截止");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public boolean openAt(Instant now) {
		return !now.isBefore(opensAt) && now.isBefore(closesAt);
	}

	public State stateAt(Instant now) {
		return now.isBefore(opensAt) ? State.UPCOMING : now.isBefore(closesAt) ? State.OPEN : State.CLOSED;
	}

	/** The state now, for pages. */
	public State state() {
		return stateAt(Instant.now());
	}

	/** "2027年3月1日 09:00 至 2027年3月31日 17:00（北京时间）". */
	public String period() {
		return opensText() + " 至 " + closesText() + "（北京时间）";
	}

	public String opensText() {
		return ChinaTime.minute(opensAt);
	}

	/**
	 * A window that ends at midnight ends, as notices say it, at 24:00 of the day before.
	 */
	public String closesText() {
		ZonedDateTime end = closesAt.atZone(BEIJING);
		if (end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return ChinaTime.minute(end.minusDays(1)).replaceFirst("00:00$", "24:00");
		}
		return ChinaTime.minute(closesAt);
	}

	/**
	 * The window's last day: the day of its closing, or the day before a midnight close.
	 */
	public LocalDate lastDay() {
		return LocalDate.ofInstant(closesAt.minusNanos(1), BEIJING);
	}

	/** The opening time as a {@code datetime-local} field holds it, in Beijing time. */
	public String opensInput() {
		return INPUT.format(opensAt);
	}

	public String closesInput() {
		return INPUT.format(closesAt);
	}

	/** "2027年度 项目入库申请". */
	public String batchName() {
		return year + "年度" + kind.label();
	}

}
