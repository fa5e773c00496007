package cn.liaocheng.renewal.statistics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One aggregate of money movements: a measure, the county-level division of the
 * enterprise (its code, as in {@code org_division}), a calendar month (Beijing time), the
 * sum in yuan and how many movements it adds up.
 */
public record MoneyFlow(MoneyMeasure measure, String divisionCode, YearMonth month, BigDecimal amount, long count) {

	public MoneyFlow {
		Objects.requireNonNull(measure, "measure");
		Objects.requireNonNull(divisionCode, "divisionCode");
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(amount, "amount");
	}

	/**
	 * Reads one aggregate row of an implementation's {@code GROUP BY}, whose columns are
	 * {@code division}, {@code y} and {@code m} (year and month of the movement's date),
	 * {@code amount} and {@code n}.
	 */
	public static MoneyFlow read(MoneyMeasure measure, ResultSet rs) throws SQLException {
		return new MoneyFlow(measure, rs.getString("division"), YearMonth.of(rs.getInt("y"), rs.getInt("m")),
				rs.getBigDecimal("amount"), rs.getLong("n"));
	}

}
