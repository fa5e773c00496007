package cn.liaocheng.renewal.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The page's cells: amounts grouped by thousands, years and short counts as they are. */
class StatTableTest {

	@Test
	void amountsAreGroupedWithTheirDecimalsAndYearsAreNot() {
		assertThat(StatTable.shown(new BigDecimal("7500000.00"))).isEqualTo("7,500,000.00");
		assertThat(StatTable.shown(new BigDecimal("-1234.5"))).isEqualTo("-1,234.5");
		assertThat(StatTable.shown(new BigDecimal("12"))).isEqualTo("12");
		assertThat(StatTable.shown(new BigDecimal("0.00"))).isEqualTo("0.00");
		assertThat(StatTable.shown(2027L)).isEqualTo("2027");
		assertThat(StatTable.shown(123456L)).isEqualTo("123,456");
		assertThat(StatTable.shown("2026-03")).isEqualTo("2026-03");
		assertThat(StatTable.shown(null)).isEqualTo("—");
	}

}
