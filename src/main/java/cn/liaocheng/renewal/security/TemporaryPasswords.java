package cn.liaocheng.renewal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Gives an account a temporary password in place of one forgotten. The temporary password
 * is random and meets the password policy; it is set through the engine like any other
 * password change (so the account's sessions and API tokens end and the identity audit
 * records who reset it), and the account must change it before anything else, within
 * {@link #VALIDITY}. Who may ask for it is the caller's rule.
 */
public interface TemporaryPasswords {

	/** How long a temporary password lets its account log in to change it. */
	Duration VALIDITY = Duration.ofHours(72);

	/**
	 * Sets a new temporary password on {@code userId}, an existing account, in the
	 * caller's transaction.
	 */
	Issued issue(String userId, String issuedBy);

	/**
	 * The accounts among {@code userIds} that have not yet changed a temporary password,
	 * with when it stops (or stopped) letting them in: one statement, for a list page.
	 */
	Map<String, Instant> outstandingAmong(Collection<String> userIds);

	/**
	 * A temporary password, to be shown once to whoever reset it and kept nowhere else.
	 * Its {@code toString} leaves the password out, so that no log line can carry it.
	 */
	record Issued(String password, Instant issuedAt, Instant expiresAt) {

		@Override
		public String toString() {
			return "Issued[password=(hidden), issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
		}

	}

}
