package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the lead group of every body ({@code …-lead}) reading of the body's open tasks
 * created before the engine gave it with each task (security's staff authorization
 * provider): {@code READ} on the task and on its history, as a grant of the lead group,
 * for every candidate group of every open task that is not itself a lead group, nor the
 * administrators' or the enterprises'. A lead group that already has a grant on the task
 * (an overdue task is escalated to it, with the right to work it) keeps it as it is.
 * Reads the candidate groups and the leads' grants once each; a second run finds nothing
 * to do.
 * <p>
 * The engine's tables are made by the engine after the migrations (a new database has
 * none and nothing to grant), and are named in upper case by H2, in lower case by
 * PostgreSQL. The grant's permissions and resource types are Camunda's numbers:
 * {@code READ} is 2 on tasks (resource 7) and on task history (resource 19); a grant is
 * type 1. The history grant carries the case's root process instance, as the engine's do,
 * so that history cleanup removes it with the case.
 */
public class V142__LeadsReadTheirBodysOpenTasks extends BaseJavaMigration {

	private static final Logger LOG = LoggerFactory.getLogger(V142__LeadsReadTheirBodysOpenTasks.class);

	private static final String LEAD_SUFFIX = "-lead";

	private static final Set<String> NO_LEAD = Set.of("camunda-admin", "enterprise");

	private static final int GRANT = 1;

	private static final int READ = 2;

	private static final int TASK = 7;

	private static final int HISTORIC_TASK = 19;

	private static final int BATCH = 1000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!EngineTables.exist(connection, "act_ru_task") || !EngineTables.exist(connection, "act_ru_identitylink")
				|| !EngineTables.exist(connection, "act_ru_authorization")) {
			return;
		}
		// Task and lead group, with the task's root process instance.
		Map<String, String> wanted = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				SELECT i.TASK_ID_, i.GROUP_ID_, e.ROOT_PROC_INST_ID_ FROM ACT_RU_IDENTITYLINK i
				JOIN ACT_RU_TASK t ON t.ID_ = i.TASK_ID_
				LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
				WHERE i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL
				ORDER BY i.TASK_ID_, i.GROUP_ID_""")) {
			while (rs.next()) {
				String group = rs.getString(2);
				if (!group.endsWith(LEAD_SUFFIX) && !NO_LEAD.contains(group)) {
					wanted.putIfAbsent(key(rs.getString(1), group + LEAD_SUFFIX), rs.getString(3));
				}
			}
		}
		if (wanted.isEmpty()) {
			return;
		}
		Set<String> granted = new HashSet<>();
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT RESOURCE_TYPE_, RESOURCE_ID_, GROUP_ID_ FROM ACT_RU_AUTHORIZATION
				WHERE TYPE_ = ? AND RESOURCE_TYPE_ IN (?, ?) AND GROUP_ID_ LIKE ?""")) {
			query.setInt(1, GRANT);
			query.setInt(2, TASK);
			query.setInt(3, HISTORIC_TASK);
			query.setString(4, "%" + LEAD_SUFFIX);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					granted.add(rs.getInt(1) + "|" + key(rs.getString(2), rs.getString(3)));
				}
			}
		}
		int added = 0;
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						INSERT INTO ACT_RU_AUTHORIZATION
						  (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, REMOVAL_TIME_, ROOT_PROC_INST_ID_)
						VALUES (?, 1, ?, ?, NULL, ?, ?, ?, NULL, ?)""")) {
			for (Map.Entry<String, String> entry : wanted.entrySet()) {
				String[] taskAndLead = entry.getKey().split("\\|", 2);
				for (int resource : new int[] { TASK, HISTORIC_TASK }) {
					if (granted.contains(resource + "|" + entry.getKey())) {
						continue;
					}
					insert.setString(1, UUID.randomUUID().toString());
					insert.setInt(2, GRANT);
					insert.setString(3, taskAndLead[1]);
					insert.setInt(4, resource);
					insert.setString(5, taskAndLead[0]);
					insert.setInt(6, READ);
					insert.setString(7, resource == HISTORIC_TASK ? entry.getValue() : null);
					insert.addBatch();
					if (++added % BATCH == 0) {
						insert.executeBatch();
					}
				}
			}
			insert.executeBatch();
		}
		if (added > 0) {
			LOG.info("Granted the body's lead reading of open tasks: {} grants", added);
		}
	}

	/** A task and a group, as one key: task ids hold no '|'. */
	private static String key(String taskId, String groupId) {
		return taskId + "|" + groupId;
	}

}
