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

	/**
	 * Whether the target is met: at the figure or beyond it, or beyond it only where the
	 * policy says 超过.
	 */
	public boolean reached() {
		return gap != null
				&& (target.comparison() == PlanTarget.Comparison.ABOVE ? gap.signum() < 0 : gap.signum() <= 0);
	}

	public String gapText() {
		if (gap == null) {
			return "—";
		}
		if (reached()) {
			return "已达到";
		}
		if (gap.signum() <= 0) {
			return "持平，须超过 " + Numbers.plain(target.targetValue()) + " " + target.unit();
		}
		return "差 " + Numbers.plain(gap) + " " + (target.growth() ? "个百分点" : target.unit());
	}

}
