package cn.liaocheng.renewal.statistics.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One view of the dashboard as a table: what the page shows and what the Excel and CSV
 * exports contain, so the three never disagree. Cells are {@link String}, {@link Long} or
 * {@link java.math.BigDecimal}; {@code null} is an empty cell. The last row is a total
 * when {@code totalRow} is set.
 */
public record StatTable(String key, String title, String note, List<String> headers, List<List<Object>> rows,
		boolean totalRow) {

	public StatTable {
		headers = List.copyOf(headers);
		rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
	}

	public boolean isEmpty() {
		return rows.isEmpty() || (totalRow && rows.size() == 1);
	}

	/** Whether the cell is a number (right-aligned on the page, numeric in Excel). */
	public static boolean numeric(Object cell) {
		return cell instanceof Number;
	}

}
