package cn.liaocheng.renewal.security.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes the failed-login counters (table {@code login_failure}) as the
 * application leaves them, for tests that need many failures spread over time. Beside the
 * throttle, so that its rows are keyed and widened by the throttle's own rules.
 */
public final class LoginFailureRows {

	private final JdbcClient jdbc;

	public LoginFailureRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id's failures that count, from every network. */
	public int attempts(String loginId) {
		return jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM login_failure WHERE login_id = ?")
			.param(LoginThrottle.key(jdbc, loginId))
			.query(Integer.class)
			.single();
	}

	/** The id's failures from one network (0 without a row). */
	public int attempts(String loginId, String network) {
		return jdbc.sql("SELECT attempts FROM login_failure WHERE login_id = ? AND network = ?")
			.params(LoginThrottle.key(jdbc, loginId), network)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * The one network the id has failures from: the tests' own (localhost, whichever
	 * address it resolved to).
	 */
	public String networkOf(String loginId) {
		return jdbc.sql("SELECT network FROM login_failure WHERE login_id = ?")
			.param(LoginThrottle.key(jdbc, loginId))
			.query(String.class)
			.single();
	}

	/** The latest end of the id's locks, if it has failures. */
	public Instant lockedUntil(String loginId) {
		return jdbc.sql("SELECT MAX(locked_until) FROM login_failure WHERE login_id = ?")
			.param(LoginThrottle.key(jdbc, loginId))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	/** The end of the id's lock on the network, if it has a row there. */
	public Instant lockedUntil(String loginId, String network) {
		return jdbc.sql("SELECT locked_until FROM login_failure WHERE login_id = ? AND network = ?")
			.params(LoginThrottle.key(jdbc, loginId), network)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	/**
	 * The state after {@code attempts} failures from the network whose lock ended at
	 * {@code lockedUntil}.
	 */
	public void set(String loginId, String network, int attempts, Instant lockedUntil) {
		String key = LoginThrottle.key(jdbc, loginId);
		int updated = jdbc.sql(
				"UPDATE login_failure SET attempts = ?, locked_until = ?, last_failure = ? WHERE login_id = ? AND network = ?")
			.params(attempts, Timestamp.from(lockedUntil), Timestamp.from(Instant.now()), key, network)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO login_failure (login_id, network, wide_network, attempts, last_failure, locked_until)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(key, network, LoginNetwork.wide(network), attempts, Timestamp.from(Instant.now()),
						Timestamp.from(lockedUntil))
				.update();
		}
	}

	/** Ends the id's lock on every network now, keeping its count. */
	public void endLocks(String loginId) {
		jdbc.sql("UPDATE login_failure SET locked_until = ? WHERE login_id = ? AND locked_until > ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), LoginThrottle.key(jdbc, loginId),
					Timestamp.from(Instant.now().minusSeconds(1)))
			.update();
	}

	/** How many ids have failures from the network (its rows). */
	public int idsFailingFrom(String network) {
		return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE network = ?")
			.param(network)
			.query(Integer.class)
			.single();
	}

	/**
	 * One failure just now from the network of each of {@code count} ids named
	 * {@code prefix} and a number, their locks over: what as many distinct guesses would
	 * have left.
	 */
	public void failedJustNow(String prefix, String network, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp ended = Timestamp.from(Instant.now().minusSeconds(1));
		for (int i = 0; i < count; i++) {
			jdbc.sql("""
					INSERT INTO login_failure (login_id, network, wide_network, attempts, last_failure, locked_until)
					VALUES (?, ?, ?, 1, ?, ?)""")
				.params(prefix + i, network, LoginNetwork.wide(network), now, ended)
				.update();
		}
	}

	/** Forgets the failures of the ids named {@code prefix} and a number. */
	public void forgetIds(String prefix) {
		jdbc.sql("DELETE FROM login_failure WHERE login_id LIKE ?").param(prefix + "%").update();
	}

	/** Marks the network as one the account logged in from. */
	public void loggedInFrom(String loginId, String network) {
		jdbc.sql("INSERT INTO login_network (login_id, network, last_success) VALUES (?, ?, ?)")
			.params(LoginThrottle.key(jdbc, loginId), network, Timestamp.from(Instant.now()))
			.update();
	}

}
