package cn.liaocheng.renewal.enterprise;

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

}
