package cn.liaocheng.renewal.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per login id and network (table {@code login_failure}) and the networks
 * each account logged in from (table {@code login_network}), for accounts and ids without
 * an account alike, so that the replies never tell whether an id exists. Each is kept
 * under its row key ({@link #key}): an account's id, or for other text its length and
 * hash only. The methods below take that key. The {@link LoginLockPolicy} turns them into
 * locks. In the database, so that every node counts the same failures.
 *
 * <p>
 * Runs inside the engine's password check, in its transaction: a first failure's row is
 * inserted under a savepoint, so that another node inserting the same row at the same
 * moment costs a retry, not the transaction.
 */
@Component
class LoginThrottle {

	/**
	 * Longer ids (only HTTP Basic can send them) share the row of their first 255
	 * characters.
	 */
	private static final int KEY_LENGTH = 255;

	private final JdbcClient jdbc;

	private final LoginLockPolicy policy;

	private final TransactionTemplate savepoint;

	LoginThrottle(JdbcClient jdbc, LoginLockPolicy policy, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** One id's failures from one network that still count. */
	record Failures(String loginId, String network, String wideNetwork, int attempts, Instant lastFailure,
			Instant lockedUntil) {
	}

	/**
	 * Begins the row key of typed text that is no account's id: {@code #12:} and the
	 * SHA-256 of the text (in lower case) in hexadecimal, 12 being its length in
	 * characters.
	 */
	static final String HIDDEN = "#";

	/**
	 * The row of a typed login id: an account's id (in lower case), anything else (often
	 * a password typed into the name field) only as its length and SHA-256, so that the
	 * text is never stored; the same text always has the same row, so its failures count
	 * alike. An account is one that login could reach with this text: its id as typed or
	 * in lower case ({@code CamundaIdentityAuthenticationProvider}). One query by the
	 * primary key, so that it costs the same with a province's enterprise accounts as
	 * with a few (every HTTP Basic request and every login asks it).
	 */
	String key(String loginId) {
		return key(jdbc, loginId);
	}

	static String key(JdbcClient jdbc, String loginId) {
		String trimmed = loginId.trim();
		String typed = bounded(trimmed.toLowerCase(Locale.ROOT));
		boolean account = jdbc.sql("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ IN (?, ?)")
			.params(trimmed, typed)
			.query(Long.class)
			.single() > 0;
		return account ? typed : HIDDEN + typed.codePointCount(0, typed.length()) + ":" + sha256(typed);
	}

	private static String bounded(String text) {
		return text.length() > KEY_LENGTH ? text.substring(0, KEY_LENGTH) : text;
	}

	/** The text's SHA-256 (UTF-8) in lower-case hexadecimal. */
	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Holds the id's row for this network, if it has one, until the transaction ends: a
	 * password check that waits here sees the lock the check before it left, so attempts
	 * sent from one network at once cannot all slip through before the first failure is
	 * counted.
	 */
	void hold(String key, String network) {
		jdbc.sql("SELECT attempts FROM login_failure WHERE login_id = ? AND network = ? FOR UPDATE")
			.params(key, network)
			.query(Integer.class)
			.optional();
	}

	/**
	 * Where the id stands on this network now. {@code refusal}: why it may not try a
	 * password from here, if it may not (a lock of this network, or an attack on the id
	 * from many wide networks when the account has logged in before, from elsewhere).
	 * {@code failuresHere}: whether failures from this network still count.
	 */
	record Standing(Optional<LockedException> refusal, boolean failuresHere) {
	}

	Standing standing(String key, String network, Instant now) {
		Counted counted = jdbc.sql("""
				SELECT COUNT(DISTINCT wide_network), MAX(CASE WHEN network = :network THEN locked_until END)
				FROM login_failure WHERE login_id = :key AND locked_until >= :forgetBefore""")
			.param("network", network)
			.param("key", key)
			.param("forgetBefore", Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER)))
			.query((rs, n) -> new Counted(rs.getLong(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
		boolean failuresHere = counted.lockedUntil() != null;
		if (failuresHere && counted.lockedUntil().isAfter(now)) {
			return new Standing(Optional.of(LoginLockPolicy.locked(counted.lockedUntil(), now)), true);
		}
		if (policy.sprayed(counted.wideNetworks()) && onlyElsewhere(key, network, now)) {
			return new Standing(Optional.of(LoginLockPolicy.sprayed()), failuresHere);
		}
		return new Standing(Optional.empty(), failuresHere);
	}

	private record Counted(long wideNetworks, Instant lockedUntil) {
	}

	/**
	 * Whether the account has logged in before, within
	 * {@link LoginLockPolicy#KNOWN_NETWORK_FOR}, but never from this network.
	 */
	private boolean onlyElsewhere(String key, String network, Instant now) {
		return jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN network = ? THEN 1 ELSE 0 END), 0)
				FROM login_network WHERE login_id = ? AND last_success >= ?""")
			.params(network, key, Timestamp.from(now.minus(LoginLockPolicy.KNOWN_NETWORK_FOR)))
			.query((rs, n) -> rs.getLong(1) > 0 && rs.getLong(2) == 0)
			.single();
	}

	/**
	 * Counts one more failure of the id from the network and locks it there for as long
	 * as the policy says.
	 */
	void failed(String key, String network, Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp forgetBefore = Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER));
		for (int tries = 0; tries < 3; tries++) {
			int counted = jdbc
				.sql("""
						UPDATE login_failure
						SET attempts = CASE WHEN locked_until < :forgetBefore THEN 1 ELSE attempts + 1 END, last_failure = :at
						WHERE login_id = :key AND network = :network""")
				.param("forgetBefore", forgetBefore)
				.param("at", at)
				.param("key", key)
				.param("network", network)
				.update();
			if (counted == 0) {
				if (inserted(key, network, at, now)) {
					jdbc.sql("DELETE FROM login_failure WHERE locked_until < ?").param(forgetBefore).update();
					return;
				}
				continue;
			}
			int attempts = jdbc.sql("SELECT attempts FROM login_failure WHERE login_id = ? AND network = ?")
				.params(key, network)
				.query(Integer.class)
				.single();
			// Only ever lengthened: a slower node with a smaller count must not shorten
			// the lock.
			Timestamp until = Timestamp.from(policy.lockAfter(attempts, now));
			jdbc.sql(
					"UPDATE login_failure SET locked_until = ? WHERE login_id = ? AND network = ? AND locked_until < ?")
				.params(until, key, network, until)
				.update();
			return;
		}
		throw new IllegalStateException("could not count a failed login of " + key);
	}

	private boolean inserted(String key, String network, Timestamp at, Instant now) {
		try {
			savepoint.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO login_failure (login_id, network, wide_network, attempts, last_failure, locked_until)
					VALUES (?, ?, ?, 1, ?, ?)""")
				.params(key, network, LoginNetwork.wide(network), at, Timestamp.from(policy.lockAfter(1, now)))
				.update());
			return true;
		}
		catch (DuplicateKeyException anotherNodeWasFaster) {
			return false;
		}
	}

	/**
	 * A right password from the network: its failures are forgotten, and the network is
	 * one the account may always try from.
	 */
	void succeeded(String key, String network, Instant now) {
		jdbc.sql("DELETE FROM login_failure WHERE login_id = ? AND network = ?").params(key, network).update();
		Timestamp at = Timestamp.from(now);
		int seen = jdbc.sql("UPDATE login_network SET last_success = ? WHERE login_id = ? AND network = ?")
			.params(at, key, network)
			.update();
		if (seen == 0) {
			try {
				savepoint.executeWithoutResult(status -> jdbc
					.sql("INSERT INTO login_network (login_id, network, last_success) VALUES (?, ?, ?)")
					.params(key, network, at)
					.update());
			}
			catch (DuplicateKeyException anotherNodeWasFaster) {
				// The row is there; its time is a moment older, which changes nothing.
			}
			jdbc.sql("DELETE FROM login_network WHERE last_success < ?")
				.param(Timestamp.from(now.minus(LoginLockPolicy.KNOWN_NETWORK_FOR)))
				.update();
		}
	}

	/**
	 * Failures that still count, per id and network, of the {@code ids} ids with the most
	 * recent failures.
	 */
	List<Failures> recent(int ids, Instant now) {
		Timestamp forgetBefore = Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER));
		List<String> recentIds = jdbc.sql("""
				SELECT login_id FROM login_failure WHERE locked_until >= ?
				GROUP BY login_id ORDER BY MAX(last_failure) DESC""" + " FETCH FIRST " + ids + " ROWS ONLY")
			.param(forgetBefore)
			.query(String.class)
			.list();
		if (recentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT login_id, network, wide_network, attempts, last_failure, locked_until FROM login_failure
				WHERE login_id IN (:ids) AND locked_until >= :forgetBefore ORDER BY last_failure DESC""")
			.param("ids", recentIds)
			.param("forgetBefore", forgetBefore)
			.query(LoginThrottle::failures)
			.list();
	}

	private static Failures failures(ResultSet rs, int row) throws SQLException {
		return new Failures(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
				rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
	}

	/** Failures of one row key ({@link #key}) that still count, from every network. */
	List<Failures> of(String key, Instant now) {
		return jdbc.sql("""
				SELECT login_id, network, wide_network, attempts, last_failure, locked_until FROM login_failure
				WHERE login_id = ? AND locked_until >= ?""")
			.params(key, Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER)))
			.query(LoginThrottle::failures)
			.list();
	}

	/**
	 * Forgets the failures of a row key ({@link #key}) from every network; how many rows
	 * there were.
	 */
	int lift(String key) {
		return jdbc.sql("DELETE FROM login_failure WHERE login_id = ?").param(key).update();
	}

}
