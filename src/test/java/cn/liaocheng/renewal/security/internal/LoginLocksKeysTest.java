package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the administrators' page reads from a failure row's key: the length and
 * fingerprint kept for text that is no account's id, or computed for a key an earlier
 * version kept as typed, whatever that text is.
 */
class LoginLocksKeysTest {

	private static final String SHA256_OF_SECRET = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

	@Test
	void aHiddenKeyGivesTheLengthAndFingerprintItKeeps() {
		String key = LoginThrottle.HIDDEN + "6:" + SHA256_OF_SECRET;

		assertThat(LoginLocks.lengthOf(key)).isEqualTo(6);
		assertThat(LoginLocks.fingerprintOf(key)).isEqualTo(SHA256_OF_SECRET.substring(0, 16));
		assertThat(LoginLocks.fingerprintOf(key)).isEqualTo(LoginLocks.fingerprint("secret"));
	}

	@Test
	void aKeyKeptAsTypedThatLooksAlmostHiddenIsReadAsTyped() {
		for (String typed : new String[] { "#abc:def", "#12:", "#1:xyz", "secret" }) {
			assertThat(LoginLocks.lengthOf(typed)).as(typed).isEqualTo(typed.length());
			assertThat(LoginLocks.fingerprintOf(typed)).as(typed).isEqualTo(LoginLocks.fingerprint(typed));
		}
	}

}
