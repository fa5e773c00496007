package cn.liaocheng.renewal.batch.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;

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

	/** One application in a batch. */
	public record Entry(long applicationId, int year, String divisionCode, Instant submittedAt) {
	}

	/**
	 * The applications of {@code kind} first submitted in the windows of {@code year},
	 * newest first, at most {@code limit}; only those of {@code divisionCodes} unless it
	 * is {@code null} (every county).
	 */
	public List<Entry> of(int year, ApplicationKind kind, List<String> divisionCodes, int limit) {
		if (divisionCodes != null && divisionCodes.isEmpty()) {
			return List.of();
		}
		String sql = "SELECT application_id, batch_year, division_code, submitted_at FROM batch_entry"
				+ " WHERE batch_year = :year AND kind = :kind"
				+ (divisionCodes == null ? "" : " AND division_code IN (:divisions)")
				+ " ORDER BY submitted_at DESC, application_id DESC FETCH FIRST " + limit + " ROWS ONLY";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("year", year).param("kind", kind.name());
		if (divisionCodes != null) {
			spec = spec.param("divisions", divisionCodes);
		}
		return spec
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getInt(2), rs.getString(3), instant(rs.getTimestamp(4))))
			.list();
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
