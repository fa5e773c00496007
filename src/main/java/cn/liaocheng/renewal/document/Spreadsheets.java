package cn.liaocheng.renewal.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an Excel workbook or a CSV file, the way every export of the system is
 * written: the title, the lines that say what the table covers, the header row, then the
 * rows. Cells are {@link String}, {@link Long} / {@link Integer} or {@link BigDecimal};
 * {@code null} is an empty cell. Numbers stay numbers in Excel (amounts with two decimals
 * and thousands separators, a one-decimal figure with one); text stays text, so nothing
 * from the data becomes a formula. The CSV is UTF-8 with a byte-order mark, which Excel
 * needs to read Chinese correctly, and text cells that a spreadsheet would take for a
 * formula are prefixed with an apostrophe.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/**
	 * One table to export.
	 *
	 * @param notes lines between the title and the header row (scope, time of export,
	 * remarks)
	 * @param widths each column's width in characters; the last one serves the columns
	 * beyond
	 */
	public record Table(String title, List<String> notes, List<String> headers, List<List<Object>> rows,
			List<Integer> widths) {

		public Table {
			notes = List.copyOf(notes);
			headers = List.copyOf(headers);
			rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
			widths = widths.isEmpty() ? List.of(16) : List.copyOf(widths);
		}

		int width(int column) {
			return widths.get(Math.min(column, widths.size() - 1));
		}

	}

	/**
	 * How an empty column of a template is formatted, so that what an accountant types or
	 * pastes there keeps its form: codes as text (leading zeros, long digit strings),
	 * counts and amounts as numbers, dates as dates.
	 */
	public enum Format {

		TEXT("@"), INTEGER("0"), AMOUNT("#,##0.00"), DATE("yyyy-mm-dd");

		private final String pattern;

		Format(String pattern) {
			this.pattern = pattern;
		}

	}

	public static byte[] xlsx(Table table) {
		return xlsx(table, List.of());
	}

	/**
	 * A table to be filled in: as {@link #xlsx(Table)}, with each column formatted by
	 * {@code formats} below the header and the rows above the data kept in view.
	 */
	public static byte[] template(Table table, List<Format> formats) {
		return xlsx(table, List.copyOf(formats));
	}

	private static byte[] xlsx(Table table, List<Format> formats) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			CellStyle amount = workbook.createCellStyle();
			amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			CellStyle decimal = workbook.createCellStyle();
			decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
			CellStyle count = workbook.createCellStyle();
			count.setDataFormat(workbook.createDataFormat().getFormat("0"));
			int r = 0;
			Cell title = sheet.createRow(r++).createCell(0);
			title.setCellValue(table.title());
			title.setCellStyle(header);
			for (String note : table.notes()) {
				sheet.createRow(r++).createCell(0).setCellValue(note);
			}
			Row head = sheet.createRow(r++);
			for (int c = 0; c < table.headers().size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(table.headers().get(c));
				cell.setCellStyle(header);
			}
			for (List<Object> values : table.rows()) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof BigDecimal number) {
						cell.setCellValue(number.doubleValue());
						cell.setCellStyle(number.scale() == 1 ? decimal : amount);
					}
					else if (value instanceof Number number) {
						cell.setCellValue(number.longValue());
						cell.setCellStyle(count);
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
			for (int c = 0; c < table.headers().size(); c++) {
				sheet.setColumnWidth(c, table.width(c) * 256);
			}
			for (int c = 0; c < formats.size(); c++) {
				CellStyle style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(formats.get(c).pattern));
				sheet.setDefaultColumnStyle(c, style);
			}
			if (!formats.isEmpty()) {
				sheet.createFreezePane(0, table.notes().size() + 2);
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] csv(Table table) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, List.of(table.title()));
		for (String note : table.notes()) {
			line(csv, List.of(note));
		}
		line(csv, List.copyOf(table.headers()));
		for (List<Object> row : table.rows()) {
			line(csv, row);
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder csv, List<?> cells) {
		for (int c = 0; c < cells.size(); c++) {
			if (c > 0) {
				csv.append(',');
			}
			csv.append(field(cells.get(c)));
		}
		csv.append("\r\n");
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
