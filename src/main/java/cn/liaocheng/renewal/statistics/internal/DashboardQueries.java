package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;

/**
 * The dashboard's figures, each one aggregate query whatever the number of applications.
 * Reads the applications, opinions and decisions of other modules and the engine's task
 * history (start, end and due date of each review task, which the review module sets to 5
 * working days) without changing anything.
 */
@Repository
class DashboardQueries {

	private static final String UNDER_REVIEW = "'COUNTY_REVIEW', 'CITY_REVIEW', 'EXPERT_REVIEW', 'PUBLIC_NOTICE', "
			+ "'BANK_REVIEW', 'INTEREST_REVIEW', 'CORRECTION'";

	/**
	 * The interest subsidy committed to each loan decided by tranche (贷款贴息分笔核定): its
	 * decision determined no amount, and each tranche is capped by the rule of its own
	 * day (principal paid out that day × points × months ÷ 12, as the ledger caps it). A
	 * tranche's rule is fixed when its first period is accrued and kept with its shares,
	 * so the tranches counted are those the ledger has accrued under a rule that
	 * subsidises them; what the ledger pays never passes their sum.
	 */
	private static final String TRANCHE_CAPS = """
			LEFT JOIN (SELECT k.application_id, SUM(ROUND(k.principal * k.points * k.months / 1200, 2)) AS caps
			           FROM (SELECT DISTINCT l.application_id, s.disbursed_on, s.points, s.months,
			                        (SELECT SUM(e.amount) FROM loan_event e
			                         WHERE e.application_id = l.application_id AND e.event_type = 'DISBURSEMENT'
			                           AND e.event_date = s.disbursed_on) AS principal
			                 FROM subsidy_ledger_share s JOIN subsidy_ledger l ON l.id = s.ledger_id
			                 JOIN application t ON t.id = l.application_id AND t.interest_subsidy_by_tranche = TRUE
			                 WHERE s.points > 0 AND s.months > 0) k
			           GROUP BY k.application_id) tc ON tc.application_id = a.id""";

	/**
	 * What the tranches of a loan whose total was determined add to it when paid out
	 * under a rule of another rate or term, as the ledger limits them: each such tranche
	 * its own limit (principal × its points × its months ÷ 12), and the total gives up
	 * what its principal would have had at the decided rate and term. Counted, as for a
	 * loan decided by tranche, once the ledger has accrued the tranche and kept its rule
	 * with its shares.
	 */
	private static final String OUTSIDE_TOTAL = """
			LEFT JOIN (SELECT k.application_id, SUM(ROUND(k.principal * k.points * k.months / 1200, 2)) AS own,
			                  SUM(ROUND(k.principal * k.decided_points * k.decided_months / 1200, 2)) AS at_decided
			           FROM (SELECT DISTINCT l.application_id, s.disbursed_on, s.points, s.months,
			                        t.interest_subsidy_points AS decided_points,
			                        t.interest_subsidy_months AS decided_months,
			                        (SELECT SUM(e.amount) FROM loan_event e
			                         WHERE e.application_id = l.application_id AND e.event_type = 'DISBURSEMENT'
			                           AND e.event_date = s.disbursed_on) AS principal
			                 FROM subsidy_ledger_share s JOIN subsidy_ledger l ON l.id = s.ledger_id
			                 JOIN application t ON t.id = l.application_id AND t.interest_subsidy_by_tranche = FALSE
			                 WHERE s.points > 0 AND s.months > 0
			                   AND (s.points <> t.interest_subsidy_points OR s.months <> t.interest_subsidy_months)) k
			           GROUP BY k.application_id) ot ON ot.application_id = a.id""";

	/** The joins {@link #COMMITTED_INTEREST} reads. */
	private static final String COMMITTED_JOINS = TRANCHE_CAPS + "\n" + OUTSIDE_TOTAL;

	/**
	 * The interest subsidy a loan's decision committed, decided by tranche or not; a
	 * determined total with its tranches outside it ({@link #OUTSIDE_TOTAL}), within the
	 * rule's cap of one loan where the table states one.
	 */
	private static final String COMMITTED_INTEREST = "CASE WHEN a.interest_subsidy_by_tranche = TRUE THEN tc.caps "
			+ "WHEN a.interest_subsidy_amount > 0 AND ot.own IS NOT NULL THEN "
			+ "LEAST(GREATEST(a.interest_subsidy_amount - ot.at_decided, 0) + ot.own, "
			+ "COALESCE(NULLIF(a.interest_subsidy_cap, 0), GREATEST(a.interest_subsidy_amount - ot.at_decided, 0) + ot.own)) "
			+ "ELSE a.interest_subsidy_amount END";

