package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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

	/**
	 * A cell as the page shows it: amounts and other decimals with thousands separators
	 * and their own decimal places (7,500,000.00), counts from 10,000 on grouped as well,
	 * shorter whole numbers (a count, a year) as they are; an empty cell as a dash. The
	 * exports keep the numbers themselves.
	 */
	public static String shown(Object cell) {
		if (cell == null) {
			return "—";
		}
		if (cell instanceof BigDecimal decimal) {
			DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
			int places = Math.max(0, decimal.scale());
			format.setMinimumFractionDigits(places);
			format.setMaximumFractionDigits(places);
			return format.format(decimal);
		}
		if (cell instanceof Long count && Math.abs(count) >= 10_000) {
			return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(count);
		}
		return String.valueOf(cell);
	}

}
