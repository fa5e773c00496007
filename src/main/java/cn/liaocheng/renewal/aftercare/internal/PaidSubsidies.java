package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.SubsidyPayments;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.statistics.MoneyFlow;
import cn.liaocheng.renewal.statistics.MoneyFlowQuery;
import cn.liaocheng.renewal.statistics.MoneyFlows;
import cn.liaocheng.renewal.statistics.MoneyMeasure;

/**
 * The county finance bureaus' payments of allocated subsidies: per case, and for
 * statistics by the enterprise's county and the payment month.
 */
@Component
class PaidSubsidies implements MoneyFlows, SubsidyPayments {

	private final JdbcClient jdbc;

	private final ApplicationStages stages;

	private final Decisions decisions;

	PaidSubsidies(JdbcClient jdbc, ApplicationStages stages, Decisions decisions) {
		this.jdbc = jdbc;
		this.stages = stages;
		this.decisions = decisions;
	}

	@Override
	public BigDecimal paid(long applicationId) {
		return paid(List.of(applicationId)).getOrDefault(applicationId, BigDecimal.ZERO);
	}

	@Override
	public Map<Long, BigDecimal> paid(Collection<Long> applicationIds) {
		Map<Long, BigDecimal> paid = new HashMap<>();
		List<Long> ids = List.copyOf(applicationIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql("SELECT application_id, SUM(amount) FROM aftercare_payment WHERE application_id IN (:ids)"
					+ " GROUP BY application_id")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(rs -> {
					paid.put(rs.getLong(1), rs.getBigDecimal(2));
				});
		}
		return paid;
	}

	/**
	 * Payments are recorded here for a case whose after-award process is recorded, and
	 * for one whose allocation notice states the after-award terms (issued since then):
	 * its process may not have started yet (its start runs after the allocation's commit,
	 * and may wait as an incident), yet nothing can have been paid outside it.
	 */
	@Override
	public boolean nothingPaid(long applicationId) {
		return paid(applicationId).signum() == 0
				&& (stages.afterAwardProcess(applicationId, AftercareModel.PROCESS_KEY).isPresent()
						|| allocatedWithTheAfterAwardTerms(applicationId));
	}

	private boolean allocatedWithTheAfterAwardTerms(long applicationId) {
		return decisions.allForApplication(applicationId)
			.stream()
			.filter(d -> d.type() == DecisionType.SUBSIDY_ALLOCATED)
			.findFirst()
			.flatMap(d -> decisions.textVersion(d.id()))
			.flatMap(AllocationTerms::of)
			.isPresent();
	}

	@Override
	public List<MoneyFlow> flows(MoneyFlowQuery query) {
		return jdbc
			.sql("""
					SELECT a.division_code AS division, EXTRACT(YEAR FROM p.paid_on) AS y, EXTRACT(MONTH FROM p.paid_on) AS m,
					       SUM(p.amount) AS amount, COUNT(*) AS n
					FROM aftercare_payment p JOIN application a ON a.id = p.application_id
					WHERE\s"""
					+ query.condition("p.paid_on", "a.division_code") + """

							GROUP BY a.division_code, EXTRACT(YEAR FROM p.paid_on), EXTRACT(MONTH FROM p.paid_on)""")
			.params(query.parameters())
			.query((rs, n) -> MoneyFlow.read(MoneyMeasure.SUBSIDY_PAID, rs))
			.list();
	}

}
