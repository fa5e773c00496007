package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The fixed decoy hash costs what a real password check costs and matches only its own
 * sentence.
 */
class DecoyHashTest {

	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	@Test
	void decoyHashHasTheParametersOfTheHashesOfRealPasswords() {
		String real = encoder.encode("Demo@2026lc");
		String parameters = real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1) + 1);
		assertThat(PasswordChecks.DECOY_HASH).startsWith(parameters);
		assertThat(new Argon2PasswordEncryptor().encrypt("x")).startsWith(parameters);
	}

	@Test
	void decoyHashMatchesItsSentenceAndNoPassword() {
		assertThat(encoder.matches("no account has this password", PasswordChecks.DECOY_HASH)).isTrue();
		assertThat(encoder.matches("Demo@2026lc", PasswordChecks.DECOY_HASH)).isFalse();
	}

}
