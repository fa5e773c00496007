package cn.liaocheng.renewal.security.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.security.TemporaryPasswords;

/**
 * Temporary passwords and the mark that goes with them (table
 * {@code temporary_password}). The mark holds when the password stops letting its account
 * in, never the password. Any change of the account's password takes the mark away
 * ({@link PasswordChangeEndsSessions}); a reset sets it again right after its own change.
 */
@Component
class TemporaryPasswordStore implements TemporaryPasswords {

	/** Letters and digits that cannot be mistaken for one another when read out. */
	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	/** Special characters the policy counts and the registration page suggests. */
	private static final String SPECIAL = "@#$%!_";

	static final int LENGTH = 14;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final IdentityService identity;

	TemporaryPasswordStore(JdbcClient jdbc, IdentityService identity) {
		this.jdbc = jdbc;
		this.identity = identity;
	}

	@Override
	@Transactional
	public Issued issue(String userId, String issuedBy) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			throw new IllegalArgumentException("No account " + userId);
		}
		String password = generate(user);
		user.setPassword(password);
		// The engine's identity provider ends the account's sessions and tokens, audits
		// the change and takes any earlier mark away; the mark is set after it.
		identity.saveUser(user);
		Instant now = Instant.now();
		Instant expires = now.plus(VALIDITY);
		jdbc.sql("""
				INSERT INTO temporary_password (user_id, issued_at, issued_by, expires_at)
				VALUES (:user, :now, :by, :expires)""")
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.param("by", issuedBy)
			.param("expires", Timestamp.from(expires))
			.update();
		return new Issued(password, now, expires);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Instant> outstandingAmong(Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Instant> outstanding = new HashMap<>();
		jdbc.sql("SELECT user_id, expires_at FROM temporary_password WHERE user_id IN (:users)")
			.param("users", Set.copyOf(userIds))
			.query((RowCallbackHandler) rs -> outstanding.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
		return outstanding;
	}

	/** When the account's temporary password stops letting it in; empty without one. */
	Optional<Instant> expiryOf(String userId) {
		return jdbc.sql("SELECT expires_at FROM temporary_password WHERE user_id = :user")
			.param("user", userId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** The account's password changed: whatever it is now, it is not temporary. */
	void clear(String userId) {
		jdbc.sql("DELETE FROM temporary_password WHERE user_id = :user").param("user", userId).update();
	}

	/**
	 * A random password of at least one character of each kind the policy asks for; drawn
	 * again in the unlikely case the policy refuses it (e.g. it happens to contain the
	 * account's id).
	 */
	private String generate(User user) {
		for (int attempt = 0; attempt < 20; attempt++) {
			String candidate = draw();
			if (identity.getPasswordPolicy() == null
					|| identity.checkPasswordAgainstPolicy(candidate, user).isValid()) {
				return candidate;
			}
		}
		throw new IllegalStateException("No temporary password met the password policy");
	}

	static String draw() {
		List<Character> chars = new ArrayList<>(LENGTH);
		for (String kind : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
			chars.add(kind.charAt(RANDOM.nextInt(kind.length())));
		}
		String all = UPPER + LOWER + DIGITS + SPECIAL;
		while (chars.size() < LENGTH) {
			chars.add(all.charAt(RANDOM.nextInt(all.length())));
		}
		Collections.shuffle(chars, RANDOM);
		StringBuilder password = new StringBuilder(LENGTH);
		chars.forEach(password::append);
		return password.toString();
	}

}
