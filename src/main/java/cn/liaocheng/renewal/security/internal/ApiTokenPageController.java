package cn.liaocheng.renewal.security.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The enterprise's "API 令牌" page: create (the token is shown in the answer to the form,
 * once, and never put into the session, which is stored in the database), list and
 * revoke.
 */
@Controller
@RequestMapping("/enterprise/api-tokens")
class ApiTokenPageController {

	/** The create forms this session has already sent: each creates one token. */
	static final String FORMS_USED = ApiTokenPageController.class.getName() + ".formsUsed";

	private static final int FORMS_KEPT = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ApiTokens.BEIJING);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ApiTokens.BEIJING);

	private final ApiTokens tokens;

	private final ApiTokenHolders holders;

	ApiTokenPageController(ApiTokens tokens, ApiTokenHolders holders) {
		this.tokens = tokens;
		this.holders = holders;
	}

	record Row(long id, String name, String hint, String createdAt, String expiresOn, String lastUsedAt,
			boolean expired) {
	}

	@GetMapping
	String page(@AuthenticationPrincipal PortalUser user, Model model) {
		return render(user, model, "", "");
	}

	/**
	 * Creates a token and shows it in this very answer, once. The same form again (a
	 * refresh of the answer, a second click) creates no second token: it says the first
	 * was created.
	 */
	@PostMapping
	String create(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String expiresOn, @RequestParam(defaultValue = "") String form,
			Model model, HttpServletResponse response, HttpSession session) {
		response.setHeader("Cache-Control", "no-store");
		LinkedHashSet<String> used = usedForms(session);
		if (!form.isBlank() && used.contains(form.strip())) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", "这个创建表单已经提交过，令牌已创建，令牌值只在创建时显示一次，本次未再创建。如未记下令牌值，请在下方列表中撤销该令牌后重新创建。");
			return render(user, model, "", "");
		}
		try {
			LocalDate expiry = expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
			ApiTokens.Issued issued = tokens.create(user, name, expiry);
			if (!form.isBlank()) {
				used.add(form.strip());
				while (used.size() > FORMS_KEPT) {
					used.remove(used.iterator().next());
				}
				session.setAttribute(FORMS_USED, used);
			}
			model.addAttribute("newToken", issued.token());
			model.addAttribute("newTokenName", issued.view().name());
			return render(user, model, "", "");
		}
		catch (DateTimeParseException e) {
			model.addAttribute("error", "有效期格式不正确，请按“年-月-日”填写，例如 2027-06-30");
		}
		catch (ApiTokens.RefusedException e) {
			response.setStatus(e.status().value());
			model.addAttribute("error", e.getMessage());
		}
		if (response.getStatus() < 400) {
			response.setStatus(400);
		}
		return render(user, model, name, expiresOn);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (tokens.revoke(user, id)) {
			redirect.addFlashAttribute("notice", "令牌已撤销，使用它的请求从现在起会被拒绝。");
		}
		else {
			redirect.addFlashAttribute("error", "没有找到这个令牌，可能已经撤销。");
		}
		return "redirect:/enterprise/api-tokens";
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashSet<String> usedForms(HttpSession session) {
		Object kept = session.getAttribute(FORMS_USED);
		return kept instanceof LinkedHashSet<?> set ? (LinkedHashSet<String>) set : new LinkedHashSet<>();
	}

	private String render(PortalUser user, Model model, String name, String expiresOn) {
		byte[] form = new byte[12];
		RANDOM.nextBytes(form);
		model.addAttribute("createForm", Base64.getUrlEncoder().withoutPadding().encodeToString(form));
		List<Row> rows = tokens.list(user.userId())
			.stream()
			.map(t -> new Row(t.id(), t.name(), t.hint(), TIME.format(t.createdAt()),
					t.expiresAt() == null ? "长期有效" : DAY.format(t.expiresAt().minusSeconds(1)),
					t.lastUsedAt() == null ? "从未使用" : TIME.format(t.lastUsedAt()), t.expired()))
			.toList();
		model.addAttribute("tokens", rows);
		model.addAttribute("cap", ApiTokens.CAP);
		model.addAttribute("name", name);
		model.addAttribute("expiresOn", expiresOn);
		model.addAttribute("ineligible", holders.refusal(user).orElse(null));
		return "enterprise/api-tokens";
	}

}
