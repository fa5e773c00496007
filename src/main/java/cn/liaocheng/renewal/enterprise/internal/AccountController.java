package cn.liaocheng.renewal.enterprise.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The enterprise's own account: its password, its contact person and phone, and the
 * e-mail address notices go to. The account is always the logged-in user's; no request
 * names one, so no request can reach another's.
 */
@Controller
@RequestMapping("/account")
class AccountController {

	private static final Logger LOG = LoggerFactory.getLogger(AccountController.class);

	private final EnterpriseRegistry registry;

	private final RegistrationRules rules;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	AccountController(EnterpriseRegistry registry, RegistrationRules rules, Accounts accounts, JdbcClient jdbc,
			AuditTrail audit) {
		this.registry = registry;
		this.rules = rules;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@GetMapping
	String page(@AuthenticationPrincipal PortalUser user, Model model) {
		Enterprise enterprise = registry.findByUser(user.userId()).orElseThrow();
		if (!model.containsAttribute("contactName")) {
			model.addAttribute("contactName", enterprise.contactName());
			model.addAttribute("contactPhone", enterprise.contactPhone());
			model.addAttribute("email", accounts.account(user.userId()).map(Accounts.Account::email).orElse(""));
		}
		model.addAttribute("enterprise", enterprise);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "enterprise/account";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal PortalUser user,
			@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, RedirectAttributes redirect) {
		Accounts.Account account = accounts.account(user.userId()).orElseThrow();
		List<String> unmet = newPassword.isEmpty() ? List.of()
				: rules.unmetPolicyRules(newPassword, user.userId(), account.lastName());
		Map<String, String> errors = accounts.ownPasswordChangeProblems(user.userId(), currentPassword, newPassword,
				confirmPassword, unmet);
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("errors", errors);
			return "redirect:/account#password";
		}
		// Also ends the account's sessions elsewhere, whoever holds them; this one stays
		// (security's PasswordChangeEndsSessions, for every door a password changes
		// through).
		accounts.changePassword(user.userId(), newPassword);
		LOG.info("Password changed by its user {}", user.userId());
		redirect.addFlashAttribute("notice", "密码已修改，已退出该账户在其他设备上的登录，本账户的 API 令牌也已全部撤销（接入系统请重新新建令牌）；下次登录请使用新密码。");
		return "redirect:/account";
	}

	@PostMapping("/contact")
	@Transactional
	String changeContact(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String contactName,
			@RequestParam(defaultValue = "") String contactPhone, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String currentPassword, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		RegistrationRules.contactNameProblem(contactName).ifPresent(p -> errors.put("contactName", p));
		RegistrationRules.contactPhoneProblem(contactPhone).ifPresent(p -> errors.put("contactPhone", p));
		RegistrationRules.emailProblem(email).ifPresent(p -> errors.put("email", p));
		Enterprise enterprise = registry.findByUser(user.userId()).orElseThrow();
		Accounts.Account account = accounts.account(user.userId()).orElseThrow();
		String newPhone = errors.containsKey("contactPhone") ? null : RegistrationRules.phone(contactPhone);
		String newEmail = errors.containsKey("email") ? null : RegistrationRules.email(email);
		// The phone and the address are where a county confirms who asks for a password
		// reset and where its notices go: whoever changes them shows the password, as for
		// changing the password itself (checked like a login: wrong guesses make the
		// network wait).
		boolean channels = errors.isEmpty()
				&& (!Objects.equals(enterprise.contactPhone(), newPhone) || !Objects.equals(account.email(), newEmail));
		if (channels && (currentPassword.isEmpty() || !accounts.checkPassword(user.userId(), currentPassword))) {
			errors.put("contactPassword", "修改联系电话或电子邮箱须填写正确的当前密码（多次输错后须稍候片刻再试）");
		}
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("errors", errors);
			redirect.addFlashAttribute("contactName", contactName);
			redirect.addFlashAttribute("contactPhone", contactPhone);
			redirect.addFlashAttribute("email", email);
			return "redirect:/account#contact";
		}
		jdbc.sql("UPDATE enterprise SET contact_name = :name, contact_phone = :phone WHERE user_id = :user")
			.param("name", RegistrationRules.trim(contactName))
			.param("phone", newPhone)
			.param("user", user.userId())
			.update();
		String oldEmail = account.email();
		if (!Objects.equals(oldEmail, newEmail)) {
			accounts.changeEmail(user.userId(), oldEmail, newEmail);
		}
		// Who changed the account's contact, from what to what: a county asked for a
		// reset later can see that the phone it would call was changed, and when.
		audit.record(user.userId(), "ENTERPRISE_CONTACT_CHANGED", "enterprise:" + enterprise.id(),
				"name " + enterprise.contactName() + " -> " + RegistrationRules.trim(contactName) + "; phone "
						+ enterprise.contactPhone() + " -> " + newPhone + "; email " + oldEmail + " -> " + newEmail);
		LOG.info("Contact details changed by {}", user.userId());
		redirect.addFlashAttribute("notice", "联系方式已更新。");
		return "redirect:/account";
	}

}
