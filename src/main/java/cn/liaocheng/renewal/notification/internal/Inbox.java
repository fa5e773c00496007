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

/**
 * The message centre's rows. Every read and change names the recipient in its WHERE
 * clause, so a notification of someone else is as absent as one that never existed.
 */
@Repository
class Inbox {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 2000;

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a notification; empty when one with the same {@code dedupKey} exists for the
	 * recipient.
	 */
	Optional<Long> add(String recipient, NotificationKind kind, String title, String body, String link,
			Long applicationId, String dedupKey, Instant now) {
		if (dedupKey != null && jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND dedup_key = ?")
			.params(recipient, dedupKey)
			.query(Long.class)
			.single() > 0) {
			return Optional.empty();
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (recipient_id, kind, title, body, link, application_id, dedup_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(recipient, kind.name(), cut(title, TITLE_MAX), cut(body, BODY_MAX), link, applicationId, dedupKey,
					Timestamp.from(now))
			.update(key, "id");
		return Optional.of(key.getKey().longValue());
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
			.sql("SELECT id, kind, title, body, link, application_id, created_at, read_at FROM notification"
					+ " WHERE recipient_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
					+ " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(recipient, offset, limit)
			.query(Inbox::message)
			.list();
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
		long applicationId = rs.getLong("application_id");
		boolean noApplication = rs.wasNull();
		return new Message(rs.getLong("id"), kind.name(), kind.label(), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), noApplication ? null : applicationId, rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant());
	}

	static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/**
	 * A notification as its recipient sees it; its times are instants, which the page and
	 * the API show in Beijing time whatever zone the server runs in.
	 */
	record Message(long id, String kind, String kindLabel, String title, String body, String link, Long applicationId,
			Instant createdAt, Instant readAt) {

		public boolean read() {
			return readAt != null;
		}

	}

}
