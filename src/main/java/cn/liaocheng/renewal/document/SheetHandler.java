package cn.liaocheng.renewal.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import cn.liaocheng.renewal.document.SheetReader.Cell;
import cn.liaocheng.renewal.document.SheetReader.Kind;
import cn.liaocheng.renewal.document.SheetReader.Row;

/**
 * The SAX reading of one worksheet's XML: each {@code <c>} becomes a {@link Cell} from
 * its type attribute, its style (for dates) and its stored value; a {@code <f>} makes it
 * a formula whatever value it caches.
 */
final class SheetHandler extends DefaultHandler {

	/** Thrown to stop reading once the rows asked for are in. */
	static final class Enough extends SAXException {

		Enough() {
			super("enough rows");
		}

	}

	/** No single cell's text needs to be longer to be refused for its length. */
	private static final int MAX_TEXT = 4000;

	/** More significant digits than any spreadsheet stores (a double has 17). */
	static final int MAX_DIGITS = 40;

	/** A double's decimal exponents, with room for denormals (4.9E-324). */
	static final int MAX_EXPONENT = 330;

	private final ReadOnlySharedStringsTable strings;

	private final CellFormats formats;

	private final int maxRows;

	private final int maxColumns;

	private final List<Row> rows = new ArrayList<>();

	private boolean truncated;

	private int rowNumber;

	private int column;

	private final List<Cell> cells = new ArrayList<>();

	private String type;

	private int style;

	private boolean formula;

	private boolean collecting;

	private final StringBuilder value = new StringBuilder();

	SheetHandler(ReadOnlySharedStringsTable strings, CellFormats formats, int maxRows, int maxColumns) {
		this.strings = strings;
		this.formats = formats;
		this.maxRows = maxRows;
		this.maxColumns = maxColumns;
	}

	List<Row> rows() {
		return rows;
	}

	boolean truncated() {
		return truncated;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		switch (localName) {
			case "row" -> {
				String r = attributes.getValue("r");
				rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
				column = -1;
				cells.clear();
			}
			case "c" -> {
				String r = attributes.getValue("r");
				column = r == null ? column + 1 : columnOf(r);
				type = attributes.getValue("t");
				String s = attributes.getValue("s");
				style = s == null ? -1 : Integer.parseInt(s);
				formula = false;
				value.setLength(0);
			}
			case "f" -> formula = true;
			case "v", "t" -> collecting = true;
			default -> {
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (collecting && value.length() < MAX_TEXT + 1) {
			value.append(ch, start, Math.min(length, MAX_TEXT + 1 - value.length()));
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		switch (localName) {
			case "v", "t" -> collecting = false;
			case "c" -> cell();
			case "row" -> row();
			default -> {
			}
		}
	}

	private void cell() {
		if (column >= maxColumns || column < 0) {
			return;
		}
		String raw = value.toString();
		if (formula) {
			cells.add(new Cell(column, Kind.FORMULA, raw));
			return;
		}
		if (raw.isEmpty()) {
			return;
		}
		Cell cell = switch (type == null ? "n" : type) {
			case "s" -> new Cell(column, Kind.TEXT, strings.getItemAt(Integer.parseInt(raw.strip())).getString());
			case "inlineStr", "str" -> new Cell(column, Kind.TEXT, raw);
			case "b" -> new Cell(column, Kind.BOOLEAN, raw);
			case "e" -> new Cell(column, Kind.ERROR, raw);
			default -> number(raw.strip());
		};
		if (!cell.text().isBlank()) {
			cells.add(cell);
		}
	}

	/**
	 * A number as stored; a date when its format is a date format. Written out in full
	 * ("1E+3" → "1000") only when it is within {@link #plausible plausible bounds}: a
	 * stored value like "1E300000000" is a few bytes that write out to 300 million
	 * digits, so such a number is given as stored, for the reading of its column to
	 * refuse.
	 */
	Cell number(String raw) {
		BigDecimal number;
		try {
			number = new BigDecimal(raw);
		}
		catch (NumberFormatException e) {
			return new Cell(column, Kind.ERROR, raw);
		}
		if (!plausible(number)) {
			return new Cell(column, Kind.NUMBER, raw);
		}
		if (formats.isDate(style) && DateUtil.isValidExcelDate(number.doubleValue())) {
			return new Cell(column, Kind.DATE,
					DateUtil.getLocalDateTime(number.doubleValue()).toLocalDate().toString());
		}
		return new Cell(column, Kind.NUMBER, number.stripTrailingZeros().toPlainString());
	}

	/**
	 * Whether a stored number is one a spreadsheet could hold: at most
	 * {@link #MAX_DIGITS} significant digits and a magnitude within a double's (Excel
	 * stores doubles, 15 to 17 digits, 1E-308 to 1E+308), so that writing it out costs a
	 * few hundred characters at most. Looks only at the digits and scale as parsed.
	 */
	static boolean plausible(BigDecimal number) {
		if (number.precision() > MAX_DIGITS) {
			return false;
		}
		// The decimal exponent of the leading digit (of 0E-400: -400), as a long: the
		// precision and the scale are ints, their difference may not be.
		long exponent = (long) number.precision() - number.scale() - 1;
		return Math.abs(exponent) <= MAX_EXPONENT;
	}

	private void row() throws SAXException {
		if (cells.isEmpty()) {
			return;
		}
		if (rows.size() == maxRows) {
			truncated = true;
			throw new Enough();
		}
		rows.add(new Row(rowNumber, cells));
		cells.clear();
	}

	/** "AB12" → 27. */
	private static int columnOf(String reference) {
		int column = 0;
		for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
			column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
			if (column > 20_000) {
				return Integer.MAX_VALUE;
			}
		}
		return column - 1;
	}

}
