package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records for the cases routed or computed before V139 which version of the routing and
 * expert-review tables their step used: the version that was the latest when the step
 * last ended, as the engine's history tells. Without it a table changed after the upgrade
 * would re-judge them at issuing (the check falls back to the latest version). A case
 * already recorded keeps its row.
 * <p>
 * The engine's tables are made by the engine after the migrations (a new database has
 * none and nothing to record), and are named in upper case by H2, in lower case by
 * PostgreSQL.
 */
public class V141__CaseRuleTablesOfEarlierCases extends BaseJavaMigration {

	private static final Logger LOG = LoggerFactory.getLogger(V141__CaseRuleTablesOfEarlierCases.class);

	/** The step of the shipped models that evaluates each table, by table key. */
	private static final Map<String, String> STEP_OF_TABLE = Map.of("joint-review-routing", "Task_RouteJointReview",
			"subsidy-expert-review", "Task_ComputeSubsidy");

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!EngineTables.exist(connection, "act_hi_actinst")
				|| !EngineTables.exist(connection, "act_re_decision_def")) {
			return;
		}
		int recorded = 0;
		for (Map.Entry<String, String> table : STEP_OF_TABLE.entrySet()) {
			Map<Long, Timestamp> lastEnded = new LinkedHashMap<>();
			try (PreparedStatement query = connection.prepareStatement("""
					SELECT p.BUSINESS_KEY_, MAX(a.END_TIME_) FROM ACT_HI_ACTINST a
					JOIN ACT_HI_PROCINST p ON p.ID_ = a.PROC_INST_ID_
					WHERE a.ACT_ID_ = ? AND a.END_TIME_ IS NOT NULL AND p.BUSINESS_KEY_ IS NOT NULL
					GROUP BY p.BUSINESS_KEY_""")) {
				query.setString(1, table.getValue());
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						String key = rs.getString(1);
						if (key.matches("\\d{1,18}")) {
							lastEnded.put(Long.parseLong(key), rs.getTimestamp(2));
						}
					}
				}
			}
			for (Map.Entry<Long, Timestamp> step : lastEnded.entrySet()) {
				if (!recordable(connection, step.getKey(), table.getKey())) {
					continue;
				}
				String definition = latestAt(connection, table.getKey(), step.getValue());
				if (definition == null) {
					continue;
				}
				try (PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO case_rule_table (application_id, table_key, decision_definition_id, used_at)"
								+ " VALUES (?, ?, ?, ?)")) {
					insert.setLong(1, step.getKey());
					insert.setString(2, table.getKey());
					insert.setString(3, definition);
					insert.setTimestamp(4, step.getValue());
					insert.executeUpdate();
				}
				recorded++;
			}
		}
		if (recorded > 0) {
			LOG.info("Recorded the table versions {} earlier steps of cases were decided by", recorded);
		}
	}

	/** The application exists and has no row for the table yet. */
	private static boolean recordable(Connection connection, long applicationId, String tableKey) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"""
						SELECT COUNT(*) FROM application a WHERE a.id = ?
						  AND NOT EXISTS (SELECT 1 FROM case_rule_table c WHERE c.application_id = a.id AND c.table_key = ?)""")) {
			query.setLong(1, applicationId);
			query.setString(2, tableKey);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() && rs.getInt(1) == 1;
			}
		}
	}

	/** The version of the table that was the latest at {@code at}. */
	private static String latestAt(Connection connection, String tableKey, Timestamp at) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT d.ID_ FROM ACT_RE_DECISION_DEF d JOIN ACT_RE_DEPLOYMENT dep ON dep.ID_ = d.DEPLOYMENT_ID_
				WHERE d.KEY_ = ? AND dep.DEPLOY_TIME_ <= ? ORDER BY d.VERSION_ DESC""")) {
			query.setString(1, tableKey);
			query.setTimestamp(2, at);
			query.setMaxRows(1);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

}
