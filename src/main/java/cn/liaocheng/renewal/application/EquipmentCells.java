package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liaocheng.renewal.document.SheetReader.Cell;
import cn.liaocheng.renewal.document.SheetReader.Kind;

/**
 * A spreadsheet cell as the text a person would have typed into the portal's field:
 * numbers as stored, thousands separators and "元" dropped, dates in ISO form, 国产 / 进口 as
 * the origin's code; or why the cell cannot be used (a formula, an error value, an
 * invoice number stored as a number, an amount in 万元).
 */
final class EquipmentCells {

	/** Longer than any field may be; a longer cell is refused without further reading. */
	private static final int MAX_CELL_TEXT = 1000;

	/**
	 * More digits before the point than any count, year or grade has (an int has 10);
	 * such a number is refused before it is written out.
	 */
	static final int MAX_INTEGER_DIGITS = 10;

	/** More decimals than anyone types for a whole number ("2.000"). */
	static final int MAX_DECIMALS = 20;

	/**
	 * More digits before the point than an amount may have (at most 999999999999.99,
	 * {@link DossierValidator#MAX_AMOUNT}).
	 */
	static final int MAX_AMOUNT_DIGITS = 15;

	static final String OUT_OF_RANGE = "超出可填写的范围";

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private EquipmentCells() {
	}

	record CellText(String value, String problem) {

		static CellText of(String value) {
			return new CellText(value, null);
		}

		static CellText problem(String problem) {
			return new CellText(null, problem);
		}

	}

	/** The cell as the column's field would hold it, or why it cannot be used. */
	static CellText text(EquipmentColumn column, Cell cell) {
		String t = cell.text().strip();
		if (cell.kind() == Kind.FORMULA) {
			return CellText.problem("不能使用公式，请复制该列后“选择性粘贴 → 数值”再上传");
		}
		if (cell.kind() == Kind.ERROR) {
			return CellText.problem("单元格为错误值（如 #N/A、#VALUE!），请改为实际内容");
		}
		if (cell.kind() == Kind.BOOLEAN) {
			return CellText.problem("不能填写“是/否”（TRUE/FALSE）值");
		}
		if (t.length() > MAX_CELL_TEXT) {
			return CellText.problem("内容过长（超过 " + MAX_CELL_TEXT + " 个字）");
		}
		return switch (column.reading()) {
			case IGNORED, TEXT -> CellText.of(t);
			case CODE -> cell.kind() == Kind.TEXT ? CellText.of(t)
					: CellText.problem("须按文本填写：数字格式会丢掉开头的 0，20 位号码会被改写；请将该列设为“文本”格式后重新输入号码");
			case INTEGER -> integer(t);
			case GRADE -> integer(t.replaceAll("级$", ""));
			case AMOUNT -> amount(t);
			case DATE -> date(cell, t);
			case ORIGIN -> origin(t);
		};
	}

	/**
	 * A count, year or grade as typed: "2.0" and "1E3" written out ("2", "1000"). The
	 * number's size is judged on its digits and exponent as parsed, before anything is
	 * written out: "1e20000000" is ten characters that take a core for half a minute to
	 * become 20 million digits.
	 */
	static CellText integer(String t) {
		String v = t.replaceAll("[,，\\s]", "");
		BigDecimal n;
		try {
			n = new BigDecimal(v);
		}
		catch (NumberFormatException e) {
			return CellText.of(t);
		}
		if (integerDigits(n) > MAX_INTEGER_DIGITS) {
			return CellText.problem(OUT_OF_RANGE);
		}
		if (n.scale() > MAX_DECIMALS) {
			return CellText.problem("应为整数");
		}
		// 2 and 2.0 are the same count; 2.5 stays as written, for the validator to
		// refuse.
		return CellText.of(n.stripTrailingZeros().scale() <= 0 ? n.toBigIntegerExact().toString() : v);
	}

	/**
	 * How many digits the number has before its decimal point (of 1E+20000000: 20000001),
	 * from its precision and scale, without writing it out; a long, as the difference of
	 * two ints may not fit one.
	 */
	private static long integerDigits(BigDecimal n) {
		return (long) n.precision() - n.scale();
	}

	private static CellText amount(String t) {
		String v = t.replaceAll("[,，\\s¥￥]", "").replaceAll("元$", "");
		if (v.contains("万")) {
			return CellText.problem("须以元为单位填写（如 1250000.00），不能填写万元");
		}
		try {
			// The validator compares amounts before converting them; an amount of
			// 1E+20000000 is refused here already, on its digits and exponent alone.
			if (integerDigits(new BigDecimal(v)) > MAX_AMOUNT_DIGITS) {
				return CellText.problem(OUT_OF_RANGE);
			}
		}
		catch (NumberFormatException e) {
			// not a number: the validator says so
		}
		return CellText.of(v);
	}

	private static CellText date(Cell cell, String t) {
		if (cell.kind() == Kind.DATE) {
			return CellText.of(t);
		}
		Matcher m = DATE.matcher(t);
		if (!m.matches()) {
			m = COMPACT_DATE.matcher(t);
		}
		if (m.matches()) {
			try {
				return CellText.of(LocalDate
					.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
					.toString());
			}
			catch (DateTimeException e) {
				return CellText.problem("不是有效的日期");
			}
		}
		if (cell.kind() == Kind.NUMBER) {
			return CellText.problem("应为日期，请将该列设为日期格式并按 年-月-日 填写，例如 2026-03-01");
		}
		return CellText.of(t);
	}

	private static CellText origin(String t) {
		return switch (t) {
			case "国产", "DOMESTIC" -> CellText.of("DOMESTIC");
			case "进口", "IMPORTED" -> CellText.of("IMPORTED");
			default -> CellText.problem("应填写“国产”或“进口”");
		};
	}

}
