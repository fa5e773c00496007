package cn.liaocheng.renewal.security.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Reviewers, bank officers and administrators change their own password here (an
 * enterprise does on its account page). Camunda's profile page cannot do it for them:
 * they only read their own identity record ({@link StaffAuthorizationProvider}). The
 * rules are the enterprise page's: the current password checked as a login, the password
 * policy, a confirmation; the identity provider ends the account's other sessions and
 * audits the change as the holder's ({@link PasswordChangeEndsSessions}). The account is
 * always the signed-in user's; no request names one.
 */
@Controller
@RequestMapping(StaffPasswordController.PATH)
class StaffPasswordController {

	static final String PATH = "/me/password";

	/** What the policy's user-data rule forbids in a staff account's password. */
	private static final String USER_DATA = "登录用户名、账户姓名（单位、职务）或电子邮箱";

	private static final Logger LOG = LoggerFactory.getLogger(StaffPasswordController.class);

	private final Accounts accounts;

	StaffPasswordController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String page(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("account", accounts.account(user.userId()).orElseThrow());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "security/password";
	}

	@PostMapping
	String change(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, RedirectAttributes redirect) {
		Accounts.Account account = accounts.account(user.userId()).orElseThrow();
		List<String> unmet = newPassword.isEmpty() ? List.of()
				: accounts.unmetPasswordRules(newPassword, account).stream().map(r -> r.inChinese(USER_DATA)).toList();
		Map<String, String> errors = accounts.ownPasswordChangeProblems(user.userId(), currentPassword, newPassword,
				confirmPassword, unmet);
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("errors", errors);
			return "redirect:" + PATH;
		}
		// Also ends the account's sessions elsewhere, whoever holds them; this one stays.
		accounts.changePassword(user.userId(), newPassword);
		LOG.info("Password changed by its user {}", user.userId());
		redirect.addFlashAttribute("notice", "密码已修改，已退出该账户在其他设备上的登录（包括其他浏览器中的任务处理）；下次登录请使用新密码。");
		return "redirect:" + PATH;
	}

}
