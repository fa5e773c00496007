package cn.liaocheng.renewal.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an uploaded .xlsx (or a CSV file) as rows of typed cells,
 * within bounds, so that a hostile file costs little: the caller limits the file's size;
 * here the zip is walked first and refused once its entries would inflate beyond
 * {@link #MAX_INFLATED} bytes or {@link #MAX_ENTRIES} entries (POI's own zip-bomb checks
 * stay on behind this); the styles part is read as a bounded stream for the date formats
 * only ({@link CellFormats}), the sheet as a SAX stream, never as a workbook in memory,
 * and reading stops after {@code maxRows} non-empty rows. Formulas are never evaluated: a
 * cell holding one is reported as {@link Kind#FORMULA}, whatever value it last showed.
 */
public final class SheetReader {

	/** What the entries of one workbook may inflate to, together. */
	static final long MAX_INFLATED = 16L * 1024 * 1024;

	static final int MAX_ENTRIES = 200;

	/**
	 * Far more distinct texts than an equipment list of 200 rows holds: POI keeps each as
	 * a string, some 50 bytes for a text of two letters, so that 16 MB of them take
	 * hundreds of megabytes.
	 */
	static final int MAX_SHARED_STRINGS = 100_000;

	static final String TOO_MANY_STRINGS = "工作簿中的文字条目过多（超过 " + MAX_SHARED_STRINGS
			+ " 条），不像是一份设备清单；请将设备清单复制到新建的工作簿后重新上传";

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private SheetReader() {
	}

	/** What a cell holds, as stored: never the result of evaluating anything. */
	public enum Kind {

		TEXT, NUMBER, DATE, BOOLEAN, FORMULA, ERROR

	}

	/**
	 * One cell: its column (0 for A) and its content as text: a number as stored
	 * ("185000.5"), a date as yyyy-MM-dd, text as typed.
	 */
	public record Cell(int column, Kind kind, String text) {
	}

	/** One non-empty row, numbered as the spreadsheet shows it (from 1). */
	public record Row(int number, List<Cell> cells) {

		public Row {
			cells = List.copyOf(cells);
		}

	}

	/** The rows read; {@code truncated} when more non-empty rows followed. */
	public record Sheet(List<Row> rows, boolean truncated) {

		public Sheet {
			rows = List.copyOf(rows);
		}

	}

	/** The file cannot be read as a table; the message says why, in Chinese. */
	public static final class Unreadable extends Exception {

		public Unreadable(String message) {
			super(message);
		}

	}

	/** Whether the content is a zip (an .xlsx), by its first bytes. */
	public static boolean isXlsx(byte[] content) {
		return startsWith(content, ZIP);
	}

	/**
	 * The first sheet of an .xlsx, at most {@code maxRows} non-empty rows of at most
	 * {@code maxColumns} columns (cells further right are left out).
	 */
	public static Sheet xlsx(byte[] content, int maxRows, int maxColumns) throws Unreadable {
		if (startsWith(content, OLE2)) {
			throw new Unreadable("不支持旧版 .xls 或加密的工作簿，请在 Excel 中“另存为”Excel 工作簿（.xlsx）且不设密码后上传");
		}
		if (!isXlsx(content)) {
			throw new Unreadable("文件不是 Excel 工作簿（.xlsx），请使用下载的模板填写后上传");
		}
		checkInflatedSize(content);
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pkg);
			checkSharedStrings(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			CellFormats formats = cellFormats(reader);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new Unreadable("工作簿中没有工作表");
			}
			SheetHandler handler = new SheetHandler(strings, formats, maxRows, maxColumns);
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(handler);
				xml.parse(new InputSource(sheet));
			}
			catch (SheetHandler.Enough enough) {
				// More rows than asked for: what was read is returned, marked truncated.
			}
			return new Sheet(handler.rows(), handler.truncated());
		}
		catch (Unreadable e) {
			throw e;
		}
		catch (Exception e) {
			// POI refuses a zip bomb, a malformed package or malformed XML with various
			// exceptions; to the user they are all a file that cannot be read.
			throw new Unreadable("文件无法作为 Excel 工作簿读取，可能已损坏，请在 Excel 中重新“另存为”.xlsx 后上传");
		}
	}

	/**
	 * Counts the shared strings ({@code <si>}) as a stream before POI keeps them all, and
	 * refuses the workbook past {@link #MAX_SHARED_STRINGS}.
	 */
	private static void checkSharedStrings(OPCPackage pkg) throws Exception {
		for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
			try (InputStream in = part.getInputStream()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new DefaultHandler() {

					private int count;

					@Override
					public void startElement(String uri, String localName, String qName, Attributes attributes)
							throws SAXException {
						if ("si".equals(localName) && ++count > MAX_SHARED_STRINGS) {
							throw new TooManyStrings();
						}
					}

				});
				xml.parse(new InputSource(in));
			}
			catch (TooManyStrings e) {
				throw new Unreadable(TOO_MANY_STRINGS);
			}
		}
	}

	/** Stops the count of the shared strings at the bound. */
	private static final class TooManyStrings extends SAXException {

		TooManyStrings() {
			super(TOO_MANY_STRINGS);
		}

	}

	/**
	 * Which styles show dates, read from the styles part as a bounded stream (see
	 * {@link CellFormats}); a workbook without one shows none.
	 */
	private static CellFormats cellFormats(XSSFReader reader) throws Unreadable {
		InputStream part;
		try {
			part = reader.getStylesData();
		}
		catch (Exception e) {
			return CellFormats.NONE;
		}
		try (InputStream styles = part) {
			return CellFormats.read(styles);
		}
		catch (CellFormats.TooMany e) {
			throw new Unreadable(CellFormats.TOO_MANY);
		}
		catch (Exception e) {
			throw new Unreadable("文件无法作为 Excel 工作簿读取，可能已损坏，请在 Excel 中重新“另存为”.xlsx 后上传");
		}
	}

	/**
	 * A CSV file in UTF-8 (with or without byte-order mark) or, failing that, GBK, as
	 * Excel saves it in Chinese Windows. Every cell is text; one starting with "=" is
	 * reported as a formula, as a spreadsheet would read it.
	 */
	public static Sheet csv(byte[] content, int maxRows, int maxColumns) throws Unreadable {
		String text = decode(content);
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int recordStart = 1;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : '\n';
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					line += c == '\n' ? 1 : 0;
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				List<Cell> cells = csvCells(fields, maxColumns);
				fields.clear();
				if (!cells.isEmpty()) {
					if (rows.size() == maxRows) {
						return new Sheet(rows, true);
					}
					rows.add(new Row(recordStart, cells));
				}
				line++;
				recordStart = line;
			}
			else {
				field.append(c);
			}
		}
		return new Sheet(rows, false);
	}

	private static List<Cell> csvCells(List<String> fields, int maxColumns) {
		List<Cell> cells = new ArrayList<>();
		for (int column = 0; column < Math.min(fields.size(), maxColumns); column++) {
			String value = fields.get(column);
			if (!value.isBlank()) {
				cells.add(new Cell(column, value.startsWith("=") ? Kind.FORMULA : Kind.TEXT, value));
			}
		}
		return cells;
	}

	private static String decode(byte[] content) throws Unreadable {
		int start = startsWith(content, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }) ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		for (Charset charset : new Charset[] { StandardCharsets.UTF_8, Charset.forName("GBK") }) {
			try {
				CharBuffer chars = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(bytes.duplicate());
				String text = chars.toString();
				if (text.indexOf('\0') >= 0) {
					break;
				}
				return text;
			}
			catch (CharacterCodingException e) {
				// try the next encoding
			}
		}
		throw new Unreadable("CSV 文件的编码无法识别，请使用 UTF-8 或 GBK 编码保存，或直接上传 .xlsx");
	}

	/**
	 * Walks the zip's entries and refuses it once they inflate beyond the bound, before
	 * POI opens it; a zip bomb is refused after reading at most {@link #MAX_INFLATED}
	 * bytes of it.
	 */
	private static void checkInflatedSize(byte[] content) throws Unreadable {
		long inflated = 0;
		int entries = 0;
		byte[] buffer = new byte[8192];
		// POI reads the package with commons-compress too; java.util.zip refuses zips POI
		// itself writes.
		try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true,
				true)) {
			for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw new Unreadable("工作簿结构异常（包含的部件过多），请使用下载的模板填写后上传");
				}
				for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
					inflated += n;
					if (inflated > MAX_INFLATED) {
						throw new Unreadable("工作簿解压后过大（超过 16 MB），不像是一份设备清单；请删除多余的工作表、图片和格式后重新上传");
					}
				}
			}
		}
		catch (ZipException e) {
			throw new Unreadable("文件无法作为 Excel 工作簿读取，可能已损坏，请在 Excel 中重新“另存为”.xlsx 后上传");
		}
		catch (IOException e) {
			throw new Unreadable("文件无法作为 Excel 工作簿读取，可能已损坏，请在 Excel 中重新“另存为”.xlsx 后上传");
		}
		if (entries == 0) {
			throw new Unreadable("文件无法作为 Excel 工作簿读取，可能已损坏，请在 Excel 中重新“另存为”.xlsx 后上传");
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content == null || content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
