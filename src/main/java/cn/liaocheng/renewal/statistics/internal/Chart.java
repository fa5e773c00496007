package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server (the page renders each bar as an SVG
 * rectangle): one or two series, every bar's length already computed as a share of the
 * largest value, so the page does no arithmetic and needs no script.
 */
public record Chart(String title, String unit, List<String> series, List<Bar> bars, BigDecimal marker,
		String markerLabel, boolean wide) {

	public record Bar(String label, List<BigDecimal> values, List<BigDecimal> lengths) {
	}

	public boolean isEmpty() {
		return bars.isEmpty();
	}

	/**
	 * {@code marker}: a reference line (e.g. 100 % of a target) drawn across the bars;
	 * {@code null} for none.
	 */
	static Chart of(String title, String unit, List<String> series, List<String> labels, List<List<BigDecimal>> values,
			BigDecimal marker, String markerLabel) {
		BigDecimal max = marker == null ? BigDecimal.ZERO : marker;
		for (List<BigDecimal> row : values) {
			for (BigDecimal v : row) {
				if (v != null && v.compareTo(max) > 0) {
					max = v;
				}
			}
		}
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			List<BigDecimal> lengths = new ArrayList<>();
			for (BigDecimal v : values.get(i)) {
				lengths.add(length(v, max));
			}
			bars.add(new Bar(labels.get(i), values.get(i), lengths));
		}
		return new Chart(title, unit, series, bars, marker == null ? null : length(marker, max), markerLabel, false);
	}

	/** The same chart across the whole width, for long labels. */
	Chart widened() {
		return new Chart(title, unit, series, bars, marker, markerLabel, true);
	}

	private static BigDecimal length(BigDecimal value, BigDecimal max) {
		if (value == null || value.signum() <= 0 || max.signum() == 0) {
			return BigDecimal.ZERO;
		}
		return value.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
	}

}
