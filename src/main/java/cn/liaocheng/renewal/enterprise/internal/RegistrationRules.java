package cn.liaocheng.renewal.enterprise.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.enterprise.PhoneNumber;
import cn.liaocheng.renewal.organization.BureauContact;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.AccountIds;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PlainText;

/**
 * Checks a registration field by field, so that the applicant sees every mistake at once
 * next to its field: formats, the county (and a move from the county that issued the
 * credit code), Camunda's password policy, and whether the credit code or the user id is
 * taken already.
 */
@Component
class RegistrationRules {

	static final String CREDIT_CODE_TAKEN = "该统一社会信用代码已注册";

	static final String USER_ID_TAKEN = "该登录用户名已被使用，请换一个";

	static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{2,63}");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private final EnterpriseRegistry registry;

	private final OrganizationCatalog catalog;

	private final Accounts accounts;

	private final AccountIds ids;

	RegistrationRules(EnterpriseRegistry registry, OrganizationCatalog catalog, Accounts accounts, AccountIds ids) {
		this.registry = registry;
		this.catalog = catalog;
		this.ids = ids;
		this.accounts = accounts;
	}

	/**
	 * Every field's first problem, in form order; empty when the registration may go
	 * ahead.
	 */
	List<FieldProblem> check(RegistrationRequest r) {
		Map<String, String> problems = new LinkedHashMap<>();
		String code = trim(r.creditCode()).toUpperCase(Locale.ROOT);
		CreditCode.problemWith(code).ifPresent(p -> problems.put("creditCode", p));
		if (!problems.containsKey("creditCode") && creditCodeTaken(CreditCode.parse(code))) {
			problems.put("creditCode", CREDIT_CODE_TAKEN);
		}
		text(problems, "name", r.name(), "企业名称", 128);
		if (trim(r.divisionCode()).isEmpty()) {
			problems.put("divisionCode", "请选择所在县（市、区）或开发区");
		}
		else if (catalog.division(trim(r.divisionCode())).isEmpty()) {
			problems.put("divisionCode", "所选县（市、区）不存在，请重新选择");
		}
		else if (!problems.containsKey("creditCode")) {
			relocation(CreditCode.parse(code), trim(r.divisionCode())).filter(moved -> !moved.declaredIn(r))
				.ifPresent(moved -> problems.put("divisionCode", moved.question()));
		}
		text(problems, "industry", r.industry(), "所属行业", 64);
		text(problems, "contactName", r.contactName(), "联系人", 32);
		contactPhoneProblem(r.contactPhone()).ifPresent(p -> problems.put("contactPhone", p));
		emailProblem(r.email()).ifPresent(p -> problems.put("email", p));
		String userId = userId(r.userId());
		if (userId.isEmpty()) {
			problems.put("userId", "请填写登录用户名");
		}
		else if (!USER_ID.matcher(userId).matches()) {
			problems.put("userId", "登录用户名应为 3 至 64 位，以字母或数字开头，只能包含字母、数字、下划线（_）、点（.）和短横线（-）");
		}
		else if (userIdTaken(userId)) {
			problems.put("userId", USER_ID_TAKEN);
		}
		else {
			ids.refusal(userId).ifPresent(refusal -> problems.put("userId", refusal));
		}
		checkPassword(problems, r, userId);
		return problems.entrySet().stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList();
	}

	/**
	 * User ids are kept in lower case, so that 'Ent-GX' cannot be registered beside
	 * 'ent-gx'.
	 */
	static String userId(String raw) {
		return trim(raw).toLowerCase(Locale.ROOT);
	}

	/**
	 * Characters 3 to 8 of a credit code name the registration authority's division,
	 * which the code keeps when its enterprise moves. A code issued in another of
	 * Liaocheng's counties than the chosen one is a mistyped county or a move, which the
	 * applicant must confirm; a code issued by the city (371500), outside the city, or
	 * for an enterprise in a development zone (which has no GB/T 2260 code of its own)
	 * cannot be checked this way.
	 */
	Optional<Relocation> relocation(CreditCode code, String chosenDivision) {
		String issuedIn = code.divisionCode();
		if (issuedIn.equals(chosenDivision)) {
			return Optional.empty();
		}
		return catalog.division(chosenDivision)
			.filter(chosen -> chosen.kind() == Division.Kind.COUNTY)
			.flatMap(chosen -> catalog.division(issuedIn)
				.filter(issuer -> issuer.kind() == Division.Kind.COUNTY)
				.map(issuer -> new Relocation(issuedIn, issuer.name(), chosen.code(), chosen.name(),
						catalog.industryBureau(chosen.code())
							.map(BureauContact::bureauName)
							.orElse(chosen.name() + "工业和信息化局"))));
	}

