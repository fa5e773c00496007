package cn.liaocheng.renewal.batch.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.operations.LikePatterns;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;

/**
 * The batch (year) each application was first submitted in: what the per-year library
 * lists.
 */
@Component
public class BatchEntries {

	private final JdbcClient jdbc;

	BatchEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One application in a batch, with the facts the library lists and exports beside its
	 * listing.
	 *
	 * @param policyTask the policy task (重点任务) of the project, or of the registered
	 * project a subsidy or loan refers to
	 */
	public record Entry(long applicationId, int year, String divisionCode, Instant submittedAt, Integer policyTask,
			String creditCode, BigDecimal totalInvestment, BigDecimal equipmentInvestment, BigDecimal loanAmount,
			BigDecimal grantedAmount, BigDecimal subsidyAmount, Instant decidedAt) {
	}

	/**
	 * What a library search asks for.
	 *
	 * @param divisionCodes the counties to list; {@code null} for every county
	 * @param status the one status to list; {@code null} for every status
	 * @param text a part of the reference number, the enterprise's name or credit code or
	 * the project's name; {@code null} or blank for any
	 */
	public record Search(int year, ApplicationKind kind, List<String> divisionCodes, Integer policyTask,
			ApplicationStatus status, String text) {
	}

	/** One page of a search and how many applications match in all. */
	public record Found(List<Entry> entries, int total) {
	}

	/**
	 * The applications that match, newest first: {@code limit} of them from
	 * {@code offset}, and the number of all that match. Two queries whatever the page's
	 * size.
	 */
	public Found search(Search search, int offset, int limit) {
		if (search.divisionCodes() != null && search.divisionCodes().isEmpty()) {
			return new Found(List.of(), 0);
		}
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE b.batch_year = :year AND b.kind = :kind");
		params.put("year", search.year());
		params.put("kind", search.kind().name());
		if (search.divisionCodes() != null) {
			where.append(" AND b.division_code IN (:divisions)");
			params.put("divisions", search.divisionCodes());
		}
		if (search.policyTask() != null) {
			where.append(" AND COALESCE(a.submitted_policy_task, p.submitted_policy_task) = :task");
			params.put("task", search.policyTask());
		}
		if (search.status() != null) {
			where.append(" AND a.status = :status");
			params.put("status", search.status().name());
		}
		if (search.text() != null && !search.text().isBlank()) {
			where.append(" AND (UPPER(a.reference_no) LIKE :text ESCAPE '\\' OR UPPER(e.name) LIKE :text ESCAPE '\\'"
					+ " OR UPPER(e.credit_code) LIKE :text ESCAPE '\\'"
					+ " OR UPPER(COALESCE(a.submitted_project_name, p.submitted_project_name)) LIKE :text ESCAPE '\\')");
			params.put("text", LikePatterns.containing(search.text().strip().toUpperCase(Locale.ROOT)));
		}
		String from = " FROM batch_entry b JOIN application a ON a.id = b.application_id"
				+ " JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN application p ON p.id = a.submitted_project_id";
		int total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Integer.class).single();
		if (total == 0 || offset >= total) {
			return new Found(List.of(), total);
		}
		List<Entry> entries = jdbc
			.sql("""
					SELECT b.application_id, b.batch_year, b.division_code, b.submitted_at,
					       COALESCE(a.submitted_policy_task, p.submitted_policy_task) AS policy_task, e.credit_code,
					       COALESCE(a.submitted_total_investment, p.submitted_total_investment) AS total_investment,
					       COALESCE(a.submitted_equipment_investment, p.submitted_equipment_investment) AS equipment_investment,
					       a.submitted_loan_amount, a.granted_amount, a.subsidy_amount, a.decided_at"""
					+ from + where + " ORDER BY b.submitted_at DESC, b.application_id DESC OFFSET " + offset
					+ " ROWS FETCH NEXT " + limit + " ROWS ONLY")
			.params(params)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getInt(2), rs.getString(3), instant(rs.getTimestamp(4)),
					rs.getObject(5, Integer.class), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
					rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), instant(rs.getTimestamp(12))))
			.list();
		return new Found(entries, total);
	}

	/** The batch year of each application that has one; one query. */
	public Map<Long, Integer> yearsOf(Collection<Long> applicationIds) {
		Map<Long, Integer> years = new HashMap<>();
		if (applicationIds.isEmpty()) {
			return years;
		}
		jdbc.sql("SELECT application_id, batch_year FROM batch_entry WHERE application_id IN (:ids)")
			.param("ids", applicationIds)
			.query(rs -> {
				years.put(rs.getLong(1), rs.getInt(2));
			});
		return years;
	}

	/** The county of the application's batch entry; empty when it has none. */
	public Optional<String> divisionOf(long applicationId) {
		return jdbc.sql("SELECT division_code FROM batch_entry WHERE application_id = ?")
			.param(applicationId)
			.query(String.class)
			.optional();
	}

	/** The years that have windows or entries, newest first. */
	public List<Integer> years() {
		return jdbc.sql("""
				SELECT batch_year FROM application_window UNION SELECT batch_year FROM batch_entry
				ORDER BY batch_year DESC""").query(Integer.class).list();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
