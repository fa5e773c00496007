package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;

/**
 * Where a target stands: the current value (in the target's unit, i.e. the growth in
 * percent for a growth target), what it is and when it was measured, the share of the
 * target reached and the gap left; {@code missing} says in words what is lacking when
 * there is no current value.
 */
public record TargetProgress(PlanTarget target, String bodyName, BigDecimal current, String currentText, String asOf,
		BigDecimal achieved, BigDecimal gap, String missing) {

	public boolean reached() {
		return gap != null && gap.signum() <= 0;
	}

	public String gapText() {
		if (gap == null) {
			return "—";
		}
		if (gap.signum() <= 0) {
			return "已达到";
		}
		return "差 " + Numbers.plain(gap) + " " + (target.growth() ? "个百分点" : target.unit());
	}

}
