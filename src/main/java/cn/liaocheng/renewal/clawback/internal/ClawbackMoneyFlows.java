package cn.liaocheng.renewal.clawback.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.statistics.MoneyFlow;
import cn.liaocheng.renewal.statistics.MoneyFlowQuery;
import cn.liaocheng.renewal.statistics.MoneyFlows;
import cn.liaocheng.renewal.statistics.MoneyMeasure;

/**
 * Amounts ordered back by signed clawback decisions (by the decision's date as signed, a
 * Beijing day; a revocation of money never paid orders nothing back), allocations revoked
 * before any payment (the allocated amount, by the day of the revocation) and the
 * repayments the county finance bureaus recorded (by the day paid), by the enterprise's
 * county and month.
 */
@Component
class ClawbackMoneyFlows implements MoneyFlows {

	private final JdbcClient jdbc;

	ClawbackMoneyFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<MoneyFlow> flows(MoneyFlowQuery query) {
		// A decided clawback orders its amount back; a revocation withdraws the whole
		// allocation, none of it paid.
		List<MoneyFlow> flows = new ArrayList<>(jdbc
			.sql("""
					SELECT c.division_code AS division, EXTRACT(YEAR FROM d.decision_date) AS y, EXTRACT(MONTH FROM d.decision_date) AS m,
					       CASE WHEN c.status = 'REVOKED' THEN 1 ELSE 0 END AS revoked,
					       SUM(CASE WHEN c.status = 'REVOKED' THEN c.allocated ELSE c.amount END) AS amount, COUNT(*) AS n
					FROM clawback c JOIN decision d ON d.id = c.decision_id
					WHERE\s"""
					+ query.condition("d.decision_date", "c.division_code")
					+ """

							GROUP BY c.division_code, EXTRACT(YEAR FROM d.decision_date), EXTRACT(MONTH FROM d.decision_date),
							         CASE WHEN c.status = 'REVOKED' THEN 1 ELSE 0 END""")
			.params(query.parameters())
			.query((rs, n) -> MoneyFlow
				.read(rs.getInt("revoked") == 1 ? MoneyMeasure.SUBSIDY_REVOKED : MoneyMeasure.CLAWBACK_ORDERED, rs))
			.list());
		flows.addAll(jdbc
			.sql("""
					SELECT c.division_code AS division, EXTRACT(YEAR FROM r.paid_on) AS y, EXTRACT(MONTH FROM r.paid_on) AS m,
					       SUM(r.amount) AS amount, COUNT(*) AS n
					FROM clawback_repayment r JOIN clawback c ON c.id = r.clawback_id
					WHERE r.state = 'CONFIRMED' AND\s"""
					+ query.condition("r.paid_on", "c.division_code") + """

							GROUP BY c.division_code, EXTRACT(YEAR FROM r.paid_on), EXTRACT(MONTH FROM r.paid_on)""")
			.params(query.parameters())
			.query((rs, n) -> MoneyFlow.read(MoneyMeasure.CLAWBACK_REPAID, rs))
			.list());
		return flows;
	}

}
