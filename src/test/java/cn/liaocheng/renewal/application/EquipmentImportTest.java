package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.DossierValidator.Mode;
import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * Reading a filled-in equipment list without Spring: the template as an accountant fills
 * it, each kind of bad cell named by row and column, and files refused as a whole
 * (oversized, zip bombs, too many rows, wrong headers) before much of them is read.
 */
class EquipmentImportTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

	/** The first row under the template's example row, as Excel numbers it. */
	private static final int FIRST = 9;

	@Test
	void templateHasThePortalsColumnsTheirFormatsAndAMarkedExample() throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(EquipmentTemplate.xlsx(ApplicationKind.SUBSIDY)))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(FIRST - 3);
			assertThat(cells(header)).containsExactly("序号", "设备名称", "规格型号", "数量", "单价（元）", "产地（国产/进口）", "发票号码", "开票日期",
					"发票金额（元）");
			assertThat(sheet.getRow(FIRST - 2).getCell(0).getStringCellValue()).startsWith("示例");
			assertThat(sheet.getColumnStyle(6).getDataFormatString()).isEqualTo("@");
			assertThat(sheet.getColumnStyle(3).getDataFormatString()).isEqualTo("0");
			assertThat(sheet.getColumnStyle(4).getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(sheet.getColumnStyle(7).getDataFormatString()).isEqualTo("yyyy-mm-dd");
		}
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(EquipmentTemplate.xlsx(ApplicationKind.PROJECT)))) {
			assertThat(cells(book.getSheetAt(0).getRow(FIRST - 3))).containsExactly("序号", "设备名称", "规格型号", "数量", "单价（元）",
					"产地（国产/进口）", "替换的旧设备", "旧设备已用年限", "能效等级（1–5，不涉及留空）");
		}
	}

	@Test
	void filledTemplateGivesItsLinesAndSkipsTheExample() throws IOException {
		byte[] file = filled(ApplicationKind.SUBSIDY, (book, sheet) -> {
			row(sheet, FIRST, "1", "数控车床", "CK6150", 2, 185000.5, "国产", "037002211301-00123456", null, "370,001.00元");
			date(book, sheet.getRow(FIRST - 1).createCell(7), LocalDate.of(2026, 3, 1));
			row(sheet, FIRST + 1, "2", "工业机器人", 6140, "3", "1,250,000", "进口", "12345678901234567890", "2026/2/8",
					1250000.0);
			row(sheet, FIRST + 2, "合计", null, null, null, null, null, null, null, 1620001.0);
		});

		EquipmentImport.Read read = EquipmentImport.read(ApplicationKind.SUBSIDY, "清单.xlsx", file);

		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).containsExactly(FIRST, FIRST + 1);
		EquipmentLineForm first = read.lines().get(0);
		assertThat(first.getName()).isEqualTo("数控车床");
		assertThat(first.getQuantity()).isEqualTo("2");
		assertThat(first.getUnitPrice()).isEqualTo("185000.5");
		assertThat(first.getOrigin()).isEqualTo("DOMESTIC");
		assertThat(first.getInvoiceNo()).isEqualTo("037002211301-00123456");
		assertThat(first.getInvoiceDate()).isEqualTo("2026-03-01");
		assertThat(first.getInvoiceAmount()).isEqualTo("370001.00");
		EquipmentLineForm second = read.lines().get(1);
		assertThat(second.getModel()).isEqualTo("6140");
		assertThat(second.getQuantity()).isEqualTo("3");
		assertThat(second.getUnitPrice()).isEqualTo("1250000");
		assertThat(second.getOrigin()).isEqualTo("IMPORTED");
		assertThat(second.getInvoiceDate()).isEqualTo("2026-02-08");
		assertThat(second.getInvoiceAmount()).isEqualTo("1250000");
	}

	@Test
	void everyBadCellIsNamedByRowAndColumnAtOnce() throws IOException {
		byte[] file = filled(ApplicationKind.SUBSIDY, (book, sheet) -> {
			row(sheet, FIRST, null, "数控车床", "CK6150", 2, 185000.0, "国外", 12345678901234567890.0, "2026-03-01",
					370000.0);
			row(sheet, FIRST + 1, null, "铣床", "X6132", 1, null, "国产", "3700221130-12345679", "2026-13-01", "8万");
			sheet.getRow(FIRST - 1).createCell(4).setCellFormula("B1*2");
			sheet.getRow(FIRST - 1).createCell(3).setCellValue(true);
			sheet.getRow(FIRST - 1).createCell(2).setCellErrorValue(FormulaError.NA.getCode());
		});

		EquipmentImport.Read read = EquipmentImport.read(ApplicationKind.SUBSIDY, "清单.xlsx", file);

		assertThat(read.problems()).extracting(FieldProblem::message)
			.containsExactly("第9行“规格型号”：单元格为错误值（如 #N/A、#VALUE!），请改为实际内容", "第9行“数量”：不能填写“是/否”（TRUE/FALSE）值",
					"第9行“单价”：不能使用公式，请复制该列后“选择性粘贴 → 数值”再上传", "第9行“产地”：应填写“国产”或“进口”",
					"第9行“发票号码”：须按文本填写：数字格式会丢掉开头的 0，20 位号码会被改写；请将该列设为“文本”格式后重新输入号码", "第10行“开票日期”：不是有效的日期",
					"第10行“发票金额”：须以元为单位填写（如 1250000.00），不能填写万元");
		assertThat(read.problems()).extracting(FieldProblem::field)
			.startsWith("equipment[0].model", "equipment[0].quantity", "equipment[0].unitPrice");
	}

	@Test
	void theValidatorsRulesComeBackUnderTheColumnAndRowTheyConcern() throws IOException {
		byte[] file = filled(ApplicationKind.PROJECT, (book, sheet) -> {
			row(sheet, FIRST, null, "数控车床", "CK6150", 0, 185000.0, "国产", "普通车床", null, 7);
			row(sheet, FIRST + 1, null, null, "X6132", 2.5, "12.345", "国产", null, null, null);
			sheet.getRow(FIRST - 1).createCell(4).setCellFormula("1+1");
		});
		EquipmentImport.Read read = EquipmentImport.read(ApplicationKind.PROJECT, "清单.xlsx", file);
		DossierForm form = new DossierForm();
		form.setEquipment(read.lines());

		List<FieldProblem> checked;
		try {
			new DossierValidator(ApplicationKind.PROJECT, Mode.DRAFT, Set.of(), TODAY).validate(form);
			throw new AssertionError("the validator accepted bad lines");
		}
		catch (DossierInvalidException e) {
			checked = e.problems();
		}

		assertThat(read.with(checked)).extracting(FieldProblem::message)
			.containsExactly("第9行“数量”：应在 1 到 100000 之间", "第9行“单价”：不能使用公式，请复制该列后“选择性粘贴 → 数值”再上传",
					"第9行“旧设备已用年限”：填写了替换的旧设备时，请填写其已使用年限", "第9行“能效等级”：应在 1 到 5 之间", "第10行“设备名称”：未填写，此列必填",
					"第10行“数量”：应为整数", "第10行“单价”：以元为单位，最多保留两位小数");
	}

	@Test
	void moreLinesThanADossierHoldsAreRefusedAsAWhole() throws IOException {
		byte[] file = filled(ApplicationKind.PROJECT, (book, sheet) -> {
			for (int i = 0; i <= EquipmentImport.MAX_LINES; i++) {
				row(sheet, FIRST + i, null, "车床" + i, "CK", 1, 1000.0, "国产");
			}
		});

		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.xlsx", file)).startsWith("设备明细最多 200 条");
	}

	@Test
	void anOversizedFileIsRefusedBeforeItIsRead() {
		byte[] file = new byte[EquipmentImport.MAX_BYTES + 1];
		// Not even a zip: it would be refused as unreadable had anything looked inside.
		Arrays.fill(file, (byte) 'x');

		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.xlsx", file)).startsWith("设备清单文件不能超过 2 MB");
	}

	@Test
	void aZipBombIsRefusedAfterReadingABoundedPartOfIt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 1024; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		byte[] bomb = out.toByteArray();
		assertThat(bomb.length).isLessThan(EquipmentImport.MAX_BYTES);

		long started = System.nanoTime();
		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.xlsx", bomb)).startsWith("工作簿解压后过大");
		// 1 GiB inflated would take seconds; the bound stops it after 16 MiB.
		assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
	}

	@Test
	void legacyAndForeignFilesAreRefusedWithWhatToDo() {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 };
		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.xls", xls)).contains("另存为");
		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.startsWith("文件不是 Excel 工作簿");
		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }))
			.contains("无法作为 Excel 工作簿读取");
	}

	@Test
	void aSheetWithoutTheKindsColumnsOrInTenThousandsIsRefused() throws IOException {
		byte[] projectFile = EquipmentTemplate.xlsx(ApplicationKind.PROJECT);
		assertThat(fileProblem(ApplicationKind.SUBSIDY, "清单.xlsx", projectFile))
			.isEqualTo("第7行表头缺少“发票号码”、“开票日期”、“发票金额”列；请使用本申报页面下载的奖补资金模板");
		byte[] csv = "设备名称,规格型号,数量,单价（万元）,产地,替换的旧设备,旧设备已用年限,能效等级\n车床,CK,1,18.5,国产,,,\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.csv", csv)).contains("“单价”列须以元为单位填写");
	}

	@Test
	void csvIsReadInUtf8OrGbk() {
		String text = "序号,设备名称,规格型号,数量,单价（元）,产地,替换的旧设备,旧设备已用年限,能效等级\r\n"
				+ "1,\"数控车床, 卧式\",CK6150,2,\"185,000.00\",国产,,,2级\r\n,,,,,,,,\r\n2,铣床,=1+1,1,5000,进口,,,\r\n";
		for (byte[] content : List.of(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
				text.getBytes(Charset.forName("GBK")))) {
			EquipmentImport.Read read = EquipmentImport.read(ApplicationKind.PROJECT, "清单.csv", content);

			assertThat(read.lines()).hasSize(2);
			assertThat(read.lines().get(0).getName()).isEqualTo("数控车床, 卧式");
			assertThat(read.lines().get(0).getUnitPrice()).isEqualTo("185000.00");
			assertThat(read.lines().get(0).getEfficiencyGrade()).isEqualTo("2");
			assertThat(read.problems()).extracting(FieldProblem::message)
				.containsExactly("第4行“规格型号”：不能使用公式，请复制该列后“选择性粘贴 → 数值”再上传");
		}
	}

	@Test
	void aFileWithNothingButTheExampleIsRefused() {
		assertThat(fileProblem(ApplicationKind.PROJECT, "清单.xlsx", EquipmentTemplate.xlsx(ApplicationKind.PROJECT)))
			.startsWith("文件中没有设备明细");
	}

	private static String fileProblem(ApplicationKind kind, String name, byte[] content) {
		try {
			EquipmentImport.read(kind, name, content);
		}
		catch (DossierInvalidException e) {
			assertThat(e.problems()).extracting(FieldProblem::field).containsOnly("file");
			return e.problems().get(0).message();
		}
		throw new AssertionError("file accepted");
	}

	interface Filling {

		void fill(XSSFWorkbook book, Sheet sheet);

	}

	/**
	 * The kind's template with rows added by {@code filling}, as an accountant saves it.
	 */
	static byte[] filled(ApplicationKind kind, Filling filling) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(EquipmentTemplate.xlsx(kind)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			filling.fill(book, book.getSheetAt(0));
			book.write(out);
			return out.toByteArray();
		}
	}

	/** Row {@code number} as Excel numbers it: strings as text, numbers as numbers. */
	static void row(Sheet sheet, int number, Object... values) {
		Row row = sheet.createRow(number - 1);
		for (int c = 0; c < values.length; c++) {
			if (values[c] instanceof String s) {
				row.createCell(c).setCellValue(s);
			}
			else if (values[c] instanceof Number n) {
				row.createCell(c).setCellValue(n.doubleValue());
			}
		}
	}

	private static void date(XSSFWorkbook book, Cell cell, LocalDate date) {
		CellStyle style = book.createCellStyle();
		style.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
		cell.setCellValue(date);
		cell.setCellStyle(style);
	}

	private static List<String> cells(Row row) {
		return java.util.stream.StreamSupport.stream(row.spliterator(), false).map(Cell::getStringCellValue).toList();
	}

}
