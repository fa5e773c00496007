package cn.liaocheng.renewal.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liaocheng.renewal.application.EquipmentColumn.Reading;
import cn.liaocheng.renewal.document.SheetReader;
import cn.liaocheng.renewal.document.SheetReader.Cell;
import cn.liaocheng.renewal.document.SheetReader.Row;
import cn.liaocheng.renewal.document.SheetReader.Sheet;
import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * Reads an equipment list an accountant filled in (the template of
 * {@link EquipmentTemplate}, or any sheet with its header names) into form lines, each
 * remembered with its spreadsheet row, so that every problem, the cell's own or the
 * validator's, is said as "第5行“数量”：应为整数". Cells are turned into the text a person would
 * have typed in the portal; the rules stay the validator's.
 */
final class EquipmentImport {

	/** The largest file read at all. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	/** As many lines as a dossier may hold ({@link DossierValidator}). */
	static final int MAX_LINES = 200;

	/** Rows above the header (title, notes) that may precede it. */
	private static final int MAX_HEADER_ROW = 20;

	private static final int MAX_COLUMNS = 40;

	private static final Pattern LINE_FIELD = Pattern.compile("equipment\\[(\\d+)]\\.(\\w+)");

	/** The lines read, their rows, and what is wrong with their cells. */
	record Read(List<EquipmentLineForm> lines, List<Integer> rows, List<FieldProblem> problems) {

		/**
		 * The cells' problems and then the validator's (or the funding checks'), located;
		 * a cell already refused is not reported again as missing.
		 */
		List<FieldProblem> with(List<FieldProblem> checked) {
			List<FieldProblem> all = new ArrayList<>(problems);
			located(checked).stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(all::add);
			// In the order the accountant reads the sheet: by row, then by column; what
			// concerns no cell (the total against the equipment investment) last.
			all.sort(Comparator.comparingInt(EquipmentImport::lineOf).thenComparingInt(EquipmentImport::columnOf));
			return all;
		}

