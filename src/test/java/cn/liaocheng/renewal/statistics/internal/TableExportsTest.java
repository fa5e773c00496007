package cn.liaocheng.renewal.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Exports keep Chinese text, numbers as numbers, and never hand a spreadsheet a formula
 * from the data.
 */
class TableExportsTest {

	private final TableExports exports = new TableExports();

	private final StatTable table = new StatTable("targets", "方案目标完成情况", "说明, 含半角逗号", List.of("指标", "数值", "完成程度（%）"),
			List.of(Arrays.asList("=HYPERLINK(\"http://x\")", 12000L, new BigDecimal("85.7")),
					Arrays.asList("5G基站，\"累计\"", -3L, null), Arrays.asList("合计", 1L, new BigDecimal("1234.50"))),
			true);

	@Test
	void csvIsUtf8WithBomQuotedAndFreeOfFormulas() {
		String csv = new String(exports.csv(table, "范围：全市 · 2025年"), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF方案目标完成情况\r\n范围：全市 · 2025年\r\n\"说明, 含半角逗号\"\r\n指标,数值,完成程度（%）\r\n");
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\",12000,85.7\r\n");
		assertThat(csv).contains("\"5G基站，\"\"累计\"\"\",-3,\r\n");
		assertThat(csv).endsWith("合计,1,1234.50\r\n");
	}

	@Test
	void xlsxHoldsTextAsTextAndNumbersAsNumbers() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exports.xlsx(table, "范围：冠县 · 全部年度")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(workbook.getSheetName(0)).isEqualTo("方案目标完成情况");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("范围：冠县 · 全部年度");
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("完成程度（%）");
			assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(sheet.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(12000d);
			assertThat(sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(85.7d);
			assertThat(sheet.getRow(5).getCell(2)).isNull();
			assertThat(sheet.getRow(6).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		}
	}

}
