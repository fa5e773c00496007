package cn.liaocheng.renewal.calendar;

/**
 * A date falls in a year whose holidays the calendar does not hold. Deadlines are not
 * guessed: the weekday rule alone would be wrong by a week around the Spring Festival, so
 * the administrator must add the year's notice first.
 */
public class OutsideCalendarException extends RuntimeException {

	private final int year;

	OutsideCalendarException(int year, String coveredYears) {
		super("工作日历未包含 " + year + " 年的节假日安排（现有 " + coveredYears + " 年），请管理员按国务院办公厅当年部分节假日安排的通知补充后再计算期限");
		this.year = year;
	}

	public int year() {
		return year;
	}

}
