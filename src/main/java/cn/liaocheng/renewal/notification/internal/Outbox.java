package cn.liaocheng.renewal.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries waiting to go out by e-mail or SMS ({@code notification_outbox}), and
 * what became of them.
 */
@Repository
class Outbox {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	/** Not sent: the task the message announced ended before it went out. */
	static final String DROPPED = "DROPPED";

	/** Why a delivery was dropped, as the page shows it. */
	static final String TASK_ENDED = "任务已结束，不再发送";

	private static final String SELECT = """
			SELECT o.id, o.notification_id, o.channel, o.address, o.status, o.attempts, o.next_attempt_at, o.last_error,
			       o.created_at, o.sent_at, n.recipient_id, n.title, n.body, n.link
			FROM notification_outbox o JOIN notification n ON n.id = o.notification_id""";

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues a delivery, in the caller's transaction. */
	void add(long notificationId, String channel, String address, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO notification_outbox (notification_id, channel, address, status, attempts, next_attempt_at, created_at)
						VALUES (?, ?, ?, ?, 0, ?, ?)""")
			.params(notificationId, channel, address, PENDING, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * Drops the deliveries not yet sent of the notes about a task that has ended: an
	 * e-mail or text message announcing a to-do that a colleague has done, or that the
	 * case no longer has, would only mislead (a mail server down for an hour would
	 * otherwise send them all when it is back). One that a run has claimed and is sending
	 * at this moment goes out and is recorded as sent.
	 */
	int dropForEndedTask(String taskId, Instant now) {
		return jdbc.sql("""
				UPDATE notification_outbox SET status = ?, last_error = ?
				WHERE status = ? AND (claimed_until IS NULL OR claimed_until <= ?)
				  AND notification_id IN (SELECT id FROM notification WHERE task_id = ?)""")
			.params(DROPPED, TASK_ENDED, PENDING, Timestamp.from(now), taskId)
			.update();
	}

	/**
	 * Pending deliveries whose time has come and that no run has claimed, oldest first.
	 */
	List<Delivery> due(Instant now, int limit) {
		return jdbc
			.sql(SELECT + " WHERE o.status = ? AND o.next_attempt_at <= ?"
					+ " AND (o.claimed_until IS NULL OR o.claimed_until <= ?)"
					+ " ORDER BY o.next_attempt_at, o.id FETCH FIRST " + limit + " ROWS ONLY")
			.params(PENDING, Timestamp.from(now), Timestamp.from(now))
			.query(Outbox::delivery)
			.list();
	}

	/**
	 * Claims a delivery read by {@link #due} for one attempt by {@code claimant}, until
	 * {@code until}: one conditional UPDATE, so of two runs only one gets it. False when
	 * another run holds it or has attempted it since it was read.
	 */
	boolean claim(Delivery delivery, String claimant, Instant now, Instant until) {
		return jdbc.sql("""
				UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?
				WHERE id = ? AND status = ? AND attempts = ? AND next_attempt_at <= ?
				  AND (claimed_until IS NULL OR claimed_until <= ?)""")
			.params(claimant, Timestamp.from(until), delivery.id(), PENDING, delivery.attempts(), Timestamp.from(now),
					Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Deliveries not sent (pending or failed), failed ones first, newest first; for
	 * administrators.
	 */
	List<Delivery> unsent(int limit) {
		return jdbc
			.sql(SELECT + " WHERE o.status IN (?, ?)"
					+ " ORDER BY CASE o.status WHEN 'FAILED' THEN 0 ELSE 1 END, o.created_at DESC, o.id DESC"
					+ " FETCH FIRST " + limit + " ROWS ONLY")
			.params(FAILED, PENDING)
			.query(Outbox::delivery)
			.list();
	}

	long count(String status) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = ?")
			.param(status)
			.query(Long.class)
			.single();
	}

	/** Records a delivery as sent: it went out, whoever holds it now. */
	void sent(long id, int attempts, Instant now) {
		jdbc.sql("""
				UPDATE notification_outbox SET status = ?, attempts = ?, sent_at = ?, last_error = NULL,
				       claimed_by = NULL, claimed_until = NULL
				WHERE id = ?""").params(SENT, attempts, Timestamp.from(now), id).update();
	}

	/**
	 * Records a failed attempt and gives the claim back; nothing when the claim has
	 * passed to another run, which records its own attempt. When an administrator put the
	 * delivery back in the queue meanwhile (重新发送, a fresh count), the attempt is not
	 * recorded over it: the claim is only given back, and the next run sends it.
	 */
	void retryLater(long id, String claimant, Instant claimedAt, int attempts, Instant next, String error) {
		int recorded = jdbc.sql("""
				UPDATE notification_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?,
				       claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND status = ? AND claimed_by = ? AND next_attempt_at <= ?""")
			.params(attempts, Timestamp.from(next), Inbox.cut(error, 1000), id, PENDING, claimant,
					Timestamp.from(claimedAt))
			.update();
		if (recorded == 0) {
			giveBack(id, claimant);
		}
	}

	/** Records the last failed attempt, as {@link #retryLater} does. */
	void failed(long id, String claimant, Instant claimedAt, int attempts, String error) {
		int recorded = jdbc.sql("""
				UPDATE notification_outbox SET status = ?, attempts = ?, last_error = ?,
				       claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND status = ? AND claimed_by = ? AND next_attempt_at <= ?""")
			.params(FAILED, attempts, Inbox.cut(error, 1000), id, PENDING, claimant, Timestamp.from(claimedAt))
			.update();
		if (recorded == 0) {
			giveBack(id, claimant);
		}
	}

	private void giveBack(long id, String claimant) {
		jdbc.sql(
				"UPDATE notification_outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
			.params(id, claimant)
			.update();
	}

	/** What an administrator's 重新发送 did. */
	enum Resend {

		/** Back in the queue, due now. */
		REQUEUED,

		/**
		 * Not queued: the task it announced has ended (a colleague did it meanwhile, or
		 * the case no longer has it); marked {@link #DROPPED} unless a run is sending it
		 * now.
		 */
		TASK_ENDED,

		/** No such delivery not yet sent. */
		GONE

	}

	/**
	 * Puts a delivery that has not been sent back in the queue, due now, with a fresh
	 * count of attempts. A claim stays: a delivery being sent is not sent twice. One
	 * about a task that has ended is not sent again, as it would not have been sent late
	 * ({@link #dropForEndedTask}): it is dropped instead; one about no task is queued.
	 */
	Resend retryNow(long id, Instant now) {
		int queued = jdbc.sql("""
				UPDATE notification_outbox SET status = ?, attempts = 0, next_attempt_at = ?
				WHERE id = ? AND status IN (?, ?)
				  AND notification_id IN (SELECT id FROM notification WHERE task_ended_at IS NULL)""")
			.params(PENDING, Timestamp.from(now), id, FAILED, PENDING)
			.update();
		if (queued == 1) {
			return Resend.REQUEUED;
		}
		jdbc.sql("""
				UPDATE notification_outbox SET status = ?, last_error = ?
				WHERE id = ? AND status IN (?, ?) AND (claimed_until IS NULL OR claimed_until <= ?)
				  AND notification_id IN (SELECT id FROM notification WHERE task_ended_at IS NOT NULL)""")
			.params(DROPPED, TASK_ENDED, id, FAILED, PENDING, Timestamp.from(now))
			.update();
		// Dropped now, or being sent by a run at this moment: either way not queued.
		boolean unsent = jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE id = ? AND status IN (?, ?, ?)")
			.params(id, FAILED, PENDING, DROPPED)
			.query(Long.class)
			.single() > 0;
		return unsent ? Resend.TASK_ENDED : Resend.GONE;
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("channel"),
				rs.getString("address"), rs.getString("status"), rs.getInt("attempts"),
				time(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
				time(rs.getTimestamp("created_at")), time(rs.getTimestamp("sent_at")), rs.getString("recipient_id"),
				rs.getString("title"), rs.getString("body"), rs.getString("link"));
	}

	/** A moment, shown in Beijing time by the page, whatever the server's zone. */
	private static Instant time(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** One delivery of one notification over one channel. */
	record Delivery(long id, long notificationId, String channel, String address, String status, int attempts,
			Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, String recipientId,
			String title, String body, String link) {

		public String channelLabel() {
			return "EMAIL".equals(channel) ? "电子邮件" : "SMS".equals(channel) ? "短信" : channel;
		}

		public String statusLabel() {
			return switch (status) {
				case PENDING -> attempts == 0 ? "待发送" : "待重试";
				case FAILED -> "发送失败";
				case DROPPED -> "未发送（任务已结束）";
				default -> "已发送";
			};
		}

	}

}
