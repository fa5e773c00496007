package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Camunda's user passwords hashed with Argon2id instead of the engine's default salted
 * SHA-512. Camunda appends its own salt before calling this; Argon2 adds a second, random
 * one and has no input-length limit.
 */
class Argon2PasswordEncryptor implements PasswordEncryptor {

	static final String ALGORITHM = "ARGON2ID";

	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	@Override
	public String encrypt(String password) {
		return encoder.encode(password);
	}

	@Override
	public boolean check(String password, String encrypted) {
		return encoder.matches(password, encrypted);
	}

	@Override
	public String hashAlgorithmName() {
		return ALGORITHM;
	}

}
