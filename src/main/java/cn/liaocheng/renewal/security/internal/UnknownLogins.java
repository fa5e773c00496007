package cn.liaocheng.renewal.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins of user ids that have no account (table {@code login_throttle}),
 * throttled by {@link LoginLockPolicy} exactly as Camunda throttles accounts, so that an
 * attacker cannot tell an unknown id from an existing one by its reply. Every statement
 * stands alone and is safe when several nodes count failures of the same id at once.
 */
@Component
class UnknownLogins {

	/**
	 * Longer ids (only HTTP Basic can send them) share the row of their first 255
	 * characters.
	 */
	private static final int KEY_LENGTH = 255;

	private final JdbcClient jdbc;

	private final LoginLockPolicy policy;

	UnknownLogins(JdbcClient jdbc, LoginLockPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	record Failures(String loginId, int attempts, Instant lastFailure, Instant lockedUntil) {
	}

	static String key(String loginId) {
		String key = loginId.trim().toLowerCase(Locale.ROOT);
		return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
	}

	/** The end of the id's current lock, if it is locked now. */
	Optional<Instant> lockedUntil(String loginId, Instant now) {
		return jdbc.sql("SELECT locked_until FROM login_throttle WHERE login_id = ?")
			.param(key(loginId))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.filter(until -> until.isAfter(now));
	}

	/**
	 * Counts one more failure and locks the id for as long as an account with as many
	 * failures.
	 */
	void recordFailure(String loginId, Instant now) {
		String key = key(loginId);
		Timestamp at = Timestamp.from(now);
		Timestamp forgetBefore = Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER));
		for (int tries = 0; tries < 3; tries++) {
			int counted = jdbc
				.sql("""
						UPDATE login_throttle
						SET attempts = CASE WHEN locked_until < :forgetBefore THEN 1 ELSE attempts + 1 END, last_failure = :at
						WHERE login_id = :key""")
				.param("forgetBefore", forgetBefore)
				.param("at", at)
				.param("key", key)
				.update();
			if (counted == 0) {
				try {
					jdbc.sql(
							"INSERT INTO login_throttle (login_id, attempts, last_failure, locked_until) VALUES (?, 1, ?, ?)")
						.params(key, at, Timestamp.from(policy.lockAfter(1, now)))
						.update();
					forgetOldFailures(forgetBefore);
					return;
				}
				catch (DuplicateKeyException anotherNodeWasFaster) {
					continue;
				}
			}
			int attempts = jdbc.sql("SELECT attempts FROM login_throttle WHERE login_id = ?")
				.param(key)
				.query(Integer.class)
				.single();
			// Only ever lengthened: a slower node with a smaller count must not shorten
			// the lock.
			Timestamp until = Timestamp.from(policy.lockAfter(attempts, now));
			jdbc.sql("UPDATE login_throttle SET locked_until = ? WHERE login_id = ? AND locked_until < ?")
				.params(until, key, until)
				.update();
			return;
		}
		throw new IllegalStateException("could not count a failed login of " + key);
	}

	/** Ids whose failures still count, most recent first. */
	List<Failures> all(Instant now) {
		return jdbc.sql("""
				SELECT login_id, attempts, last_failure, locked_until FROM login_throttle
				WHERE locked_until >= ? ORDER BY last_failure DESC""")
			.param(Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER)))
			.query((rs, n) -> new Failures(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	Optional<Failures> of(String loginId) {
		return jdbc.sql("SELECT login_id, attempts, last_failure, locked_until FROM login_throttle WHERE login_id = ?")
			.param(key(loginId))
			.query((rs, n) -> new Failures(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** Forgets the id's failures; whether there were any. */
	boolean lift(String loginId) {
		return jdbc.sql("DELETE FROM login_throttle WHERE login_id = ?").param(key(loginId)).update() > 0;
	}

	private void forgetOldFailures(Timestamp forgetBefore) {
		jdbc.sql("DELETE FROM login_throttle WHERE locked_until < ?").param(forgetBefore).update();
	}

}
