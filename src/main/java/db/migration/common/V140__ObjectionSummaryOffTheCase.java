package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the objectors' names and telephone numbers off running cases. Before, the end of
 * a notice period wrote them onto the case ({@code objectionSummary}), where every later
 * step's reviewers read them (the finance bureau's allocation task among them); now they
 * go on the industry bureau's objection task alone. A case waiting at that task keeps the
 * summary as the task's own variable, which its form reads; on every other running case
 * the variable goes. The engine's history keeps what it recorded.
 * <p>
 * The engine's tables are made by the engine after the migrations (a new database has
 * none and nothing to move), and are named in upper case by H2, in lower case by
 * PostgreSQL.
 */
public class V140__ObjectionSummaryOffTheCase extends BaseJavaMigration {

	private static final Logger LOG = LoggerFactory.getLogger(V140__ObjectionSummaryOffTheCase.class);

	private static final String VARIABLE = "objectionSummary";

	private static final String OBJECTION_TASK = "Task_ResolveObjections";

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!EngineTables.exist(connection, "act_ru_variable")) {
			return;
		}
		List<String[]> onCases = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT ID_, PROC_INST_ID_, BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE NAME_ = '"
							+ VARIABLE + "' AND TASK_ID_ IS NULL")) {
			while (rs.next()) {
				onCases.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			}
		}
		int moved = 0;
		int removed = 0;
		for (String[] variable : onCases) {
			String[] task = objectionTask(connection, variable[1]);
			if (task != null) {
				try (PreparedStatement update = connection.prepareStatement(
						"UPDATE ACT_RU_VARIABLE SET TASK_ID_ = ?, EXECUTION_ID_ = ?, VAR_SCOPE_ = ? WHERE ID_ = ?")) {
					update.setString(1, task[0]);
					update.setString(2, task[1]);
					update.setString(3, task[0]);
					update.setString(4, variable[0]);
					update.executeUpdate();
				}
				moved++;
				continue;
			}
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACT_RU_VARIABLE WHERE ID_ = ?")) {
				delete.setString(1, variable[0]);
				delete.executeUpdate();
			}
			if (variable[2] != null) {
				try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ = ?")) {
					delete.setString(1, variable[2]);
					delete.executeUpdate();
				}
			}
			removed++;
		}
		if (moved + removed > 0) {
			LOG.info("Objection summaries: {} moved onto their objection task, {} taken off running cases", moved,
					removed);
		}
	}

	/** The case's open objection task: its id and execution; null when it has none. */
	private static String[] objectionTask(Connection connection, String processInstanceId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT ID_, EXECUTION_ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = ?")) {
			query.setString(1, processInstanceId);
			query.setString(2, OBJECTION_TASK);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? new String[] { rs.getString(1), rs.getString(2) } : null;
			}
		}
	}

}
