package cn.liaocheng.renewal.statistics.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.document.Spreadsheets;

/**
 * A dashboard view as an Excel workbook or a CSV file ({@link Spreadsheets}): the view's
 * title, its scope and note, then the header row and the rows exactly as the page shows
 * them.
 */
@Component
public class TableExports {

	public byte[] xlsx(StatTable table, String scope) {
		return Spreadsheets.xlsx(sheet(table, scope));
	}

	public byte[] csv(StatTable table, String scope) {
		return Spreadsheets.csv(sheet(table, scope));
	}

	private static Spreadsheets.Table sheet(StatTable table, String scope) {
		List<String> notes = new ArrayList<>(List.of(scope));
		if (table.note() != null) {
			notes.add(table.note());
		}
		return new Spreadsheets.Table(table.title(), notes, table.headers(), table.rows(), List.of(30, 16));
	}

}