		/**
		 * Problems named by line field ("equipment[3].quantity", as the validator and the
		 * funding checks name them) restated with the row and column; others as they are.
		 */
		List<FieldProblem> located(List<FieldProblem> problems) {
			List<FieldProblem> located = new ArrayList<>();
			for (FieldProblem p : problems) {
				Matcher m = LINE_FIELD.matcher(p.field());
				if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
					int row = rows.get(Integer.parseInt(m.group(1)));
					Optional<EquipmentColumn> column = EquipmentColumn.ofField(m.group(2));
					String label = column.map(EquipmentColumn::label).orElse(m.group(2));
					located.add(new FieldProblem(p.field(),
							at(row, label, column.map(c -> bareMessage(c, p.message())).orElse(p.message()))));
				}
				else {
					located.add(p);
				}
			}
			return located;
		}

	}

	private EquipmentImport() {
	}

	private static int lineOf(FieldProblem p) {
		Matcher m = LINE_FIELD.matcher(p.field());
		return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
	}

	private static int columnOf(FieldProblem p) {
		Matcher m = LINE_FIELD.matcher(p.field());
		return m.matches() ? EquipmentColumn.ofField(m.group(2)).map(Enum::ordinal).orElse(Integer.MAX_VALUE)
				: Integer.MAX_VALUE;
	}

	/**
	 * The file's lines, or {@link DossierInvalidException} when the file as a whole
	 * cannot be used (not a spreadsheet, no header, too many rows). Cell problems come
	 * back in {@link Read#problems()}, to be reported with the validator's.
	 */
	static Read read(ApplicationKind kind, String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw fileProblem("请选择要导入的设备清单文件（.xlsx）");
		}
		if (content.length > MAX_BYTES) {
			throw fileProblem("设备清单文件不能超过 2 MB；请删除多余的工作表、图片和格式后重新上传");
		}
		Sheet sheet;
		try {
			boolean csv = !SheetReader.isXlsx(content) && fileName != null
					&& fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
			sheet = csv ? SheetReader.csv(content, MAX_HEADER_ROW + MAX_LINES, MAX_COLUMNS)
					: SheetReader.xlsx(content, MAX_HEADER_ROW + MAX_LINES, MAX_COLUMNS);
		}
		catch (SheetReader.Unreadable e) {
			throw fileProblem(e.getMessage());
		}
		return lines(kind, sheet);
	}

	private static Read lines(ApplicationKind kind, Sheet sheet) {
		List<Row> rows = sheet.rows();
		int headerAt = -1;
		for (int i = 0; i < Math.min(rows.size(), MAX_HEADER_ROW) && headerAt < 0; i++) {
			if (rows.get(i).cells().stream().anyMatch(c -> EquipmentColumn.NAME.named(c.text()))) {
				headerAt = i;
			}
		}
		if (headerAt < 0) {
			throw fileProblem("未找到表头行（含“设备名称”“规格型号”等列名）；请使用下载的模板填写，保留表头行");
		}
		Map<Integer, EquipmentColumn> columns = columns(kind, rows.get(headerAt));
		List<Row> data = rows.subList(headerAt + 1, rows.size()).stream().filter(r -> !skipped(r, columns)).toList();
		if (data.size() > MAX_LINES || sheet.truncated()) {
			throw fileProblem("设备明细最多 " + MAX_LINES + " 条，文件中超过 " + MAX_LINES + " 行；请分拆项目或合并同型号设备后重新上传");
		}
		if (data.isEmpty()) {
			throw fileProblem("文件中没有设备明细：请在表头行下方逐行填写设备（示例行不会导入）");
		}
		List<EquipmentLineForm> lines = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (Row row : data) {
			EquipmentLineForm line = new EquipmentLineForm();
			String prefix = "equipment[" + lines.size() + "].";
			for (Cell cell : row.cells()) {
				EquipmentColumn column = columns.get(cell.column());
				if (column == null || column.reading() == Reading.IGNORED) {
					continue;
				}
				EquipmentCells.CellText text = EquipmentCells.text(column, cell);
				if (text.problem() != null) {
					problems.add(new FieldProblem(prefix + column.field(),
							at(row.number(), column.label(), text.problem())));
				}
				column.set(line, text.value());
			}
			lines.add(line);
			numbers.add(row.number());
		}
		return new Read(lines, numbers, problems);
	}

	/**
	 * Which column of the sheet is which; every column of the kind's template must be
	 * there, once. Columns the template does not have (备注, 金额合计) are left alone.
	 */
	private static Map<Integer, EquipmentColumn> columns(ApplicationKind kind, Row header) {
		Map<Integer, EquipmentColumn> columns = new HashMap<>();
		Map<EquipmentColumn, Integer> found = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (Cell cell : header.cells()) {
			for (EquipmentColumn column : EquipmentColumn.of(kind)) {
				if (column.named(cell.text())) {
					if (cell.text().contains("万元")) {
						problems.add("“" + column.label() + "”列须以元为单位填写，与申报表一致（模板列名为“" + column.header() + "”）");
					}
					if (found.putIfAbsent(column, cell.column()) != null) {
						problems.add("表头中“" + column.label() + "”列出现了两次，请只保留一列");
					}
					columns.put(cell.column(), column);
				}
			}
		}
		List<String> missing = EquipmentColumn.of(kind)
			.stream()
			.filter(c -> c.reading() != Reading.IGNORED && !found.containsKey(c))
			.map(c -> "“" + c.label() + "”")
			.toList();
		if (!missing.isEmpty()) {
			problems.add("第" + header.number() + "行表头缺少" + String.join("、", missing) + "列；请使用本申报页面下载的"
					+ (kind == ApplicationKind.SUBSIDY ? "奖补资金" : "项目入库") + "模板");
		}
		if (!problems.isEmpty()) {
			throw new DossierInvalidException(problems.stream().map(m -> new FieldProblem("file", m)).toList());
		}
		return columns;
	}

	/**
	 * Rows that are not equipment: the template's example (序号 "示例"), a total row (序号 or
	 * 设备名称 "合计"), and rows with nothing in the template's columns but a number in 序号.
	 */
	private static boolean skipped(Row row, Map<Integer, EquipmentColumn> columns) {
		boolean content = false;
		for (Cell cell : row.cells()) {
			EquipmentColumn column = columns.get(cell.column());
			if (column == EquipmentColumn.SEQUENCE && cell.text().strip().startsWith("示例")) {
				return true;
			}
			if ((column == EquipmentColumn.SEQUENCE || column == EquipmentColumn.NAME)
					&& cell.text().replaceAll("\\s", "").matches("[合总小]计")) {
				return true;
			}
			content |= column != null && column != EquipmentColumn.SEQUENCE;
		}
		return !content;
	}

	static String at(int row, String label, String message) {
		return "第" + row + "行“" + label + "”：" + message;
	}

	/**
	 * The validator's message without the label it starts with ("数量应为整数" → "应为整数");
	 * "请填写数量" → "未填写".
	 */
	private static String bareMessage(EquipmentColumn column, String message) {
		String label = column.validatorLabel();
		if (column == EquipmentColumn.ORIGIN) {
			return "应填写“国产”或“进口”";
		}
		if (label == null) {
			return message;
		}
		if (message.equals("请填写" + label)) {
			return "未填写，此列必填";
		}
		return message.startsWith(label) ? message.substring(label.length()) : message;
	}

	private static DossierInvalidException fileProblem(String message) {
		return new DossierInvalidException(List.of(new FieldProblem("file", message)));
	}

}
