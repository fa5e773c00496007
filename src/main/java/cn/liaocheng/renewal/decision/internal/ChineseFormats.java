package cn.liaocheng.renewal.decision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts and dates as Chinese official documents write them: 3,500,000.00元, 叁佰伍拾万元整,
 * 2026年5月8日.
 */
final class ChineseFormats {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

	private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();

	private static final String[] SMALL_UNITS = { "", "拾", "佰", "仟" };

	private static final String[] GROUP_UNITS = { "", "万", "亿", "万亿" };

	private static final String[] ORDINALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
			"十五", "十六", "十七", "十八", "十九", "二十" };

	private ChineseFormats() {
	}

	static String yuan(BigDecimal amount) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
			.format(amount.setScale(2, RoundingMode.HALF_UP));
	}

	/** 人民币3,500,000.00元（大写：叁佰伍拾万元整）. */
	static String yuanWithCapitals(BigDecimal amount) {
		return "人民币" + yuan(amount) + "元（大写：" + capitals(amount) + "）";
	}

	/**
	 * A ledger period as an official document names it: 2026-03 as 2026年3月, 2026Q2 as
	 * 2026年第二季度; any other label as it is.
	 */
	static String periodName(String label) {
		Matcher month = MONTH.matcher(label);
		if (month.matches()) {
			return month.group(1) + "年" + Integer.parseInt(month.group(2)) + "月";
		}
		Matcher quarter = QUARTER.matcher(label);
		if (quarter.matches()) {
			return quarter.group(1) + "年第" + "一二三四".charAt(Integer.parseInt(quarter.group(2)) - 1) + "季度";
		}
		return label;
	}

	static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** 一, 二, … for headings 一、 and items （一）. */
	static String ordinal(int oneBased) {
		return oneBased <= ORDINALS.length ? ORDINALS[oneBased - 1] : Integer.toString(oneBased);
	}

	/**
	 * The amount in financial capitals (大写金额), as on Chinese cheques and allocation
	 * notices.
	 */
	static String capitals(BigDecimal amount) {
		long fen = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
		if (fen < 0) {
			throw new IllegalArgumentException("negative amount " + amount);
		}
		if (fen == 0) {
			return "零元整";
		}
		long yuan = fen / 100;
		int jiao = (int) (fen / 10 % 10);
		int cent = (int) (fen % 10);
		StringBuilder text = new StringBuilder();
		if (yuan > 0) {
			text.append(integer(yuan)).append('元');
		}
		if (jiao == 0 && cent == 0) {
			return text.append('整').toString();
		}
		if (jiao > 0) {
			text.append(DIGITS[jiao]).append('角');
		}
		else if (yuan > 0) {
			text.append('零');
		}
		return cent > 0 ? text.append(DIGITS[cent]).append('分').toString() : text.append('整').toString();
	}

	private static String integer(long value) {
		int[] groups = new int[GROUP_UNITS.length];
		int count = 0;
		for (long rest = value; rest > 0; rest /= 10_000) {
			groups[count++] = (int) (rest % 10_000);
		}
		StringBuilder text = new StringBuilder();
		boolean zeroPending = false;
		for (int i = count - 1; i >= 0; i--) {
			if (groups[i] == 0) {
				zeroPending = text.length() > 0;
				continue;
			}
			if (text.length() > 0 && (zeroPending || groups[i] < 1000)) {
				text.append('零');
			}
			zeroPending = false;
			text.append(section(groups[i])).append(GROUP_UNITS[i]);
		}
		return text.toString();
	}

	private static String section(int group) {
		StringBuilder text = new StringBuilder();
		boolean zero = false;
		for (int i = 3, scale = 1000; i >= 0; i--, scale /= 10) {
			int digit = group / scale % 10;
			if (digit == 0) {
				zero = text.length() > 0;
				continue;
			}
			if (zero) {
				text.append('零');
				zero = false;
			}
			text.append(DIGITS[digit]).append(SMALL_UNITS[i]);
		}
		return text.toString();
	}

}