	/**
	 * The move the request's code and county differ by, confirmed or not; empty when they
	 * agree or either cannot be read.
	 */
	Optional<Relocation> relocation(RegistrationRequest r) {
		String code = trim(r.creditCode()).toUpperCase(Locale.ROOT);
		if (CreditCode.problemWith(code).isPresent()) {
			return Optional.empty();
		}
		return relocation(CreditCode.parse(code), trim(r.divisionCode()));
	}

	boolean creditCodeTaken(CreditCode code) {
		return registry.findByCreditCode(code).isPresent();
	}

	boolean userIdTaken(String userId) {
		// Staff accounts created in Camunda Admin may carry capitals: 'zhangsan' is taken
		// by 'ZhangSan' too, or the two would share a login throttle (which keys on the
		// lower-case id) and one could be locked out by the other.
		return accounts.idTakenInAnyCase(userId) || registry.findByUser(userId).isPresent();
	}

	private void checkPassword(Map<String, String> problems, RegistrationRequest r, String userId) {
		String password = r.password() == null ? "" : r.password();
		if (password.isEmpty()) {
			problems.put("password", "请设置密码");
		}
		else {
			List<String> missing = unmetPolicyRules(password, userId, trim(r.name()));
			if (!missing.isEmpty()) {
				problems.put("password", "密码须" + String.join("、", missing));
			}
		}
		String confirmation = r.confirmPassword() == null ? "" : r.confirmPassword();
		if (confirmation.isEmpty()) {
			problems.put("confirmPassword", "请再次输入密码");
		}
		else if (!confirmation.equals(password)) {
			problems.put("confirmPassword", "两次输入的密码不一致");
		}
	}

	/**
	 * What the password lacks, in Chinese, for the enterprise account {@code userId} of
	 * the enterprise {@code name}: the policy forbids passwords containing the id or
	 * name.
	 */
	List<String> unmetPolicyRules(String password, String userId, String name) {
		List<String> missing = new ArrayList<>();
		for (Accounts.PasswordRule rule : accounts.unmetPasswordRules(password, userId, EnterpriseAccounts.POST,
				name)) {
			missing.add(describe(rule));
		}
		return missing;
	}

	static String describe(Accounts.PasswordRule rule) {
		return rule.inChinese("登录用户名或企业名称");
	}

	private static void text(Map<String, String> problems, String field, String value, String label, int max) {
		String v = trim(value);
		if (v.isEmpty()) {
			problems.put(field, "请填写" + label);
		}
		else if (v.length() > max) {
			problems.put(field, label + "不能超过 " + max + " 个字，当前 " + v.length() + " 个字");
		}
		else {
			PlainText.problem(v, false).ifPresent(p -> problems.put(field, label + p));
		}
	}

	static Optional<String> contactPhoneProblem(String input) {
		String phone = phone(input);
		if (phone.isEmpty()) {
			return Optional.of("请填写联系电话");
		}
		if (!PhoneNumber.isValid(phone)) {
			return Optional.of("联系电话格式不正确：请填写 11 位手机号码，或带区号的固定电话（如 0635-8123456）");
		}
		return Optional.empty();
	}

	/**
	 * The e-mail address is optional; given, it must look like one and fit Camunda's user
	 * record.
	 */
	static Optional<String> emailProblem(String input) {
		String email = trim(input);
		if (email.isEmpty()) {
			return Optional.empty();
		}
		if (email.length() > 128) {
			return Optional.of("电子邮箱不能超过 128 个字符");
		}
		if (!EMAIL.matcher(email).matches()) {
			return Optional.of("电子邮箱格式不正确，应如 caiwu@example.com；不需要邮件通知可以不填");
		}
		return Optional.empty();
	}

	/** The address as stored: trimmed, or null when none was given. */
	static String email(String input) {
		String email = trim(input);
		return email.isEmpty() ? null : email;
	}

	static Optional<String> contactNameProblem(String input) {
		Map<String, String> problems = new LinkedHashMap<>();
		text(problems, "contactName", input, "联系人", 32);
		return Optional.ofNullable(problems.get("contactName"));
	}

	/** A phone number without the spaces people type between its groups. */
	static String phone(String input) {
		return trim(input).replaceAll("\\s+", "");
	}

	static String trim(String input) {
		return input == null ? "" : input.strip();
	}

}
