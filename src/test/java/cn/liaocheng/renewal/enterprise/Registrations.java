package cn.liaocheng.renewal.enterprise;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;

/**
 * Test data and page reading for registrations: fresh credit codes and user ids, the
 * form, its field errors.
 */
public final class Registrations {

	public static final String PASSWORD = "Renew@2026Lc!";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Registrations() {
	}

	/** A valid credit code no one has used, issued in the given division. */
	public static String freshCreditCode(String divisionCode) {
		StringBuilder first17 = new StringBuilder("91").append(divisionCode).append("MA");
		while (first17.length() < 17) {
			first17.append(CreditCode.ALPHABET.charAt(RANDOM.nextInt(CreditCode.ALPHABET.length())));
		}
		return first17.toString() + CreditCode.checkCharacter(first17.toString());
	}

	/** The same code with a check character that is wrong. */
	public static String withWrongCheckCharacter(String code) {
		char right = code.charAt(17);
		char wrong = right == '0' ? '1' : '0';
		return code.substring(0, 17) + wrong;
	}

	public static String freshUserId() {
		return "t-ent-" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
	}

	/** A complete, valid registration of an enterprise in 冠县 (371525). */
	public static Map<String, String> validForm(String creditCode, String userId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("creditCode", creditCode);
		form.put("name", "冠县测试机械制造有限公司" + userId.substring(userId.length() - 4));
		form.put("divisionCode", "371525");
		form.put("industry", "通用设备制造");
		form.put("contactName", "财务负责人");
		form.put("contactPhone", "0635-5123456");
		form.put("email", "caiwu@guanxian-test.example");
		form.put("userId", userId);
		form.put("password", PASSWORD);
		form.put("confirmPassword", PASSWORD);
		return form;
	}

	/**
	 * Opens the registration page (for its CSRF token) and posts the form as a browser
	 * would.
	 */
	public static HttpResponse<String> submit(WebClient client, Map<String, String> form) {
		String token = WebClient.csrfTokenOf(client.get("/register").body());
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", token);
		return client.postForm("/register", encode(withToken));
	}

	/**
	 * A registered enterprise of 冠县 (371525), activated by its county industry bureau, as
	 * a test's starting point: registered through the page, activated through the
	 * county's list.
	 */
	public static Enterprise activeEnterprise(int port, EnterpriseRegistry registry) {
		String userId = freshUserId();
		HttpResponse<String> registered = submit(new WebClient(port), validForm(freshCreditCode("371525"), userId));
		if (registered.statusCode() != 302) {
			throw new AssertionError("registration answered " + registered.statusCode());
		}
		Enterprise enterprise = registry.findByUser(userId).orElseThrow();
		WebClient officer = new WebClient(port);
		officer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		officer.postForm("/county/enterprises/" + enterprise.id() + "/activate",
				"_csrf=" + WebClient.csrfTokenOf(officer.get("/").body()));
		return registry.findByUser(userId).orElseThrow();
	}

	public static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * The error shown for a field, provided it sits next to the field: after the field's
	 * input and before the next field begins.
	 */
	public static Optional<String> fieldError(String html, String field) {
		Matcher error = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)<").matcher(html);
		if (!error.find()) {
			return Optional.empty();
		}
		int input = html.indexOf("id=\"" + field + "\"");
		Matcher next = Pattern.compile("<div class=\"(field[ \"]|form-actions)").matcher(html);
		int nextField = input >= 0 && next.find(input) ? next.start() : -1;
		if (input < 0 || error.start() < input || (nextField >= 0 && error.start() > nextField)) {
			throw new AssertionError("error of " + field + " is not next to its field");
		}
		return Optional.of(error.group(1).strip());
	}

	/** The value the form shows in a text input. */
	public static Optional<String> valueOf(String html, String field) {
		Matcher input = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(field) + "\"[^>]*>").matcher(html);
		if (!input.find()) {
			return Optional.empty();
		}
		Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
		return value.find() ? Optional.of(value.group(1)) : Optional.of("");
	}

}
