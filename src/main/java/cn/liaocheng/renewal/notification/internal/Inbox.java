package cn.liaocheng.renewal.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.notification.internal.Notifier.Note;

/**
 * The message centre's rows. Every read and change names the recipient in its WHERE
 * clause, so a notification of someone else is as absent as one that never existed.
 */
@Repository
class Inbox {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 2000;

	static final int OUTCOME_MAX = 200;

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a notification; empty when one with the same {@code dedupKey} exists for the
	 * recipient.
	 */
	Optional<Long> add(String recipient, Note note, Instant now) {
		if (note.dedupKey() != null
				&& jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND dedup_key = ?")
					.params(recipient, note.dedupKey())
					.query(Long.class)
					.single() > 0) {
			return Optional.empty();
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (recipient_id, kind, title, body, link, application_id, dedup_key, task_id,
				                          created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(recipient, note.kind().name(), cut(note.title(), TITLE_MAX), cut(note.body(), BODY_MAX),
					note.link(), note.applicationId(), note.dedupKey(), note.taskId(), Timestamp.from(now))
			.update(key, "id");
		return Optional.of(key.getKey().longValue());
	}

	/**
	 * Marks every recipient's notes about a task done, in one statement: read (a reading
	 * before stays), with what became of the task, and linking to the case's dossier
	 * instead of the task that no longer exists (to nothing for a task outside a case). A
	 * note marked once keeps its first outcome.
	 */
	int endTask(String taskId, String outcome, Instant now) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				UPDATE notification SET read_at = COALESCE(read_at, ?), task_ended_at = ?, task_outcome = ?,
				       link = CASE WHEN application_id IS NULL THEN NULL
				                   ELSE CONCAT('/review/applications/', CAST(application_id AS VARCHAR(20))) END
				WHERE task_id = ? AND task_ended_at IS NULL""")
			.params(at, at, cut(outcome, OUTCOME_MAX), taskId)
			.update();
	}

	long unreadCount(String recipient) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND read_at IS NULL")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	long count(String recipient, boolean unreadOnly) {
		return jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ?"
					+ (unreadOnly ? " AND read_at IS NULL" : ""))
			.param(recipient)
			.query(Long.class)
			.single();
	}

	/** The recipient's notifications, newest first. */
	List<Message> list(String recipient, boolean unreadOnly, int offset, int limit) {
		return jdbc
			.sql("SELECT id, kind, title, body, link, application_id, created_at, read_at, task_ended_at, task_outcome"
					+ " FROM notification" + " WHERE recipient_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
					+ " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(recipient, offset, limit)
			.query(Inbox::message)
			.list();
	}

	/**
	 * Where one of the recipient's notifications links to: empty when the recipient has
	 * none of that id, a blank link when it links nowhere.
	 */
	Optional<String> linkOf(String recipient, long id) {
		return jdbc.sql("SELECT COALESCE(link, '') FROM notification WHERE id = ? AND recipient_id = ?")
			.params(id, recipient)
			.query(String.class)
			.optional();
	}

	/**
	 * Marks one of the recipient's notifications read; false when the recipient has none
	 * of that id. A notification read already stays read at its first reading.
	 */
	boolean markRead(String recipient, long id, Instant now) {
		int changed = jdbc
			.sql("UPDATE notification SET read_at = ? WHERE id = ? AND recipient_id = ? AND read_at IS NULL")
			.params(Timestamp.from(now), id, recipient)
			.update();
		return changed > 0 || jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = ? AND recipient_id = ?")
			.params(id, recipient)
			.query(Long.class)
			.single() > 0;
	}

	int markAllRead(String recipient, Instant now) {
		return jdbc.sql("UPDATE notification SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL")
			.params(Timestamp.from(now), recipient)
			.update();
	}

	private static Message message(ResultSet rs, int row) throws SQLException {
		NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
		Timestamp read = rs.getTimestamp("read_at");
		Timestamp taskEnded = rs.getTimestamp("task_ended_at");
		long applicationId = rs.getLong("application_id");
		boolean noApplication = rs.wasNull();
		return new Message(rs.getLong("id"), kind.name(), kind.label(), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), noApplication ? null : applicationId, rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant(), taskEnded == null ? null : taskEnded.toInstant(),
				rs.getString("task_outcome"));
	}

	static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/**
	 * A notification as its recipient sees it; its times are instants, which the page and
	 * the API show in Beijing time whatever zone the server runs in. A note about a task
	 * that has ended has {@code taskEndedAt} and {@code taskOutcome} ("已由…办理", "任务已结束")
	 * and counts as read.
	 */
	record Message(long id, String kind, String kindLabel, String title, String body, String link, Long applicationId,
			Instant createdAt, Instant readAt, Instant taskEndedAt, String taskOutcome) {

		public boolean read() {
			return readAt != null;
		}

		public boolean taskEnded() {
			return taskEndedAt != null;
		}

	}

}
