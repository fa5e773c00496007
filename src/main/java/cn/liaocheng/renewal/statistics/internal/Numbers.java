package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Units of the statistics: amounts are stored in yuan and shown in 万元 (or 亿元 for
 * targets), two decimals.
 */
final class Numbers {

	static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

	private static final double MILLIS_PER_DAY = 86_400_000d;

	private Numbers() {
	}

	static BigDecimal wan(BigDecimal yuan) {
		return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
	}

	static BigDecimal yi(BigDecimal yuan) {
		return yuan.divide(HUNDRED_MILLION, 2, RoundingMode.HALF_UP);
	}

	static BigDecimal days(double millis) {
		return BigDecimal.valueOf(millis / MILLIS_PER_DAY).setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * {@code part} of {@code whole} in percent with one decimal; {@code null} when there
	 * is no whole.
	 */
	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0 || part == null) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
	}

	/** A number without trailing zeros or exponent: 14000, 53, 1.5. */
	static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
