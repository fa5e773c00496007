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
			case INTEGER -> CellText.of(integer(t));
			case GRADE -> CellText.of(integer(t.replaceAll("级$", "")));
			case AMOUNT -> amount(t);
			case DATE -> date(cell, t);
			case ORIGIN -> origin(t);
		};
	}

	private static String integer(String t) {
		String v = t.replaceAll("[,，\\s]", "");
		try {
			BigDecimal n = new BigDecimal(v);
			// 2 and 2.0 are the same count; 2.5 stays as written, for the validator to
			// refuse.
			return n.stripTrailingZeros().scale() <= 0 ? n.toBigIntegerExact().toString() : v;
		}
		catch (NumberFormatException | ArithmeticException e) {
			return t;
		}
	}

	private static CellText amount(String t) {
		String v = t.replaceAll("[,，\\s¥￥]", "").replaceAll("元$", "");
		if (v.contains("万")) {
			return CellText.problem("须以元为单位填写（如 1250000.00），不能填写万元");
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
