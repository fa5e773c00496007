package cn.liaocheng.renewal.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.renewal.security.MemoryBombs;

/**
 * Runs in a JVM of its own with the production memory flags: what {@code POST
 * /api/applications/{id}/equipment-import} does with an equipment list whose 数量 cells
 * hold a number written with a large exponent ("1E300000000"): a few bytes in the file, a
 * number of hundreds of millions of digits once written out.
 *
 * <p>
 * Arguments: {@code xlsx <number> <rows>} puts the number as a numeric cell's stored
 * value ({@code <v>}), {@code csv <number> <rows>} as the text of a CSV cell.
 */
public final class EquipmentImportNumberProbe {

	private static final String MARK = "777777";

	private EquipmentImportNumberProbe() {
	}

	public static void main(String[] args) throws IOException {
		MemoryBombs.occupyHeap();
		String number = args[1];
		int rows = Integer.parseInt(args[2]);
		byte[] file = switch (args[0]) {
			case "xlsx" -> xlsx(number, rows);
			case "styles" -> withStyles(xlsx("2", rows), Integer.parseInt(number));
			default -> csv(number, rows);
		};
		System.out.println("uploaded bytes " + file.length);
		long start = System.nanoTime();
		try {
			EquipmentImport.Read read = EquipmentImport.read(ApplicationKind.PROJECT,
					"设备清单." + ("csv".equals(args[0]) ? "csv" : "xlsx"), file);
			System.out.println("read lines " + read.lines().size() + ", problems " + read.problems());
		}
		catch (DossierInvalidException refused) {
			System.out.println("refused: " + refused.problems());
		}
		System.out.println("took ms " + (System.nanoTime() - start) / 1_000_000);
		System.out.println("survived");
	}

	/**
	 * The workbook with its styles part replaced by one of {@code formats} cell formats
	 * ({@code <xf/>}, five bytes each, a random comment after each hundred), within the
	 * reader's 16 MB bound on what the entries inflate to.
	 */
	static byte[] withStyles(byte[] xlsx, int formats) throws IOException {
		StringBuilder styles = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\""
						+ formats + "\">");
		// A comment of random letters after each hundred formats keeps the part from
		// compressing past POI's own zip-bomb ratio (1 %), as a real file would not.
		java.util.Random random = new java.util.Random(1);
		String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		String hundred = "<xf/>".repeat(100);
		for (int i = 0; i < formats / 100; i++) {
			styles.append(hundred).append("<!--");
			for (int j = 0; j < 16; j++) {
				styles.append(letters.charAt(random.nextInt(letters.length())));
			}
			styles.append("-->");
		}
		styles.append("</cellXfs></styleSheet>");
		byte[] part = styles.toString().getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(rewritten)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals("xl/styles.xml") ? part : content);
				out.closeEntry();
			}
		}
		return rewritten.toByteArray();
	}

	private static List<String> headers() {
		return EquipmentColumn.of(ApplicationKind.PROJECT).stream().map(EquipmentColumn::header).toList();
	}

	static byte[] csv(String number, int rows) {
		StringBuilder csv = new StringBuilder(String.join(",", headers())).append("\r\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(i).append(",数控车床,CK6150,").append(number).append(",185000.00,国产,旧车床,12,2\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A workbook made by POI with a placeholder quantity, whose stored value is then
	 * rewritten in the sheet's XML, as any zip tool can.
	 */
	static byte[] xlsx(String number, int rows) throws IOException {
		byte[] made;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("设备清单");
			Row header = sheet.createRow(0);
			List<String> headers = headers();
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(r);
				row.createCell(1).setCellValue("数控车床");
				row.createCell(2).setCellValue("CK6150");
				row.createCell(3).setCellValue(Double.parseDouble(MARK));
				row.createCell(4).setCellValue(185000.00);
				row.createCell(5).setCellValue("国产");
			}
			book.write(out);
			made = out.toByteArray();
		}
		ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(made));
				ZipOutputStream out = new ZipOutputStream(rewritten)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith("xl/worksheets/")) {
					content = new String(content, StandardCharsets.UTF_8)
						.replace("<v>" + MARK + ".0</v>", "<v>" + number + "</v>")
						.replace("<v>" + MARK + "</v>", "<v>" + number + "</v>")
						.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		return rewritten.toByteArray();
	}

}
