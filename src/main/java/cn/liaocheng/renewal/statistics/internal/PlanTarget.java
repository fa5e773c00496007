package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of the plan's targets: the indicator in the policy's words, the value to reach in
 * the target year, how it is measured and who answers for it. A growth target
 * ({@link #growth()}) compares the current value with the baseline year's, and its
 * {@code valueUnit} is that of the values (e.g. 亿元) while {@code unit} is percent.
 */
public record PlanTarget(String key, String indicator, String wording, int targetYear, BigDecimal targetValue,
		String unit, Comparison comparison, String valueUnit, Integer baselineYear, BigDecimal baselineValue,
		String bodyKey, Measure measure, ComputedFigure computedFrom, String measureNote, int sortOrder, int version,
		Instant updatedAt, String updatedBy) {

	public boolean growth() {
		return baselineYear != null;
	}

	public boolean reported() {
		return measure == Measure.REPORTED;
	}

	/** How the policy states the target, e.g. "≥ 14000 个" or "约 53 %". */
	public String targetText() {
		String value = Numbers.plain(targetValue) + " " + unit;
		if (growth()) {
			return "较" + baselineYear + "年增长 " + value + (comparison == Comparison.ABOUT ? " 左右" : " 以上");
		}
		return (comparison == Comparison.ABOUT ? "约 " : comparison == Comparison.ABOVE ? "> " : "≥ ") + value;
	}

	public enum Comparison {

		/** 以上, 达到: the figure itself counts. */
		AT_LEAST("达到或超过"),
		/** 超过: the figure itself does not count. */
		ABOVE("超过"), ABOUT("左右");

		private final String label;

		Comparison(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public enum Measure {

		COMPUTED("系统自动计算"), REPORTED("责任单位定期填报");

		private final String label;

		Measure(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
