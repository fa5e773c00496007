package cn.liaocheng.renewal.batch.internal;

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

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.batch.ApplicationWindow;

/**
 * Application windows and the batch each submitted application belongs to, in the
 * module's own tables.
 */
@Repository
class WindowRepository {

	private static final String COLUMNS = """
			id, batch_year, kind, opens_at, closes_at, notice_title, notice_text, document_no, version, updated_by,
			updated_at""";

	private final JdbcClient jdbc;

	WindowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ApplicationWindow> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM application_window ORDER BY opens_at DESC, kind")
			.query(WindowRepository::window)
			.list();
	}

	/**
	 * Windows not closed at {@code now}: open ones and those announced, soonest first.
	 */
	List<ApplicationWindow> notClosed(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM application_window WHERE closes_at > ? ORDER BY opens_at, kind")
			.param(Timestamp.from(now))
			.query(WindowRepository::window)
			.list();
	}

	List<ApplicationWindow> ofKind(ApplicationKind kind) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM application_window WHERE kind = ? ORDER BY opens_at")
			.param(kind.name())
			.query(WindowRepository::window)
			.list();
	}

	/**
	 * The window of {@code kind} open at {@code now}, and those announced after it: what
	 * the gate needs.
	 */
	List<ApplicationWindow> ofKindNotClosed(ApplicationKind kind, Instant now) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM application_window WHERE kind = ? AND closes_at > ? ORDER BY opens_at")
			.params(kind.name(), Timestamp.from(now))
			.query(WindowRepository::window)
			.list();
	}

	Optional<ApplicationWindow> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM application_window WHERE id = ?")
			.param(id)
			.query(WindowRepository::window)
			.optional();
	}

	/** Serialises changes to the windows of one kind until the transaction ends. */
	void lockKind(ApplicationKind kind) {
		jdbc.sql("SELECT kind FROM application_window_lock WHERE kind = ? FOR UPDATE")
			.param(kind.name())
			.query(String.class)
			.list();
	}

	long insert(WindowRules.Window w, String userId, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO application_window (batch_year, kind, opens_at, closes_at, notice_title, notice_text,
				  document_no, version, created_by, created_at, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
			.params(w.year(), w.kind().name(), Timestamp.from(w.opensAt()), Timestamp.from(w.closesAt()),
					w.noticeTitle(), w.noticeText(), w.documentNo(), userId, Timestamp.from(now), userId,
					Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * False when the stored version is not {@code expectedVersion} (someone changed the
	 * window meanwhile).
	 */
	boolean update(long id, int expectedVersion, WindowRules.Window w, String userId, Instant now) {
		return jdbc.sql("""
				UPDATE application_window SET batch_year = ?, kind = ?, opens_at = ?, closes_at = ?, notice_title = ?,
				  notice_text = ?, document_no = ?, version = version + 1, updated_by = ?, updated_at = ?
				WHERE id = ? AND version = ?""")
			.params(w.year(), w.kind().name(), Timestamp.from(w.opensAt()), Timestamp.from(w.closesAt()),
					w.noticeTitle(), w.noticeText(), w.documentNo(), userId, Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM application_window WHERE id = ?").param(id).update();
	}

	int entries(long windowId) {
		return jdbc.sql("SELECT COUNT(*) FROM batch_entry WHERE window_id = ?")
			.param(windowId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Records the batch of a first submission; a retried submission in the same window
	 * changes nothing.
	 */
	void recordEntry(long applicationId, ApplicationWindow window, String divisionCode, Instant at) {
		int updated = jdbc.sql(
				"UPDATE batch_entry SET window_id = ?, batch_year = ?, kind = ?, division_code = ?, submitted_at = ? WHERE application_id = ?")
			.params(window.id(), window.year(), window.kind().name(), divisionCode, Timestamp.from(at), applicationId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO batch_entry (application_id, window_id, batch_year, kind, division_code, submitted_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(applicationId, window.id(), window.year(), window.kind().name(), divisionCode,
						Timestamp.from(at))
				.update();
		}
	}

	private static ApplicationWindow window(ResultSet rs, int row) throws SQLException {
		return new ApplicationWindow(rs.getLong("id"), rs.getInt("batch_year"),
				ApplicationKind.valueOf(rs.getString("kind")), rs.getTimestamp("opens_at").toInstant(),
				rs.getTimestamp("closes_at").toInstant(), rs.getString("notice_title"), rs.getString("notice_text"),
				rs.getString("document_no"), rs.getInt("version"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
