package cn.liaocheng.renewal.statistics;

import java.util.List;

/**
 * Money that moved after an award, reported by the module that records it (subsidy
 * payments, clawbacks, the loan ledger). To take part, a module declares one Spring bean
 * implementing this interface; the dashboard asks every implementation present and adds
 * their answers up, so a module reports only its own measures.
 *
 * <p>
 * An implementation answers with one aggregate per measure, county and month (one SQL
 * {@code GROUP BY}, never a query per record), in yuan, for the events dated inside the
 * query's period and, when the query names counties, only for those. Example for a
 * payment table:
 *
 * <pre>{@code
 * SELECT division_code, EXTRACT(YEAR FROM paid_on) * 100 + EXTRACT(MONTH FROM paid_on) AS ym, SUM(amount), COUNT(*)
 * FROM subsidy_payment WHERE paid_on >= ? AND paid_on < ? GROUP BY division_code, ym
 * }</pre>
 *
 * mapped to
 * {@code new MoneyFlow(MoneyMeasure.SUBSIDY_PAID, divisionCode, YearMonth.of(ym / 100, ym % 100), sum, count)}
 * and filtered with {@link MoneyFlowQuery#covers(String)}.
 */
public interface MoneyFlows {

	List<MoneyFlow> flows(MoneyFlowQuery query);

}
