package cn.liaocheng.renewal.enterprise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for the phone numbers people give the programme (an enterprise's contact,
 * an objector to a public notice, the number a text message goes to): a mainland mobile
 * number of 11 digits, or a landline with its area code and an optional extension
 * (0635-8123456, 06358123456, 0635-8123456-801). Callers normalise what was typed
 * (spaces, a +86 prefix) before asking.
 */
public final class PhoneNumber {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

	/** The country prefix, as typed before a mainland number. */
	private static final Pattern COUNTRY = Pattern.compile("^(\\+|00)86-?");

	/** What people type between or around a number's groups: spaces, dashes, brackets. */
	private static final Pattern SEPARATORS = Pattern
		.compile("[\\s\u00A0\u3000\\-\u2010-\u2015\u2212\uFF0D()\uFF08\uFF09]+");

	private PhoneNumber() {
	}

	/**
	 * Whether {@code number} is a mobile number, the only kind a text message can reach.
	 */
	public static boolean isMobile(String number) {
		return number != null && MOBILE.matcher(number).matches();
	}

	/** Whether {@code number} is a mobile number or a landline with its area code. */
	public static boolean isValid(String number) {
		return isMobile(number) || number != null && LANDLINE.matcher(number).matches();
	}

	/**
	 * The line {@code typed} reaches, as digits: without separators, a +86 prefix or a
	 * landline's extension, so that 0635-8123456-801, (0635) 8123456 and +86 635 8123456
	 * are one line. An extension is whatever the caller types after the number, so it
	 * tells no two callers apart. What is no number comes back as its digits.
	 */
	public static String line(String typed) {
		String number = SEPARATORS.matcher(typed == null ? "" : typed).replaceAll("-").replaceAll("^-|-$", "");
		Matcher country = COUNTRY.matcher(number);
		if (country.find()) {
			number = number.substring(country.end());
			if (!number.startsWith("0") && !isMobile(number.replace("-", ""))) {
				// Dialled from abroad, a landline's area code loses its trunk 0.
				number = "0" + number;
			}
		}
		Matcher landline = LANDLINE.matcher(number);
		if (landline.matches() && landline.group(1) != null) {
			number = number.substring(0, landline.start(1));
		}
		return number.replaceAll("\\D", "");
	}

}
