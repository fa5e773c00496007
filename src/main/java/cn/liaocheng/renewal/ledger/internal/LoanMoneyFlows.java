package cn.liaocheng.renewal.ledger.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.statistics.MoneyFlow;
import cn.liaocheng.renewal.statistics.MoneyFlowQuery;
import cn.liaocheng.renewal.statistics.MoneyFlows;
import cn.liaocheng.renewal.statistics.MoneyMeasure;

/**
 * Loan principal disbursed (by the disbursement date) and interest subsidy paid (by the
 * payment date), by the enterprise's county and month.
 */
@Component
class LoanMoneyFlows implements MoneyFlows {

	private final JdbcClient jdbc;

	LoanMoneyFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<MoneyFlow> flows(MoneyFlowQuery query) {
		List<MoneyFlow> flows = new ArrayList<>(jdbc.sql("""
				SELECT a.division_code AS division, EXTRACT(YEAR FROM e.event_date) AS y,
				       EXTRACT(MONTH FROM e.event_date) AS m, SUM(e.amount) AS amount, COUNT(*) AS n
				FROM loan_event e JOIN application a ON a.id = e.application_id
				WHERE e.event_type = 'DISBURSEMENT' AND\s""" + query.condition("e.event_date", "a.division_code") + """

				GROUP BY a.division_code, EXTRACT(YEAR FROM e.event_date), EXTRACT(MONTH FROM e.event_date)""")
			.params(query.parameters())
			.query((rs, n) -> MoneyFlow.read(MoneyMeasure.LOAN_DISBURSED, rs))
			.list());
		flows.addAll(jdbc
			.sql("""
					SELECT l.division_code AS division, EXTRACT(YEAR FROM l.paid_on) AS y, EXTRACT(MONTH FROM l.paid_on) AS m,
					       SUM(l.amount) AS amount, COUNT(*) AS n
					FROM subsidy_ledger l
					WHERE l.status = 'PAID' AND\s"""
					+ query.condition("l.paid_on", "l.division_code") + """

							GROUP BY l.division_code, EXTRACT(YEAR FROM l.paid_on), EXTRACT(MONTH FROM l.paid_on)""")
			.params(query.parameters())
			.query((rs, n) -> MoneyFlow.read(MoneyMeasure.INTEREST_SUBSIDY_PAID, rs))
			.list());
		return flows;
	}

}
