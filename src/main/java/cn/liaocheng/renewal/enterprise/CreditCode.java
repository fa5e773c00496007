package cn.liaocheng.renewal.enterprise;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码) under GB 32100-2015: 18 characters from a
 * 31-letter alphabet (digits and upper-case letters without I, O, Z, S, V), the last one
 * a check character over the first 17.
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		Optional<String> problem = problemWith(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
	}

	/**
	 * Reads user input: surrounding spaces are ignored and lower-case letters accepted.
	 */
	public static CreditCode parse(String input) {
		return new CreditCode(input == null ? null : input.strip().toUpperCase(Locale.ROOT));
	}

	/**
	 * What is wrong with a code, in words an applicant understands, or empty when it is
	 * valid.
	 */
	public static Optional<String> problemWith(String code) {
		if (code == null || code.isEmpty()) {
			return Optional.of("请填写统一社会信用代码");
		}
		if (code.length() != 18) {
			return Optional.of("统一社会信用代码应为 18 位，当前为 " + code.length() + " 位");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.of("统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i) + "”不是有效字符（不使用 I、O、Z、S、V）");
			}
		}
		if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
			return Optional.of("统一社会信用代码校验位不正确，请核对后重新输入");
		}
		return Optional.empty();
	}

	/** The check character GB 32100 assigns to the first 17 characters of a code. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	/** The administrative division the code was issued in (characters 3 to 8). */
	public String divisionCode() {
		return value.substring(2, 8);
	}

	@Override
	public String toString() {
		return value;
	}

}
