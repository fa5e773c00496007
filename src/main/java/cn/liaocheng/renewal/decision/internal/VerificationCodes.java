package cn.liaocheng.renewal.decision.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Short codes printed beside the QR code: ten characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 49 bits, so that guessing one is hopeless and
 * reading one aloud is easy.
 */
final class VerificationCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * What a person typed, tidied (case, spaces, dashes); empty when it cannot be a code.
	 */
	static Optional<String> normalise(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String code = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(code);
	}

}
