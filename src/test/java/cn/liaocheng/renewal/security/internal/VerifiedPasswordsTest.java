package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/**
 * The memory of passwords checked right: only the same id, password, hash and salt, only
 * for its time.
 */
class VerifiedPasswordsTest {

	private final VerifiedPasswords verified = new VerifiedPasswords();

	private final Instant now = Instant.parse("2026-03-01T08:00:00Z");

	@Test
	void aPasswordCheckedRightIsKnownForItsTimeAndNoLonger() {
		UserEntity user = user("gx-industry", "{ARGON2ID}hash-1", "salt-1");
		assertThat(verified.known(user, "Demo@2026lc", now)).as("before any check").isFalse();
		verified.remember(user, "Demo@2026lc", now);
		assertThat(verified.known(user, "Demo@2026lc", now.plusSeconds(60))).isTrue();
		assertThat(verified.known(user, "Demo@2026lc", now.plus(VerifiedPasswords.TTL))).as("expired").isFalse();
		assertThat(verified.known(user, "Demo@2026lc", now.plusSeconds(60))).as("an expired entry is gone").isFalse();
	}

	@Test
	void anotherPasswordIdHashOrSaltIsNeverKnown() {
		UserEntity user = user("gx-industry", "{ARGON2ID}hash-1", "salt-1");
		verified.remember(user, "Demo@2026lc", now);
		assertThat(verified.known(user, "Demo@2026lC", now)).as("a wrong password").isFalse();
		assertThat(verified.known(user, "", now)).as("an empty password").isFalse();
		assertThat(verified.known(user("gx-finance", "{ARGON2ID}hash-1", "salt-1"), "Demo@2026lc", now))
			.as("another account with the same hash")
			.isFalse();
		assertThat(verified.known(user("gx-industry", "{ARGON2ID}hash-2", "salt-1"), "Demo@2026lc", now))
			.as("the account after a password change (new hash)")
			.isFalse();
		assertThat(verified.known(user("gx-industry", "{ARGON2ID}hash-1", "salt-2"), "Demo@2026lc", now))
			.as("a new salt")
			.isFalse();
		// Parts are length-prefixed: moving characters between id and password changes
		// the entry.
		verified.remember(user("ab", "h", "s"), "c", now);
		assertThat(verified.known(user("a", "h", "s"), "bc", now)).isFalse();
	}

	@Test
	void anAccountWithoutAStoredHashIsNeverRemembered() {
		UserEntity user = user("external", null, null);
		verified.remember(user, "whatever", now);
		assertThat(verified.known(user, "whatever", now)).isFalse();
	}

	@Test
	void theMemoryIsBounded() {
		for (int i = 0; i < VerifiedPasswords.MAX_ENTRIES + 10; i++) {
			verified.remember(user("u" + i, "h", "s"), "p", now);
		}
		UserEntity last = user("u" + (VerifiedPasswords.MAX_ENTRIES + 9), "h", "s");
		assertThat(verified.known(last, "p", now)).as("the newest entry after the memory was cleared").isTrue();
		assertThat(verified.known(user("u0", "h", "s"), "p", now)).as("the oldest, cleared").isFalse();
	}

	private static UserEntity user(String id, String hash, String salt) {
		UserEntity user = new UserEntity(id);
		user.setDbPassword(hash);
		user.setSalt(salt);
		return user;
	}

}
