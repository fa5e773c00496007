package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.SubsidyPayments;
import cn.liaocheng.renewal.statistics.MoneyFlow;
import cn.liaocheng.renewal.statistics.MoneyFlowQuery;
import cn.liaocheng.renewal.statistics.MoneyFlows;
import cn.liaocheng.renewal.statistics.MoneyMeasure;

/**
 * Amounts ordered back by signed clawback decisions (by the decision's date as signed, a
 * Beijing day; a revocation of money never paid orders nothing back), allocations that
 * decisions revoke or propose to revoke (by the decision's day: the whole allocation when
 * nothing was paid, the unpaid rest when some of it was, as {@link ClawbackDecision}
 * words it) and the repayments the county finance bureaus recorded (by the day paid), by
 * the enterprise's county and month.
 */
@Component
class ClawbackMoneyFlows implements MoneyFlows {

	private final JdbcClient jdbc;

	private final SubsidyPayments payments;

	ClawbackMoneyFlows(JdbcClient jdbc, SubsidyPayments payments) {
		this.jdbc = jdbc;
		this.payments = payments;
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
		flows.addAll(unpaidRests(query));
		return flows;
	}

	/**
	 * The unpaid rest of each allocation a clawback decision found partly paid: the
	 * decision orders back what was paid and says the rest is not paid any more (or
	 * proposes its revocation to the body that allocated it), and payments stop with the
	 * clawback, so the rest is the allocation less what is recorded as paid. A case
	 * allocated before payments were recorded here shows nothing paid and no rest, as its
	 * decision states none ({@link ClawbackDecision#unpaidRest}).
	 */
	private List<MoneyFlow> unpaidRests(MoneyFlowQuery query) {
		record Decided(long applicationId, String division, YearMonth month, BigDecimal allocated) {
		}
		List<Decided> decided = jdbc.sql("""
				SELECT c.application_id, c.division_code AS division, EXTRACT(YEAR FROM d.decision_date) AS y,
				       EXTRACT(MONTH FROM d.decision_date) AS m, c.allocated
				FROM clawback c JOIN decision d ON d.id = c.decision_id
				WHERE c.status <> 'REVOKED' AND\s""" + query.condition("d.decision_date", "c.division_code"))
			.params(query.parameters())
			.query((rs, n) -> new Decided(rs.getLong("application_id"), rs.getString("division"),
					YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getBigDecimal("allocated")))
			.list();
		if (decided.isEmpty()) {
			return List.of();
		}
		Map<Long, BigDecimal> paid = payments.paid(decided.stream().map(Decided::applicationId).toList());
		Map<String, MoneyFlow> rests = new TreeMap<>();
		for (Decided d : decided) {
			BigDecimal p = paid.getOrDefault(d.applicationId(), BigDecimal.ZERO);
			if (p.signum() <= 0 || p.compareTo(d.allocated()) >= 0) {
				continue;
			}
			BigDecimal rest = d.allocated().subtract(p);
			rests.merge(d.division() + " " + d.month(),
					new MoneyFlow(MoneyMeasure.SUBSIDY_REVOKED, d.division(), d.month(), rest, 1),
					(a, b) -> new MoneyFlow(a.measure(), a.divisionCode(), a.month(), a.amount().add(b.amount()),
							a.count() + b.count()));
		}
		return List.copyOf(rests.values());
	}

}
