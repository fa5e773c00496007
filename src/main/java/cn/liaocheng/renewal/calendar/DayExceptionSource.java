package cn.liaocheng.renewal.calendar;

import java.util.List;

/**
 * Where the calendar's exceptions come from: the database in the application, a list in
 * tests.
 */
@FunctionalInterface
interface DayExceptionSource {

	List<DayException> load();

}
