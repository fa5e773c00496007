package cn.liaocheng.renewal.enterprise.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.liaocheng.renewal.enterprise.internal.CountyEnterprises.Change;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The county industry bureau's page of enterprise accounts, where it activates or
 * disables them and resets a forgotten password.
 */
@Controller
@RequestMapping("/county/enterprises")
class CountyEnterpriseController {

	private final CountyEnterprises enterprises;

	private final EnterprisePasswordResets resets;

	CountyEnterpriseController(CountyEnterprises enterprises, EnterprisePasswordResets resets) {
		this.enterprises = enterprises;
		this.resets = resets;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, @RequestParam Optional<String> division, Model model) {
		Optional<String> chosen = division.filter(d -> !d.isBlank());
		List<EnterpriseListing> listed = enterprises.visibleTo(user, chosen);
		model.addAttribute("enterprises", listed);
		model.addAttribute("temporaryPasswords", resets.outstandingAmong(listed));
		model.addAttribute("divisions", enterprises.divisionsOf(user));
		model.addAttribute("division", chosen.orElse(""));
		model.addAttribute("everywhere", user.isAdministrator());
		model.addAttribute("resetAllowed", resets.mayReset(user));
		return "enterprise/county-enterprises";
	}

	@PostMapping("/{id}/activate")
	String activate(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		Change change = enterprises.activate(user, id);
		redirect.addFlashAttribute("message", (change.changed() ? "已激活：" : "该企业账户此前已激活：") + change.enterprise().name());
		return "redirect:/county/enterprises";
	}

	@PostMapping("/{id}/reject")
	String reject(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		Change change = enterprises.reject(user, id, reason);
		redirect.addFlashAttribute("message",
				(change.changed() ? "已驳回注册：" : "该注册此前已驳回：") + change.enterprise().name() + "，其统一社会信用代码可重新注册");
		return "redirect:/county/enterprises";
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		Change change = enterprises.disable(user, id);
		redirect.addFlashAttribute("message", (change.changed() ? "已停用：" : "该企业账户此前已停用：") + change.enterprise().name());
		return "redirect:/county/enterprises";
	}

	/**
	 * The temporary password is shown in the answer to this very post, once: never in a
	 * redirect's address or a flash attribute (which would keep it in the stored
	 * session). Spring Security's headers keep the page out of every cache.
	 */
	@PostMapping("/{id}/password-reset")
	String resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String verification, Model model) {
		model.addAttribute("reset", resets.reset(user, id, verification));
		return "enterprise/password-reset";
	}

	/**
	 * A refused change goes back to the list with its reason (an exception handler gets
	 * no {@code RedirectAttributes}, so the reason goes into the outgoing flash map).
	 */
	@ExceptionHandler(AccountChangeRefused.class)
	String refused(AccountChangeRefused refused, HttpServletRequest request) {
		RequestContextUtils.getOutputFlashMap(request).put("error", refused.getMessage());
		return "redirect:/county/enterprises";
	}

}
