package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How amounts of money read in messages people see: yuan with thousands separators and
 * two decimals (315,600.03).
 */
public final class Money {

	private Money() {
	}

	public static String yuan(BigDecimal amount) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
			.format(amount.setScale(2, RoundingMode.HALF_UP));
	}

}
