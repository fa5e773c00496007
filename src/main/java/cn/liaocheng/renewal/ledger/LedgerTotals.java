package cn.liaocheng.renewal.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The interest-subsidy ledger summed by county and month (of the period's end), for
 * statistics.
 */
public interface LedgerTotals {

	/**
	 * Every county and month with ledger rows between the two months, inclusive, ordered
	 * by month and county.
	 */
	List<MonthTotal> byCountyAndMonth(YearMonth from, YearMonth to);

	/**
	 * @param accrued every row of the month, whatever its status
	 * @param approved rows approved by the finance bureau or paid
	 * @param paid rows paid
	 * @param loans distinct loans with a row in the month
	 */
	record MonthTotal(String divisionCode, YearMonth month, BigDecimal accrued, BigDecimal approved, BigDecimal paid,
			int loans) {
	}

}
