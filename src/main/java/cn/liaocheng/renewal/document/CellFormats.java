package cn.liaocheng.renewal.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which cell styles of a workbook show their number as a date: all the sheet reader needs
 * of the styles part ({@code xl/styles.xml}). The part is read as a SAX stream (POI's
 * parser, no external entities) keeping one number format id per cell format
 * ({@code cellXfs/xf}) and, per custom number format ({@code numFmts/numFmt}), whether it
 * is a date; never as POI's {@code StylesTable}, which holds the whole part as XMLBeans
 * objects, some hundreds of bytes per element, so that 5 MB of empty {@code <xf/>} would
 * take the heap. A part with more cell formats than Excel itself allows
 * ({@link #MAX_CELL_FORMATS}), or more custom number formats than
 * {@link #MAX_NUMBER_FORMATS}, is refused while being read.
 */
final class CellFormats {

	/** Excel allows at most 64,000 cell formats per workbook. */
	static final int MAX_CELL_FORMATS = 64_000;

	/** Excel allows some 250 custom number formats; far more is not an equipment list. */
	static final int MAX_NUMBER_FORMATS = 1_000;

	/**
	 * Excel's number format codes are at most 255 characters; a longer one is no date.
	 */
	private static final int MAX_FORMAT_CODE = 1_000;

	static final String TOO_MANY = "工作簿中的单元格格式过多（超过 Excel 允许的数量），不像是一份设备清单；请将设备清单复制到新建的工作簿后重新上传";

	/** No styles part: every number is a number. */
	static final CellFormats NONE = new CellFormats(new int[0], 0, Map.of());

	/** The number format id of each cell format, by style index. */
	private final int[] numberFormats;

	private final int count;

	/** Custom number format id → whether it shows a date. */
	private final Map<Integer, Boolean> customDates;

	private CellFormats(int[] numberFormats, int count, Map<Integer, Boolean> customDates) {
		this.numberFormats = numberFormats;
		this.count = count;
		this.customDates = customDates;
	}

	/** The styles part refused for its size; the message says why, in Chinese. */
	static final class TooMany extends SAXException {

		TooMany() {
			super(TOO_MANY);
		}

	}

	/** Reads the styles part; {@link TooMany} when it holds more formats than allowed. */
	static CellFormats read(InputStream styles) throws IOException, SAXException, ParserConfigurationException {
		Handler handler = new Handler();
		XMLReader xml = XMLHelper.newXMLReader();
		xml.setContentHandler(handler);
		xml.parse(new InputSource(styles));
		return new CellFormats(handler.numberFormats, handler.count, Map.copyOf(handler.customDates));
	}

	/** How many cell formats the part defines. */
	int size() {
		return count;
	}

	/** Whether a cell of the style index shows its number as a date. */
	boolean isDate(int style) {
		if (style < 0 || style >= count) {
			return false;
		}
		int id = numberFormats[style];
		Boolean custom = customDates.get(id);
		if (custom != null) {
			return custom;
		}
		String builtin = BuiltinFormats.getBuiltinFormat(id);
		return builtin != null && DateUtil.isADateFormat(id, builtin);
	}

	private static final class Handler extends DefaultHandler {

		private int[] numberFormats = new int[64];

		private int count;

		private final Map<Integer, Boolean> customDates = new HashMap<>();

		private boolean inCellFormats;

		private boolean inNumberFormats;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			switch (localName) {
				case "cellXfs" -> inCellFormats = true;
				case "numFmts" -> inNumberFormats = true;
				case "xf" -> {
					if (inCellFormats) {
						cellFormat(attributes);
					}
				}
				case "numFmt" -> {
					if (inNumberFormats) {
						numberFormat(attributes);
					}
				}
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "cellXfs" -> inCellFormats = false;
				case "numFmts" -> inNumberFormats = false;
				default -> {
				}
			}
		}

		private void cellFormat(Attributes attributes) throws TooMany {
			if (count == MAX_CELL_FORMATS) {
				throw new TooMany();
			}
			if (count == numberFormats.length) {
				numberFormats = Arrays.copyOf(numberFormats, Math.min(count * 2, MAX_CELL_FORMATS));
			}
			numberFormats[count++] = id(attributes.getValue("numFmtId"));
		}

		private void numberFormat(Attributes attributes) throws TooMany {
			if (customDates.size() == MAX_NUMBER_FORMATS) {
				throw new TooMany();
			}
			int id = id(attributes.getValue("numFmtId"));
			String code = attributes.getValue("formatCode");
			customDates.put(id, code != null && code.length() <= MAX_FORMAT_CODE && DateUtil.isADateFormat(id, code));
		}

		/** A format id as written; anything else is General (0), as Excel reads it. */
		private static int id(String value) {
			if (value == null || value.isBlank() || value.length() > 9) {
				return 0;
			}
			try {
				return Integer.parseInt(value.strip());
			}
			catch (NumberFormatException e) {
				return 0;
			}
		}

	}

}
