package cn.liaocheng.renewal.statistics.internal;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * What the application figures are grouped by, with the SQL expression that groups them.
 * The expressions are constants: nothing from a request reaches the SQL text. A subsidy
 * claim or a loan has no policy task of its own; it counts under its registered project's
 * ({@code p}). Figures of the dossier are as last submitted ({@code submitted_*}), not
 * the working copy an enterprise edits during a correction.
 */
enum Dimension {

	COUNTY("a.division_code"), TASK("COALESCE(a.submitted_policy_task, p.submitted_policy_task)"), KIND("a.kind"),
	/** The month of the first submission in Beijing, as the year of the scope is. */
	MONTH(Dimension.yearMonth("a.submitted_at")),
	/**
	 * The application window (申报批次) of the first submission ({@code b}: the application's
	 * batch entry).
	 */
	BATCH("b.window_id");

	private final String sql;

	/**
	 * yyyyMM of a {@code TIMESTAMP} column in Beijing time
	 * ({@link ChinaTime#sqlWallClock}).
	 */
	static String yearMonth(String column) {
		String beijing = ChinaTime.sqlWallClock(column);
		return "EXTRACT(YEAR FROM " + beijing + ") * 100 + EXTRACT(MONTH FROM " + beijing + ")";
	}

	Dimension(String sql) {
		this.sql = sql;
	}

	String sql() {
		return sql;
	}

}
