package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks done the notes about tasks that ended before the product marked them (V131):
 * every note naming a task the engine no longer runs, as the engine's history tells what
 * became of it ("已由…办理" for its assignee when completed, "任务已结束" otherwise), so that
 * reviewers' unread counts do not keep tasks that are long gone.
 * <p>
 * The engine's tables are made by the engine after the migrations (a new database has
 * none and nothing to mark), and are named in upper case by H2, in lower case by
 * PostgreSQL. Names are read as the product shows them: last name and first name, or the
 * login id.
 */
public class V132__NotesOfTasksEndedBefore extends BaseJavaMigration {

	private static final Logger LOG = LoggerFactory.getLogger(V132__NotesOfTasksEndedBefore.class);

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!EngineTables.exist(connection, "act_ru_task")) {
			return;
		}
		boolean history = EngineTables.exist(connection, "act_hi_taskinst");
		boolean users = EngineTables.exist(connection, "act_id_user");
		List<String> ended = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				SELECT DISTINCT n.task_id FROM notification n
				WHERE n.task_id IS NOT NULL AND n.task_ended_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.ID_ = n.task_id)""")) {
			while (rs.next()) {
				ended.add(rs.getString(1));
			}
		}
		if (ended.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		try (PreparedStatement update = connection.prepareStatement("""
				UPDATE notification SET read_at = COALESCE(read_at, ?), task_ended_at = ?, task_outcome = ?,
				       link = CASE WHEN application_id IS NULL THEN NULL
				                   ELSE CONCAT('/review/applications/', CAST(application_id AS VARCHAR(20))) END
				WHERE task_id = ? AND task_ended_at IS NULL""")) {
			for (String taskId : ended) {
				Ending ending = history ? ending(connection, taskId, users) : null;
				Timestamp at = ending == null || ending.at() == null ? now : ending.at();
				update.setTimestamp(1, at);
				update.setTimestamp(2, at);
				update.setString(3, ending == null ? "任务已结束" : ending.outcome());
				update.setString(4, taskId);
				update.addBatch();
			}
			update.executeBatch();
		}
		LOG.info("Marked the notes of {} tasks that had ended as done", ended.size());
	}

	private record Ending(String outcome, Timestamp at) {
	}

	private static Ending ending(Connection connection, String taskId, boolean users) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT DELETE_REASON_, ASSIGNEE_, END_TIME_ FROM ACT_HI_TASKINST WHERE ID_ = ?")) {
			query.setString(1, taskId);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				String assignee = rs.getString(2);
				Timestamp at = rs.getTimestamp(3);
				if (!"completed".equals(rs.getString(1))) {
					return new Ending("任务已结束", at);
				}
				if (assignee == null) {
					return new Ending("任务已办结", at);
				}
				return new Ending("已由" + (users ? nameOf(connection, assignee) : assignee) + "办理", at);
			}
		}
	}

	private static String nameOf(Connection connection, String userId) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT LAST_, FIRST_ FROM ACT_ID_USER WHERE ID_ = ?")) {
			query.setString(1, userId);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					return userId;
				}
				String name = ((rs.getString(1) == null ? "" : rs.getString(1))
						+ (rs.getString(2) == null ? "" : rs.getString(2)))
					.strip();
				return name.isEmpty() ? userId : name;
			}
		}
	}

}
