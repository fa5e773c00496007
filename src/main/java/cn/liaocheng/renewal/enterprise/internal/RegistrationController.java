package cn.liaocheng.renewal.enterprise.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.liaocheng.renewal.enterprise.internal.EnterpriseSignUp.Outcome;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * The public registration page. After success it redirects to itself (the only path open
 * to strangers) and shows the confirmation once, so that reloading the page does not
 * register again.
 */
@Controller
class RegistrationController {

	private static final String REGISTERED = "registered";

	private final EnterpriseSignUp signUp;

	private final OrganizationCatalog catalog;

	RegistrationController(EnterpriseSignUp signUp, OrganizationCatalog catalog) {
		this.signUp = signUp;
		this.catalog = catalog;
	}

	@GetMapping("/register")
	String form(Model model) {
		if (model.getAttribute(REGISTERED) instanceof RegisteredEnterprise) {
			return "enterprise/registered";
		}
		return form(model, RegistrationRequest.empty(), Map.of());
	}

	@PostMapping("/register")
	String register(@ModelAttribute RegistrationRequest request, Model model, RedirectAttributes redirect,
			HttpServletRequest http, HttpServletResponse response) {
		Outcome outcome = signUp.register(request, http.getRemoteAddr());
		if (outcome instanceof Outcome.Registered registered) {
			redirect.addFlashAttribute(REGISTERED,
					RegisteredEnterprise.of(registered.enterprise(), catalog, registered.moved()));
			return "redirect:/register";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Relocation relocation = null;
		if (outcome instanceof Outcome.Rejected rejected) {
			rejected.problems().forEach(p -> errors.put(p.field(), p.message()));
			relocation = rejected.relocation();
		}
		else if (outcome instanceof Outcome.Throttled throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("refusal", throttled.message());
		}
		model.addAttribute("relocation", relocation);
		return form(model, request.withoutPasswords(), errors);
	}

	/**
	 * The form; with a {@code relocation} in the model, it asks beside the county whether
	 * the enterprise moved there, keeping the answer given.
	 */
	private String form(Model model, RegistrationRequest form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("divisions", catalog.divisions());
		return "enterprise/register";
	}

}
