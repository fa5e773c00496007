package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the after-award processes started before the product kept them
 * ({@code after_award_process}, V124), so that their open steps go on: for each
 * application and kind, the first root instance started with the application's key, as
 * the engine's history tells it (the product starts one of each kind per application; one
 * started by hand came later). When the history shows more than one, the others are named
 * in the log for an administrator to look at: from now on they act on nothing.
 * <p>
 * The engine's tables are made by the engine after the migrations (a new database has
 * none and nothing to record), and are named in upper case by H2, in lower case by
 * PostgreSQL.
 */
public class V125__AfterAwardProcessesOfRecord extends BaseJavaMigration {

	private static final Logger LOG = LoggerFactory.getLogger(V125__AfterAwardProcessesOfRecord.class);

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!EngineTables.exist(connection, "act_hi_procinst")) {
			return;
		}
		Map<String, List<String>> rootsByCase = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				SELECT PROC_DEF_KEY_, BUSINESS_KEY_, ID_ FROM ACT_HI_PROCINST
				WHERE PROC_DEF_KEY_ IN ('subsidy-aftercare', 'clawback') AND SUPER_PROCESS_INSTANCE_ID_ IS NULL
				  AND BUSINESS_KEY_ IS NOT NULL
				ORDER BY PROC_DEF_KEY_, BUSINESS_KEY_, START_TIME_, ID_""")) {
			while (rs.next()) {
				rootsByCase.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
					.add(rs.getString(3));
			}
		}
		Timestamp now = Timestamp.from(Instant.now());
		int recorded = 0;
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO after_award_process (application_id, process_key, process_instance_id, recorded_at)
				SELECT a.id, ?, ?, ? FROM application a
				WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM after_award_process p
				                               WHERE p.application_id = a.id AND p.process_key = ?)""")) {
			for (Map.Entry<String, List<String>> e : rootsByCase.entrySet()) {
				String processKey = e.getKey().substring(0, e.getKey().indexOf('|'));
				String businessKey = e.getKey().substring(e.getKey().indexOf('|') + 1);
				long applicationId;
				try {
					applicationId = Long.parseLong(businessKey);
				}
				catch (NumberFormatException notACase) {
					continue;
				}
				List<String> roots = e.getValue();
				insert.setString(1, processKey);
				insert.setString(2, roots.get(0));
				insert.setTimestamp(3, now);
				insert.setLong(4, applicationId);
				insert.setString(5, processKey);
				recorded += insert.executeUpdate();
				if (roots.size() > 1) {
					LOG.warn(
							"Application {} has {} root instances of {}: {} is recorded as the product's, {} act on "
									+ "nothing from now on",
							applicationId, roots.size(), processKey, roots.get(0), roots.subList(1, roots.size()));
				}
			}
		}
		if (recorded > 0) {
			LOG.info("Recorded the after-award process instances of {} applications and kinds", recorded);
		}
	}

}
