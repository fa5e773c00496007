package cn.liaocheng.renewal.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.statistics.internal.StatisticsScope;

/**
 * The leadership dashboard's table of review bodies (各审核单位办理用时) as 冠县's leaders see it
 * this year: its rows, and a body's open tasks (在办).
 */
public final class BodyTable {

	/** 冠县, this year. */
	public static final StatisticsScope GUANXIAN = new StatisticsScope(Set.of("371525"),
			LocalDate.now(ChinaTime.ZONE).getYear(), false);

	private static final int OPEN_TASKS = 6;

	private static final int OVERDUE_TASKS = 7;

	private BodyTable() {
	}

	public static List<List<Object>> rows(Dashboard dashboard) {
		return dashboard.table("bodies", GUANXIAN).orElseThrow().rows();
	}

	public static long openTasks(Dashboard dashboard, String body) {
		return column(dashboard, body, OPEN_TASKS);
	}

	/** The body's open tasks past their due date (在办已超期). */
	public static long overdueTasks(Dashboard dashboard, String body) {
		return column(dashboard, body, OVERDUE_TASKS);
	}

	private static long column(Dashboard dashboard, String body, int column) {
		return rows(dashboard).stream()
			.filter(row -> body.equals(row.get(0)))
			.mapToLong(row -> (Long) row.get(column))
			.sum();
	}

}
