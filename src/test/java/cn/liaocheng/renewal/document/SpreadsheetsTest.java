package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * An export keeps its header in view, its times as dates, and text that Excel would take
 * for a formula once edited marked as text, in the workbook and in the CSV.
 */
class SpreadsheetsTest {

	private static final List<String> FORMULA_LIKE = List.of("=1+2", "+86 635 1234567", "-5 万元", "@SUM(A1:A9)",
			"\t=1+2", "\r=1+2");

	private final Spreadsheets.Table table = new Spreadsheets.Table("已办案件", List.of("查找条件：全部已办案件", "共 8 件。"),
			List.of("审核意见", "办理时间", "决定日期"), rows(), List.of(40, 17, 12));

	@Test
	void formulaLikeTextIsQuotePrefixedTextAndOtherTextIsPlain() throws Exception {
		try (XSSFWorkbook workbook = workbook()) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int i = 0; i < FORMULA_LIKE.size(); i++) {
				Cell cell = sheet.getRow(4 + i).getCell(0);
				assertThat(cell.getCellType()).as(FORMULA_LIKE.get(i)).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo(FORMULA_LIKE.get(i));
				assertThat(cell.getCellStyle().getQuotePrefixed()).as(FORMULA_LIKE.get(i)).isTrue();
			}
			Cell plain = sheet.getRow(4 + FORMULA_LIKE.size()).getCell(0);
			assertThat(plain.getStringCellValue()).isEqualTo("材料齐全，同意。");
			assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
			for (Row row : sheet) {
				row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
			}
		}
	}

	@Test
	void timesAreDatesInTheWorkbookAndWrittenOutInTheCsv() throws Exception {
		try (XSSFWorkbook workbook = workbook()) {
			Row row = workbook.getSheetAt(0).getRow(4);
			assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
			assertThat(row.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 5));
			assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
			assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
		}
		String csv = new String(Spreadsheets.csv(table), StandardCharsets.UTF_8);
		assertThat(csv).contains("'=1+2,2026-12-01 09:05,2026-12-02\r\n", "材料齐全，同意。,2026-12-01 09:05,2026-12-02\r\n");
	}

	@Test
	void theRowsDownToTheHeaderStayInViewAndColumnsHaveTheirWidths() throws Exception {
		try (XSSFWorkbook workbook = workbook()) {
			Sheet sheet = workbook.getSheetAt(0);
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane).isNotNull();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat((int) pane.getHorizontalSplitPosition()).as("title, two notes, header").isEqualTo(4);
			assertThat(sheet.getColumnWidth(0)).isEqualTo(40 * 256);
			assertThat(sheet.getColumnWidth(2)).isEqualTo(12 * 256);
		}
	}

	private XSSFWorkbook workbook() throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(Spreadsheets.xlsx(table)));
	}

	private static List<List<Object>> rows() {
		LocalDateTime at = LocalDateTime.of(2026, 12, 1, 9, 5);
		LocalDate day = LocalDate.of(2026, 12, 2);
		List<List<Object>> rows = new ArrayList<>();
		for (String text : FORMULA_LIKE) {
			rows.add(Arrays.asList(text, at, day));
		}
		rows.add(Arrays.asList("材料齐全，同意。", at, day));
		return rows;
	}

}