	private final JdbcClient jdbc;

	private final HeldSteps heldSteps;

	DashboardQueries(JdbcClient jdbc, HeldSteps heldSteps) {
		this.heldSteps = heldSteps;
		this.jdbc = jdbc;
	}

	/**
	 * Submitted applications (first submission inside the scope's year) grouped by
	 * {@code dimension}. The subsidy proposed counts cases under review and approved: an
	 * amount computed for a case that was then refused, withdrawn or lapsed was never
	 * granted.
	 */
	List<Figures> figures(Dimension dimension, StatisticsScope scope) {
		List<Object> params = new ArrayList<>();
		String where = dimension == Dimension.BATCH ? batchWhere(scope, params)
				: scope.where("a", "submitted_at", params);
		String sql = """
				SELECT %1$s AS grp,
				       COUNT(*) AS submitted,
				       SUM(CASE WHEN a.status = 'APPROVED' THEN 1 ELSE 0 END) AS approved,
				       SUM(CASE WHEN a.status = 'REFUSED' THEN 1 ELSE 0 END) AS refused,
				       SUM(CASE WHEN a.status IN (%2$s) THEN 1 ELSE 0 END) AS under_review,
				       SUM(CASE WHEN a.status IN ('WITHDRAWN', 'LAPSED') THEN 1 ELSE 0 END) AS ended,
				       SUM(CASE WHEN a.kind = 'PROJECT' THEN a.submitted_equipment_investment END) AS equipment_submitted,
				       SUM(CASE WHEN a.kind = 'PROJECT' AND a.status = 'APPROVED' THEN a.submitted_equipment_investment END) AS equipment_approved,
				       SUM(CASE WHEN a.kind = 'SUBSIDY' AND a.status NOT IN ('REFUSED', 'WITHDRAWN', 'LAPSED') THEN a.subsidy_amount END) AS subsidy_assessed,
				       SUM(CASE WHEN a.kind = 'SUBSIDY' AND a.status = 'APPROVED' THEN a.subsidy_amount END) AS subsidy_allocated,
				       SUM(CASE WHEN a.kind = 'LOAN' THEN a.submitted_loan_amount END) AS loan_requested,
				       SUM(CASE WHEN a.kind = 'LOAN' THEN a.granted_amount END) AS loan_granted
				FROM application a LEFT JOIN application p ON p.id = a.submitted_project_id
				LEFT JOIN batch_entry b ON b.application_id = a.id
				WHERE a.submitted_at IS NOT NULL AND a.status <> 'DRAFT' AND %3$s
				GROUP BY %1$s"""
			.formatted(dimension.sql(), UNDER_REVIEW, where);
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Figures(key(rs.getObject("grp")), rs.getLong("submitted"), rs.getLong("approved"),
					rs.getLong("refused"), rs.getLong("under_review"), rs.getLong("ended"),
					money(rs, "equipment_submitted"), money(rs, "equipment_approved"), money(rs, "subsidy_assessed"),
					money(rs, "subsidy_allocated"), money(rs, "loan_requested"), money(rs, "loan_granted")))
			.list();
	}

	/** The application windows' names, by id: what the batch view calls each batch. */
	Map<String, String> windowNames() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT id, notice_title FROM application_window ORDER BY opens_at")
			.query((rs, n) -> names.put(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list();
		return names;
	}

	/**
	 * Review tasks completed in the scope's year (by the task's end, whenever its case
	 * was submitted) grouped by {@code groupColumn} of the opinion ({@code step} or
	 * {@code body_group}): how many, average and longest duration, and how many ended
	 * after their due date.
	 */
	List<Durations> durations(String groupColumn, StatisticsScope scope) {
		if (!"step".equals(groupColumn) && !"body_group".equals(groupColumn)) {
			throw new IllegalArgumentException(groupColumn);
		}
		String name = "step".equals(groupColumn) ? "step_name" : "body_name";
		List<Object> params = new ArrayList<>();
		String where = scope.whereAt("t.END_TIME_", "a", params);
		String sql = """
				SELECT o.%1$s AS grp, MIN(o.%2$s) AS name, COUNT(*) AS handled, AVG(t.DURATION_) AS avg_ms,
				       MAX(t.DURATION_) AS max_ms,
				       SUM(CASE WHEN t.DUE_DATE_ IS NOT NULL AND t.END_TIME_ > t.DUE_DATE_ THEN 1 ELSE 0 END) AS late
				FROM review_opinion o
				JOIN ACT_HI_TASKINST t ON t.ID_ = o.task_id
				JOIN application a ON a.id = o.application_id
				WHERE t.END_TIME_ IS NOT NULL AND %3$s
				GROUP BY o.%1$s""".formatted(groupColumn, name, where);
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Durations(rs.getString("grp"), rs.getString("name"), rs.getLong("handled"),
					rs.getDouble("avg_ms"), rs.getLong("max_ms"), rs.getLong("late")))
			.list();
	}

	/**
	 * Tasks still open, per candidate group: how many and how many past their due date at
	 * {@code now}, in the scope's counties whatever year their case was submitted (a
	 * backlog is what is open now). The tasks of an application's review process and of
	 * the after-award processes recorded for it (payments, acceptance, performance
	 * evaluation, clawback), as the durations count the opinions of both. A task counts
	 * for its body only, not again for the lead group it gains as a second candidate when
	 * it becomes overdue (督办). A payment a clawback holds is open but not overdue: the
	 * bureau may not make it ({@link HeldSteps}).
	 */
	List<OpenTasks> openTasks(StatisticsScope scope, Instant now) {
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(now));
		List<String> heldClauses = new ArrayList<>();
		for (String step : heldSteps.steps()) {
			List<Long> held = List.copyOf(heldSteps.held(step,
					jdbc.sql("""
							SELECT DISTINCT r.application_id FROM ACT_HI_TASKINST t
							JOIN (SELECT id AS application_id, process_instance_id FROM application
							      UNION ALL
							      SELECT application_id, process_instance_id FROM after_award_process) r
							     ON r.process_instance_id = t.ROOT_PROC_INST_ID_
							WHERE t.END_TIME_ IS NULL AND t.TASK_DEF_KEY_ = ? AND t.DUE_DATE_ < ?""")
						.params(step, Timestamp.from(now))
						.query(Long.class)
						.list()));
			if (!held.isEmpty()) {
				heldClauses.add("(t.TASK_DEF_KEY_ = ? AND r.application_id IN ("
						+ String.join(",", Collections.nCopies(held.size(), "?")) + "))");
				params.add(step);
				params.addAll(held);
			}
		}
		String notHeld = heldClauses.isEmpty() ? "" : " AND NOT (" + String.join(" OR ", heldClauses) + ")";
		params.add("%" + GroupNames.LEAD_SUFFIX);
		String where = scope.anyYear().where("a", "submitted_at", params);
		String sql = """
				SELECT i.GROUP_ID_ AS grp, COUNT(*) AS open_tasks,
				       SUM(CASE WHEN t.DUE_DATE_ < ?%s THEN 1 ELSE 0 END) AS overdue
				FROM ACT_HI_TASKINST t
				JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL
				     AND i.GROUP_ID_ NOT LIKE ?
				JOIN (SELECT id AS application_id, process_instance_id FROM application
				      UNION ALL
				      SELECT application_id, process_instance_id FROM after_award_process) r
				     ON r.process_instance_id = t.ROOT_PROC_INST_ID_
				JOIN application a ON a.id = r.application_id
				WHERE t.END_TIME_ IS NULL AND %s
				GROUP BY i.GROUP_ID_""".formatted(notHeld, where);
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new OpenTasks(rs.getString("grp"), rs.getLong("open_tasks"), rs.getLong("overdue")))
			.list();
	}

	/**
	 * The scope of the batch view: a year is the batch's year ({@code b.batch_year}, as
	 * the project library counts it: a batch of the next year opens in December), and an
	 * application submitted before batches were kept ("未记入批次") counts in the year it was
	 * first submitted.
	 */
	private static String batchWhere(StatisticsScope scope, List<Object> params) {
		if (scope.year() == null) {
			return scope.where("a", "submitted_at", params);
		}
		StatisticsScope anyYear = scope.anyYear();
		List<Object> submittedIn = new ArrayList<>();
		String unbatched = scope.where("a", "submitted_at", submittedIn);
		params.add(scope.year());
		params.addAll(submittedIn);
		List<Object> divisions = new ArrayList<>();
		String where = "(b.batch_year = ? OR (b.application_id IS NULL AND " + unbatched + ")) AND "
				+ anyYear.where("a", "submitted_at", divisions);
		params.addAll(divisions);
		return where;
	}

	/**
	 * Loan applications per county: asked, listed by the central bank's branch, granted
	 * by a bank, subsidised.
	 */
	List<LoanFigures> loans(StatisticsScope scope) {
		List<Object> params = new ArrayList<>();
		String where = scope.where("a", "submitted_at", params);
		String sql = """
				SELECT a.division_code AS grp, COUNT(*) AS submitted, SUM(a.submitted_loan_amount) AS requested,
				       SUM(CASE WHEN d.id IS NOT NULL THEN 1 ELSE 0 END) AS listed,
				       SUM(CASE WHEN d.id IS NOT NULL THEN COALESCE(a.granted_amount, a.submitted_loan_amount) END) AS listed_amount,
				       SUM(CASE WHEN a.granted_amount IS NOT NULL THEN 1 ELSE 0 END) AS granted,
				       SUM(a.granted_amount) AS granted_amount,
				       SUM(CASE WHEN a.status = 'APPROVED' AND %2$s > 0 THEN 1 ELSE 0 END) AS subsidised,
				       SUM(CASE WHEN a.status = 'APPROVED' THEN %2$s END) AS interest_subsidy
				FROM application a
				LEFT JOIN decision d ON d.application_id = a.id AND d.stage = 'LOAN' AND d.decision_type = 'LOAN_LISTED'
				%3$s
				WHERE a.kind = 'LOAN' AND a.submitted_at IS NOT NULL AND a.status <> 'DRAFT' AND %1$s
				GROUP BY a.division_code"""
			.formatted(where, COMMITTED_INTEREST, COMMITTED_JOINS);
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new LoanFigures(rs.getString("grp"), rs.getLong("submitted"), money(rs, "requested"),
					rs.getLong("listed"), money(rs, "listed_amount"), rs.getLong("granted"),
					money(rs, "granted_amount"), rs.getLong("subsidised"), money(rs, "interest_subsidy")))
			.list();
	}

	/**
	 * Money committed by decisions, by county and month of the decision: subsidies
	 * allocated (approved claims) and interest subsidies approved for granted loans, a
	 * loan decided by tranche at the caps of its tranches accrued so far.
	 */
	List<Committed> committed(StatisticsScope scope) {
		List<Object> params = new ArrayList<>();
		String where = scope.where("a", "decided_at", params);
		String month = Dimension.yearMonth("a.decided_at");
		String sql = """
				SELECT a.kind AS kind, a.division_code AS grp,
				       %2$s AS ym,
				       SUM(CASE WHEN a.kind = 'SUBSIDY' THEN a.subsidy_amount ELSE %3$s END) AS amount,
				       COUNT(*) AS cnt
				FROM application a
				%4$s
				WHERE a.status = 'APPROVED' AND a.decided_at IS NOT NULL
				  AND ((a.kind = 'SUBSIDY' AND a.subsidy_amount IS NOT NULL)
				       OR (a.kind = 'LOAN' AND %3$s > 0)) AND %1$s
				GROUP BY a.kind, a.division_code, %2$s""".formatted(where, month, COMMITTED_INTEREST, COMMITTED_JOINS);
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			int ym = ((Number) rs.getObject("ym")).intValue();
			return new Committed("SUBSIDY".equals(rs.getString("kind")), rs.getString("grp"),
					YearMonth.of(ym / 100, ym % 100), money(rs, "amount"), rs.getLong("cnt"));
		}).list();
	}

	/**
	 * Equipment investment (yuan) of project registrations approved in {@code year}
	 * within the scope's counties.
	 */
	BigDecimal approvedEquipmentInvestment(int year, StatisticsScope scope) {
		StatisticsScope ofYear = new StatisticsScope(scope.divisions(), year, scope.countyBody());
		List<Object> params = new ArrayList<>();
		String where = ofYear.where("a", "decided_at", params);
		BigDecimal sum = jdbc
			.sql("SELECT SUM(a.submitted_equipment_investment) FROM application a "
					+ "WHERE a.kind = 'PROJECT' AND a.status = 'APPROVED' AND " + where)
			.params(params)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		return sum == null ? BigDecimal.ZERO : sum;
	}

	private static String key(Object group) {
		if (group == null) {
			return null;
		}
		if (group instanceof Number number) {
			return Integer.toString(number.intValue());
		}
		return group.toString();
	}

	private static BigDecimal money(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? BigDecimal.ZERO : value;
	}

	record Durations(String group, String name, long handled, double averageMillis, long longestMillis, long late) {
	}

	record OpenTasks(String group, long open, long overdue) {
	}

	record LoanFigures(String division, long submitted, BigDecimal requested, long listed, BigDecimal listedAmount,
			long granted, BigDecimal grantedAmount, long subsidised, BigDecimal interestSubsidy) {
	}

	record Committed(boolean subsidy, String division, YearMonth month, BigDecimal amount, long count) {
	}

}
