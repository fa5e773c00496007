package cn.liaocheng.renewal.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Equipment lists as an accountant's Excel file (a header row in the portal's words, then
 * the lines) and the multipart body a browser or a client sends with one.
 */
public final class EquipmentLists {

	public static final List<String> PROJECT_HEADERS = List.of("设备名称", "规格型号", "数量", "单价（元）", "产地", "替换的旧设备", "旧设备已用年限",
			"能效等级");

	private EquipmentLists() {
	}

	/**
	 * A workbook with the project columns in row 1 and {@code lines} from row 2; strings
	 * are text cells, numbers are number cells.
	 */
	public static byte[] project(List<List<Object>> lines) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("设备清单");
			write(sheet.createRow(0), List.copyOf(PROJECT_HEADERS));
			for (int i = 0; i < lines.size(); i++) {
				write(sheet.createRow(i + 1), lines.get(i));
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(Row row, List<?> values) {
		for (int c = 0; c < values.size(); c++) {
			if (values.get(c) instanceof String s) {
				row.createCell(c).setCellValue(s);
			}
			else if (values.get(c) instanceof Number n) {
				row.createCell(c).setCellValue(n.doubleValue());
			}
		}
	}

	/**
	 * A multipart body: the form fields (name, value pairs) then the file in part "file".
	 */
	public static Multipart multipart(String fileName, byte[] content, String... fields) {
		String boundary = "----equipment" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
					+ fields[i + 1] + "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return new Multipart(body.toByteArray(), "multipart/form-data; boundary=" + boundary);
	}

	public record Multipart(byte[] body, String contentType) {
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
