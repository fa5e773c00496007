package cn.liaocheng.renewal.enterprise.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

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

import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.enterprise.internal.CountyEnterprises.Change;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The county industry bureau's page of enterprise accounts, where it activates or
 * disables them and resets a forgotten password.
 */
@Controller
@RequestMapping("/county/enterprises")
class CountyEnterpriseController {

	/**
	 * The reset forms (list page shown, enterprise) whose password the session has
	 * already reset: a refresh of the answer posts the same form again and must not reset
	 * a second time, which would take away the password just read out to the enterprise.
	 */
	static final String RESET_FORMS_USED = CountyEnterpriseController.class.getName() + ".resetFormsUsed";

	private static final int RESET_FORMS_KEPT = 100;

	/** Marks a used reset form whose password went to the enterprise by text message. */
	private static final String SENT_BY_TEXT = ":sms";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CountyEnterprises enterprises;

	private final EnterprisePasswordResets resets;

	CountyEnterpriseController(CountyEnterprises enterprises, EnterprisePasswordResets resets) {
		this.enterprises = enterprises;
		this.resets = resets;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, @RequestParam Optional<String> division,
			@RequestParam(name = "q", defaultValue = "") String query, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Optional<String> chosen = division.filter(d -> !d.isBlank());
		String q = query.length() > 64 ? query.substring(0, 64) : query;
		ResultPage<EnterpriseListing> found = enterprises.search(user, chosen, q, page, CountyEnterprises.PAGE_SIZE);
		List<EnterpriseListing> listed = found.items();
		model.addAttribute("enterprises", listed);
		model.addAttribute("found", found);
		model.addAttribute("q", q);
		model.addAttribute("temporaryPasswords", resets.outstandingAmong(listed));
		model.addAttribute("divisions", enterprises.divisionsOf(user));
		model.addAttribute("division", chosen.orElse(""));
		model.addAttribute("everywhere", user.isAdministrator());
		model.addAttribute("resetAllowed", resets.mayReset(user));
		byte[] form = new byte[12];
		RANDOM.nextBytes(form);
		model.addAttribute("resetForm", Base64.getUrlEncoder().withoutPadding().encodeToString(form));
		return "enterprise/county-enterprises";
	}

	@PostMapping("/{id}/activate")
	String activate(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		Change change = enterprises.activate(user, id);
		redirect.addFlashAttribute("message", (change.changed() ? "已激活：" : "该企业账户此前已激活：") + change.enterprise().name());
		return changed(change);
	}

	@PostMapping("/{id}/reject")
	String reject(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		Change change = enterprises.reject(user, id, reason);
		redirect.addFlashAttribute("message",
				(change.changed() ? "已驳回注册：" : "该注册此前已驳回：") + change.enterprise().name() + "，其统一社会信用代码可重新注册");
		return changed(change);
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		Change change = enterprises.disable(user, id, reason);
		redirect.addFlashAttribute("message", (change.changed() ? "已停用：" : "该企业账户此前已停用：") + change.enterprise().name());
		return changed(change);
	}

	/**
	 * The temporary password is shown in the answer to this very post, once: never in a
	 * redirect's address or a flash attribute (which would keep it in the stored
	 * session). Spring Security's headers keep the page out of every cache.
	 */
	@PostMapping("/{id}/password-reset")
	String resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String verification, @RequestParam(defaultValue = "") String form,
			Model model, HttpSession session, RedirectAttributes redirect) {
		String used = form.isBlank() ? null : form.strip() + ":" + id;
		LinkedHashSet<String> usedForms = usedResetForms(session);
		if (used != null && usedForms.contains(used + SENT_BY_TEXT)) {
			redirect.addFlashAttribute("error",
					"该账户的临时密码已用短信发送给企业，刷新或重复提交不会再次重置。" + "如企业确未收到短信，请重新核验身份后在列表中再次重置（原临时密码随之失效）。");
			return "redirect:/county/enterprises";
		}
		if (used != null && usedForms.contains(used)) {
			redirect.addFlashAttribute("error",
					"该账户的临时密码已在上一页显示过，刷新或重复提交不会再次重置。" + "如经办人确未记下临时密码，请重新核验身份后在列表中再次重置（原临时密码随之失效）。");
			return "redirect:/county/enterprises";
		}
		EnterprisePasswordResets.Reset reset = resets.reset(user, id, verification);
		model.addAttribute("reset", reset);
		if (used != null) {
			usedForms.add(reset.sentTo() == null ? used : used + SENT_BY_TEXT);
			while (usedForms.size() > RESET_FORMS_KEPT) {
				usedForms.remove(usedForms.iterator().next());
			}
			session.setAttribute(RESET_FORMS_USED, usedForms);
		}
		return "enterprise/password-reset";
	}

	/**
	 * Back to the list showing the account just changed (found by its credit code), with
	 * the message: it may lie on another page of the whole list.
	 */
	private static String changed(Change change) {
		return "redirect:/county/enterprises?q="
				+ URLEncoder.encode(change.enterprise().creditCode(), StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashSet<String> usedResetForms(HttpSession session) {
		Object kept = session.getAttribute(RESET_FORMS_USED);
		return kept instanceof LinkedHashSet<?> set ? (LinkedHashSet<String>) set : new LinkedHashSet<>();
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
