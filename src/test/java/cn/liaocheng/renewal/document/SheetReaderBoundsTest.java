package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.document.SheetReader.Cell;
import cn.liaocheng.renewal.document.SheetReader.Kind;

/**
 * The sheet reader's bounds on what a workbook's numbers and styles may cost: a numeric
 * cell stored with a huge exponent is given as stored, not written out; the styles part
 * is read as a stream, only the number format of each cell format, and refused past
 * Excel's own count of cell formats, in a moment and without building the part in memory;
 * dates are still told by their format, built-in or custom.
 */
class SheetReaderBoundsTest {

	private static final String MARK = "777777";

	@Test
	void aNumberWithAHugeExponentIsGivenAsStoredNotWrittenOut() throws Exception {
		byte[] file = withValue(workbook(null), "1E2000000");
		List<Cell> cells = assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> SheetReader.xlsx(file, 10, 10).rows().get(0).cells());
		assertThat(cells).contains(new Cell(1, Kind.NUMBER, "1E2000000"));
	}

	@Test
	void numbersOfASpreadsheetAreStillWrittenOut() throws Exception {
		for (String[] stored : new String[][] { { "1E+3", "1000" }, { "185000.50", "185000.5" }, { "2.0", "2" },
				{ "1.7976931348623157E308", new BigDecimal("1.7976931348623157E308").toPlainString() },
				{ "4.9E-324", new BigDecimal("4.9E-324").toPlainString() } }) {
			Cell cell = handler().number(stored[0]);
			assertThat(cell.kind()).isEqualTo(Kind.NUMBER);
			assertThat(cell.text()).isEqualTo(stored[1]);
		}
	}

	@Test
	void implausibleNumbersAreGivenAsStored() {
		for (String stored : new String[] { "1E331", "-1E331", "1E-340", "0E-400", "0E+400", "1E300000000",
				"1E-300000000", "1E2147483647", "1" + "0".repeat(40) + "1" }) {
			assertThat(SheetHandler.plausible(new BigDecimal(stored))).as(stored).isFalse();
			assertThat(handler().number(stored)).as(stored).isEqualTo(new Cell(0, Kind.NUMBER, stored));
		}
		for (String stored : new String[] { "0", "185000.5", "1E308", "-1E308", "4.9E-324", "1E-330", "1E330" }) {
			assertThat(SheetHandler.plausible(new BigDecimal(stored))).as(stored).isTrue();
		}
	}

	@Test
	void datesAreToldByBuiltInAndCustomFormats() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row row = book.createSheet("设备清单").createRow(0);
			CellStyle builtin = book.createCellStyle();
			builtin.setDataFormat((short) 14);
			CellStyle custom = book.createCellStyle();
			custom.setDataFormat(book.createDataFormat().getFormat("yyyy年m月d日"));
			CellStyle amount = book.createCellStyle();
			amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			row.createCell(0).setCellValue(LocalDate.of(2026, 3, 1));
			row.getCell(0).setCellStyle(builtin);
			row.createCell(1).setCellValue(LocalDate.of(2026, 2, 8));
			row.getCell(1).setCellStyle(custom);
			row.createCell(2).setCellValue(46000);
			row.getCell(2).setCellStyle(amount);
			row.createCell(3).setCellValue(46000);
			book.write(out);
			assertThat(SheetReader.xlsx(out.toByteArray(), 10, 10).rows().get(0).cells()).containsExactly(
					new Cell(0, Kind.DATE, "2026-03-01"), new Cell(1, Kind.DATE, "2026-02-08"),
					new Cell(2, Kind.NUMBER, "46000"), new Cell(3, Kind.NUMBER, "46000"));
		}
	}

	@Test
	void aWorkbookWithoutAStylesPartIsReadWithoutDates() throws Exception {
		byte[] file = rewritten(workbook("2"), "xl/styles.xml", null);
		assertThat(SheetReader.xlsx(file, 10, 10).rows().get(0).cells()).contains(new Cell(1, Kind.NUMBER, "2"));
	}

	/**
	 * 500,000 empty cell formats, 2.5 MB inflated (within the 16 MB bound): refused in a
	 * moment, with far less allocated than POI's XMLBeans styles table took for them.
	 */
	@Test
	void aStylesPartOfTooManyFormatsIsRefusedInAMomentWithLittleMemory() throws Exception {
		byte[] file = rewritten(workbook("2"), "xl/styles.xml", styles(500_000));
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		assertThatThrownBy(() -> SheetReader.xlsx(file, 10, 10)).isInstanceOf(SheetReader.Unreadable.class)
			.hasMessageContaining("单元格格式过多");
		long millis = (System.nanoTime() - start) / 1_000_000;
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(millis).as("milliseconds").isLessThan(1000);
		assertThat(allocated).as("bytes allocated").isLessThan(48L * 1024 * 1024);
	}

	/**
	 * 400,000 shared strings of two letters (7 MB inflated): refused while counted,
	 * before POI keeps each as a string (two such uploads at once ended a node).
	 */
	@Test
	void tooManySharedStringsAreRefusedBeforeTheyAreKept() throws Exception {
		StringBuilder part = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
		java.util.Random random = new java.util.Random(1);
		for (int i = 0; i < 400_000; i++) {
			part.append("<si><t>")
				.append((char) ('A' + random.nextInt(26)))
				.append((char) ('a' + random.nextInt(26)))
				.append("</t></si>");
		}
		byte[] file = rewritten(workbook("2"), "xl/sharedStrings.xml",
				part.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		assertThatThrownBy(() -> SheetReader.xlsx(file, 10, 10)).isInstanceOf(SheetReader.Unreadable.class)
			.hasMessage(SheetReader.TOO_MANY_STRINGS);
		assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated")
			.isLessThan(64L * 1024 * 1024);
	}

	@Test
	void asManyCellFormatsAsExcelAllowsAreRead() throws Exception {
		CellFormats formats = CellFormats.read(new ByteArrayInputStream(styles(CellFormats.MAX_CELL_FORMATS)));
		assertThat(formats.size()).isEqualTo(CellFormats.MAX_CELL_FORMATS);
		assertThatThrownBy(() -> CellFormats.read(new ByteArrayInputStream(styles(CellFormats.MAX_CELL_FORMATS + 1))))
			.isInstanceOf(CellFormats.TooMany.class);
	}

	@Test
	void onlyTheCellFormatsAndCustomNumberFormatsCount() throws Exception {
		String part = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\"/>"
				+ "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\"/><numFmt numFmtId=\"166\" formatCode=\""
				+ "y".repeat(2000) + "\"/></numFmts>"
				+ "<cellStyleXfs count=\"3\"><xf numFmtId=\"14\"/><xf/><xf/></cellStyleXfs>"
				+ "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
				+ "<xf numFmtId=\"165\"/><xf/><xf numFmtId=\"x\"/><xf numFmtId=\"166\"/></cellXfs>"
				+ "<dxfs><dxf><numFmt numFmtId=\"167\" formatCode=\"yyyy\"/></dxf></dxfs></styleSheet>";
		CellFormats formats = CellFormats.read(new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8)));
		assertThat(formats.size()).isEqualTo(7);
		assertThat(List.of(-1, 0, 1, 2, 3, 4, 5, 6, 7).stream().map(formats::isDate).toList()).containsExactly(false,
				false, true, true, false, false, false, false, false);
	}

	@Test
	void anExternalEntityInTheStylesPartIsNotFollowed() {
		String part = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<cellXfs><xf numFmtId=\"14\"/></cellXfs>&x;</styleSheet>";
		assertThatThrownBy(() -> CellFormats.read(new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Exception.class);
	}

	private static SheetHandler handler() {
		return new SheetHandler(null, CellFormats.NONE, 10, 10);
	}

	static byte[] styles(int formats) {
		StringBuilder styles = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\""
						+ formats + "\">");
		// Random comments keep the part from compressing past POI's own zip-bomb ratio.
		java.util.Random random = new java.util.Random(1);
		for (int i = 0; i < formats; i++) {
			styles.append("<xf/>");
			if (i % 100 == 99) {
				styles.append("<!--").append(Long.toString(random.nextLong(), 36)).append("-->");
			}
		}
		return styles.append("</cellXfs></styleSheet>").toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A workbook whose B1 holds {@code value} (a placeholder when null), a number. */
	private static byte[] workbook(String value) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("设备清单");
			Row row = sheet.createRow(0);
			row.createCell(0).setCellValue("数控车床");
			row.createCell(1).setCellValue(Double.parseDouble(value == null ? MARK : value));
			book.write(out);
			return out.toByteArray();
		}
	}

	/** The workbook with B1's stored value rewritten in the sheet's XML. */
	private static byte[] withValue(byte[] xlsx, String value) throws IOException {
		ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(rewritten)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith("xl/worksheets/")) {
					content = new String(content, StandardCharsets.UTF_8)
						.replace("<v>" + MARK + ".0</v>", "<v>" + value + "</v>")
						.replace("<v>" + MARK + "</v>", "<v>" + value + "</v>")
						.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		return rewritten.toByteArray();
	}

	/** The workbook with one part replaced, or left out when {@code part} is null. */
	private static byte[] rewritten(byte[] xlsx, String name, byte[] part) throws IOException {
		ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(rewritten)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals(name) && part == null) {
					continue;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(name) ? part : content);
				out.closeEntry();
			}
		}
		return rewritten.toByteArray();
	}

}
