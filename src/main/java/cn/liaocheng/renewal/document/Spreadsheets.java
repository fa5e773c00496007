package cn.liaocheng.renewal.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an Excel workbook or a CSV file, the way every export of the system is
 * written: the title, the lines that say what the table covers, the header row, then the
 * rows; in Excel the rows down to the header stay in view while the rows scroll. Cells
 * are {@link String}, {@link Long} / {@link Integer}, {@link BigDecimal},
 * {@link LocalDateTime} or {@link LocalDate}; {@code null} is an empty cell. Numbers stay
 * numbers in Excel (amounts with two decimals and thousands separators, a one-decimal
 * figure with one) and times stay dates ({@code yyyy-mm-dd hh:mm}, a day
 * {@code yyyy-mm-dd}), so that a reader can sort and filter them; text stays text, so
 * nothing from the data becomes a formula, and text that Excel would take for a formula
 * once its cell is edited (starting with = + - @, a tab or a carriage return) is marked
 * as text (the quote prefix, Excel's leading apostrophe). The CSV is UTF-8 with a
 * byte-order mark, which Excel needs to read Chinese correctly, and such text is prefixed
 * with an apostrophe.
 */
public final class Spreadsheets {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
	 * {@code formats} below the header.
	 */
	public static byte[] template(Table table, List<Format> formats) {
		return xlsx(table, List.copyOf(formats));
	}

	private static byte[] xlsx(Table table, List<Format> formats) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
			Styles styles = Styles.of(workbook);
			int r = 0;
			Cell title = sheet.createRow(r++).createCell(0);
			title.setCellValue(table.title());
			title.setCellStyle(styles.header());
			for (String note : table.notes()) {
				sheet.createRow(r++).createCell(0).setCellValue(note);
			}
			Row head = sheet.createRow(r++);
			for (int c = 0; c < table.headers().size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(table.headers().get(c));
				cell.setCellStyle(styles.header());
			}
			for (List<Object> values : table.rows()) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					if (values.get(c) != null) {
						styles.write(row.createCell(c), values.get(c));
					}
				}
			}
			for (int c = 0; c < table.headers().size(); c++) {
				sheet.setColumnWidth(c, table.width(c) * 256);
			}
			for (int c = 0; c < formats.size(); c++) {
				sheet.setDefaultColumnStyle(c, Styles.formatted(workbook, formats.get(c).pattern));
			}
			sheet.createFreezePane(0, table.notes().size() + 2);
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The cell styles of a workbook, one of each, shared by all its cells. */
	private record Styles(CellStyle header, CellStyle amount, CellStyle decimal, CellStyle count, CellStyle minute,
			CellStyle day, CellStyle quoted) {

		static Styles of(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			return new Styles(header, formatted(workbook, Format.AMOUNT.pattern), formatted(workbook, "0.0"),
					formatted(workbook, Format.INTEGER.pattern), formatted(workbook, "yyyy-mm-dd hh:mm"),
					formatted(workbook, Format.DATE.pattern), quoted);
		}

		private static CellStyle formatted(Workbook workbook, String pattern) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
			return style;
		}

		void write(Cell cell, Object value) {
			if (value instanceof BigDecimal number) {
				cell.setCellValue(number.doubleValue());
				cell.setCellStyle(number.scale() == 1 ? decimal : amount);
			}
			else if (value instanceof Number number) {
				cell.setCellValue(number.longValue());
				cell.setCellStyle(count);
			}
			else if (value instanceof LocalDateTime time) {
				cell.setCellValue(time);
				cell.setCellStyle(minute);
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date);
				cell.setCellStyle(day);
			}
			else {
				String text = value.toString();
				cell.setCellValue(text);
				if (formulaLike(text)) {
					cell.setCellStyle(quoted);
				}
			}
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
		if (value instanceof LocalDateTime time) {
			return MINUTE.format(time);
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		String text = value.toString();
		if (formulaLike(text)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** Whether a spreadsheet would read the text as a formula if it were typed in. */
	static boolean formulaLike(String text) {
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
	}

}
