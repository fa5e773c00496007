package cn.liaocheng.renewal.security.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many login ids may fail from one network (an IPv4 address or IPv6 /64,
 * {@link LoginNetwork}) within a window, whichever ids they are: accounts and text that
 * is no account's id alike. Past that, every password check from the network is refused
 * before it is made (no Argon2, no row lock), the right password of a real account too,
 * unless that account logged in from the network lately (the people of the office behind
 * the address), until the oldest of those failures leaves the window: one address can
 * then neither spray a common password over every enterprise's id nor keep the nodes
 * hashing decoys, and a guess past the budget is worth nothing even when it is right.
 *
 * <p>
 * Counted from {@code login_failure}, one row per id and network with the time of its
 * last failure, so every node sees the same count. An id counts once however often it
 * failed (its own lock, {@link LoginLockPolicy}, slows its repeats), so an office behind
 * one address is held only when many of its people mistype within the window. A right
 * password forgets its own id's row only, never another's. Checks outside a request
 * ({@link LoginNetwork#LOCAL}) come from no network and are not counted here.
 */
@Component
class NetworkFailureBudget {

	private final JdbcClient jdbc;

	private final int failingIds;

	private final Duration window;

	NetworkFailureBudget(JdbcClient jdbc, @Value("${renewal.login.network-failures:30}") int failingIds,
			@Value("${renewal.login.network-window:1h}") Duration window) {
		this.jdbc = jdbc;
		this.failingIds = Math.max(1, failingIds);
		// A row is kept a day after its last failure at least (its lock's end, then
		// LoginLockPolicy.FORGET_AFTER); a longer window would count rows already gone.
		this.window = window.compareTo(LoginLockPolicy.FORGET_AFTER) > 0 ? LoginLockPolicy.FORGET_AFTER
				: window.isNegative() || window.isZero() ? Duration.ofSeconds(1) : window;
	}

	/**
	 * Why the network may not try a password now, if it may not: as many ids as the
	 * budget failed from it within the window, and when the oldest of the latest of them
	 * leaves the window; nothing for an account known on the network
	 * ({@link #knownHere}).
	 */
	Optional<PasswordCheckRefusal> refusal(String network, String key, Instant now) {
		return held(network, now).filter(held -> !knownHere(key, network, now));
	}

	/**
	 * Whether the network is held, whoever tries: as many ids as the budget failed from
	 * it within the window, and when the oldest of the latest of them leaves the window.
	 */
	Optional<PasswordCheckRefusal> held(String network, Instant now) {
		if (LoginNetwork.LOCAL.equals(network)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT last_failure FROM login_failure WHERE network = ? AND last_failure >= ?
				ORDER BY last_failure DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY""")
			.params(network, Timestamp.from(now.minus(window)), failingIds - 1)
			.query(Timestamp.class)
			.optional()
			.map(oldest -> PasswordCheckRefusal.networkHeld(oldest.toInstant().plus(window), now));
	}

	/**
	 * Whether the account of the row key {@code key} ({@link LoginThrottle#key}) logged
	 * in from the network lately ({@link LoginLockPolicy#KNOWN_NETWORK_FOR}): the people
	 * of an office behind one address keep logging in while its address is held for the
	 * ids that failed there (a morning of mistyped passwords, someone trying ids), each
	 * still under its own id's lock.
	 */
	boolean knownHere(String key, String network, Instant now) {
		return key != null && jdbc.sql("""
				SELECT COUNT(*) FROM login_network WHERE login_id = ? AND network = ? AND last_success >= ?""")
			.params(key, network, Timestamp.from(now.minus(LoginLockPolicy.KNOWN_NETWORK_FOR)))
			.query(Long.class)
			.single() > 0;
	}

}
