package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.DossierValidator.Mode;
import cn.liaocheng.renewal.application.EquipmentCells.CellText;
import cn.liaocheng.renewal.document.SheetReader.Cell;
import cn.liaocheng.renewal.document.SheetReader.Kind;
import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * The bounds of a cell's reading: a count, year, grade or amount written with a huge
 * exponent ("1e20000000", a few characters for 20 million digits) is refused on its
 * digits and exponent, at once, before it is written out; ordinary numbers read as
 * before.
 */
class EquipmentCellsTest {

	private static final Duration AT_ONCE = Duration.ofSeconds(1);

	@Test
	void integersWithHugeExponentsAreRefusedAtOnce() {
		for (EquipmentColumn column : List.of(EquipmentColumn.QUANTITY, EquipmentColumn.REPLACED_AGE,
				EquipmentColumn.EFFICIENCY_GRADE)) {
			for (String typed : List.of("1e20000000", "1E+20000000", "-1e20000000", "0e20000000", "1e2147483647",
					"1,000e20000000", "12345678901")) {
				for (Kind kind : List.of(Kind.TEXT, Kind.NUMBER)) {
					CellText read = assertTimeoutPreemptively(AT_ONCE,
							() -> EquipmentCells.text(column, new Cell(3, kind, typed)));
					assertThat(read.problem()).as(column + " " + typed).isEqualTo("超出可填写的范围");
				}
			}
		}
		CellText grade = assertTimeoutPreemptively(AT_ONCE,
				() -> EquipmentCells.text(EquipmentColumn.EFFICIENCY_GRADE, new Cell(3, Kind.TEXT, "1e20000000级")));
		assertThat(grade.problem()).isEqualTo("超出可填写的范围");
	}

	@Test
	void integersWithHugeNegativeExponentsAreNotWholeNumbers() {
		for (String typed : List.of("1e-20000000", "1e-2147483647", "-1E-20000000")) {
			CellText read = assertTimeoutPreemptively(AT_ONCE,
					() -> EquipmentCells.text(EquipmentColumn.QUANTITY, new Cell(3, Kind.TEXT, typed)));
			assertThat(read.problem()).as(typed).isEqualTo("应为整数");
		}
	}

	@Test
	void ordinaryIntegersReadAsTyped() {
		assertThat(value(EquipmentColumn.QUANTITY, "2")).isEqualTo("2");
		assertThat(value(EquipmentColumn.QUANTITY, "2.0")).isEqualTo("2");
		assertThat(value(EquipmentColumn.QUANTITY, "1E3")).isEqualTo("1000");
		assertThat(value(EquipmentColumn.QUANTITY, "1,200")).isEqualTo("1200");
		assertThat(value(EquipmentColumn.QUANTITY, "2.5")).isEqualTo("2.5");
		assertThat(value(EquipmentColumn.QUANTITY, "1000e-3")).isEqualTo("1");
		assertThat(value(EquipmentColumn.QUANTITY, "9999999999")).isEqualTo("9999999999");
		assertThat(value(EquipmentColumn.QUANTITY, "两台")).isEqualTo("两台");
		assertThat(value(EquipmentColumn.EFFICIENCY_GRADE, "2级")).isEqualTo("2");
		assertThat(value(EquipmentColumn.REPLACED_AGE, "12")).isEqualTo("12");
	}

	@Test
	void amountsWithHugeExponentsAreRefusedAtOnce() {
		for (EquipmentColumn column : List.of(EquipmentColumn.UNIT_PRICE, EquipmentColumn.INVOICE_AMOUNT)) {
			for (String typed : List.of("1e20000000", "1E+20000000元", "-1e20000000", "1234567890123456")) {
				CellText read = assertTimeoutPreemptively(AT_ONCE,
						() -> EquipmentCells.text(column, new Cell(4, Kind.TEXT, typed)));
				assertThat(read.problem()).as(column + " " + typed).isEqualTo("超出可填写的范围");
			}
		}
		assertThat(value(EquipmentColumn.UNIT_PRICE, "1,250,000.00元")).isEqualTo("1250000.00");
		assertThat(value(EquipmentColumn.UNIT_PRICE, "999999999999.99")).isEqualTo("999999999999.99");
		// Tiny amounts are the validator's: at most two decimals, said in its words.
		assertThat(value(EquipmentColumn.UNIT_PRICE, "1e-20000000")).isEqualTo("1e-20000000");
	}

	/**
	 * A CSV whose every number column holds a huge exponent: read and checked by the
	 * validator in a moment, each cell refused under its row and column.
	 */
	@Test
	void aListOfHugeExponentsIsReadAndCheckedInAMoment() {
		for (ApplicationKind kind : List.of(ApplicationKind.PROJECT, ApplicationKind.SUBSIDY)) {
			List<String> headers = EquipmentColumn.of(kind).stream().map(EquipmentColumn::header).toList();
			String line = kind == ApplicationKind.PROJECT
					? "1,数控车床,CK6150,1e20000000,1e20000000,国产,旧车床,1e20000000,1e20000000"
					: "1,数控车床,CK6150,1e20000000,1e-20000000,国产,'12345678,2026-03-01,1e20000000";
			StringBuilder csv = new StringBuilder(String.join(",", headers)).append("\r\n");
			for (int i = 0; i < EquipmentImport.MAX_LINES; i++) {
				csv.append(line).append("\r\n");
			}
			List<FieldProblem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
				EquipmentImport.Read read = EquipmentImport.read(kind, "设备清单.csv",
						csv.toString().getBytes(StandardCharsets.UTF_8));
				DossierForm form = new DossierForm();
				form.setEquipment(read.lines());
				List<FieldProblem> checked = new ArrayList<>();
				try {
					new DossierValidator(kind, Mode.DRAFT, Set.of(), LocalDate.of(2026, 3, 15)).validate(form);
				}
				catch (DossierInvalidException e) {
					checked = e.problems();
				}
				return read.with(checked);
			});
			List<String> first = problems.stream().map(FieldProblem::message).filter(m -> m.startsWith("第2行")).toList();
			if (kind == ApplicationKind.PROJECT) {
				assertThat(first).containsExactly("第2行“数量”：超出可填写的范围", "第2行“单价”：超出可填写的范围", "第2行“旧设备已用年限”：超出可填写的范围",
						"第2行“能效等级”：超出可填写的范围");
			}
			else {
				assertThat(first).contains("第2行“数量”：超出可填写的范围", "第2行“单价”：以元为单位，最多保留两位小数", "第2行“发票金额”：超出可填写的范围");
			}
		}
	}

	private static String value(EquipmentColumn column, String typed) {
		CellText read = EquipmentCells.text(column, new Cell(3, Kind.TEXT, typed));
		assertThat(read.problem()).as(typed).isNull();
		return read.value();
	}

}
