package cn.liaocheng.renewal.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A dashboard view as an Excel workbook or a CSV file. Both begin with the view's title
 * and scope, then the header row and the rows exactly as the page shows them. The CSV is
 * UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly; text cells
 * that a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
@Component
public class TableExports {

	public byte[] xlsx(StatTable table, String scope) {
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
			sheet.createRow(r++).createCell(0).setCellValue(scope);
			if (table.note() != null) {
				sheet.createRow(r++).createCell(0).setCellValue(table.note());
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
				sheet.setColumnWidth(c, c == 0 ? 30 * 256 : 16 * 256);
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] csv(StatTable table, String scope) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, List.of(table.title()));
		line(csv, List.of(scope));
		if (table.note() != null) {
			line(csv, List.of(table.note()));
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
