package cn.liaocheng.renewal.review.notice;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Receipt numbers for objections, e.g. YY-7KQ4-M9XH: random, so that one receipt does not
 * lead to the next, and without the letters people misread (Crockford's alphabet). 32⁸
 * numbers; a lookup also needs the phone given.
 */
final class ObjectionReceipts {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ObjectionReceipts() {
	}

	static String next() {
		StringBuilder receipt = new StringBuilder("YY-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				receipt.append('-');
			}
			receipt.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return receipt.toString();
	}

	/**
	 * What people type, made comparable: upper case, O as 0, I and L as 1, spaces
	 * dropped.
	 */
	static String normalised(String typed) {
		String s = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
		s = s.replace('O', '0').replace('I', '1').replace('L', '1');
		if (s.matches("YY-?[0-9A-Z]{4}-?[0-9A-Z]{4}")) {
			String core = s.replace("-", "").substring(2);
			return "YY-" + core.substring(0, 4) + "-" + core.substring(4);
		}
		return s;
	}

}
