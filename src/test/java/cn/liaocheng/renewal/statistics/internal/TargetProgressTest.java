package cn.liaocheng.renewal.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.statistics.internal.PlanTarget.Comparison;
import cn.liaocheng.renewal.statistics.internal.PlanTarget.Measure;

/**
 * Where a target stands, as the policy words it (一、总体要求): "增长30%以上" includes 30 %,
 * "超过75%" does not; a growth just under its target is not rounded up to it.
 */
class TargetProgressTest {

	@Test
	void aGrowthJustUnderThirtyPercentIsNotShownAsThirtyNorTakenAsReached() {
		PlanTarget growth = target(Comparison.AT_LEAST, "30", 2023, "100.00");
		TargetProgress under = Dashboard.progressOf(growth, "市工业和信息化局", new BigDecimal("129.95"), "129.95 亿元", "2027年");
		assertThat(under.current()).isEqualByComparingTo("29.95");
		assertThat(under.currentText()).isEqualTo("129.95 亿元，较2023年增长 29.95 %");
		assertThat(under.reached()).isFalse();
		assertThat(under.gapText()).isEqualTo("差 0.05 个百分点");

		TargetProgress almost = Dashboard.progressOf(growth, "市工业和信息化局", new BigDecimal("129.999"), "130.00 亿元",
				"2027年");
		assertThat(almost.reached()).as("29.999 % is cut to 29.99 %, not rounded to 30 %").isFalse();

		TargetProgress at = Dashboard.progressOf(growth, "市工业和信息化局", new BigDecimal("130.00"), "130 亿元", "2027年");
		assertThat(at.reached()).as("以上 includes the figure").isTrue();
		assertThat(at.gapText()).isEqualTo("已达到");
	}

	@Test
	void aRateThatMustExceedItsFigureHasNotReachedItAtTheFigure() {
		PlanTarget above = target(Comparison.ABOVE, "75", null, null);
		assertThat(above.targetText()).isEqualTo("> 75 %");
		TargetProgress at = Dashboard.progressOf(above, "市工业和信息化局", new BigDecimal("75.00"), "75 %", "2027-12-31");
		assertThat(at.reached()).isFalse();
		assertThat(at.gapText()).isEqualTo("持平，须超过 75 %");
		TargetProgress past = Dashboard.progressOf(above, "市工业和信息化局", new BigDecimal("75.10"), "75.1 %", "2027-12-31");
		assertThat(past.reached()).isTrue();
		assertThat(past.gapText()).isEqualTo("已达到");

		PlanTarget atLeast = target(Comparison.AT_LEAST, "75", null, null);
		assertThat(Dashboard.progressOf(atLeast, "市工业和信息化局", new BigDecimal("75.00"), "75 %", "2027-12-31").reached())
			.isTrue();
	}

	private static PlanTarget target(Comparison comparison, String value, Integer baselineYear, String baseline) {
		return new PlanTarget("t", "指标", "措辞", 2027, new BigDecimal(value), "%", comparison,
				baselineYear == null ? "%" : "亿元", baselineYear, baseline == null ? null : new BigDecimal(baseline),
				"industry", Measure.REPORTED, null, "说明", 1, 0, Instant.now(), "system");
	}

}
