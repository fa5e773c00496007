package cn.liaocheng.renewal.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ChineseFormatsTest {

	@Test
	void writesAmountsInFinancialCapitalsAsOnAllocationNotices() {
		assertThat(ChineseFormats.capitals(new BigDecimal("3500000"))).isEqualTo("叁佰伍拾万元整");
		assertThat(ChineseFormats.capitals(new BigDecimal("965000.05"))).isEqualTo("玖拾陆万伍仟元零伍分");
		assertThat(ChineseFormats.capitals(new BigDecimal("100050"))).isEqualTo("壹拾万零伍拾元整");
		assertThat(ChineseFormats.capitals(new BigDecimal("1005000"))).isEqualTo("壹佰万伍仟元整");
		assertThat(ChineseFormats.capitals(new BigDecimal("120000000.30"))).isEqualTo("壹亿贰仟万元叁角整");
		assertThat(ChineseFormats.capitals(new BigDecimal("1001.5"))).isEqualTo("壹仟零壹元伍角整");
		assertThat(ChineseFormats.capitals(new BigDecimal("0.07"))).isEqualTo("柒分");
		assertThat(ChineseFormats.capitals(BigDecimal.ZERO)).isEqualTo("零元整");
	}

	@Test
	void writesSumsWithThousandsSeparatorsAndDatesWithoutLeadingZeros() {
		assertThat(ChineseFormats.yuan(new BigDecimal("9650000.5"))).isEqualTo("9,650,000.50");
		assertThat(ChineseFormats.date(LocalDate.of(2026, 5, 8))).isEqualTo("2026年5月8日");
	}

	@Test
	void namesTheLedgersPeriodsAsDocumentsDo() {
		assertThat(ChineseFormats.periodName("2026-03")).isEqualTo("2026年3月");
		assertThat(ChineseFormats.periodName("2026-12")).isEqualTo("2026年12月");
		assertThat(ChineseFormats.periodName("2026Q2")).isEqualTo("2026年第二季度");
		assertThat(ChineseFormats.periodName("2026Q4")).isEqualTo("2026年第四季度");
		assertThat(ChineseFormats.periodName("其他")).isEqualTo("其他");
	}

}
