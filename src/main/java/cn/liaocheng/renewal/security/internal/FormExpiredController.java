package cn.liaocheng.renewal.security.internal;

import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page a form with an expired token lands on ({@link FormExpiredHandler}): what
 * happened, and the same form again with what the user typed, to be sent once more. The
 * fresh token is fetched just before sending, so that a login in another window in
 * between (which replaces the token) does not make the second try fail too.
 */
@Controller
class FormExpiredController {

	static final String PATH = "/form-expired";

	@RequestMapping(PATH)
	String page(HttpServletRequest request, Authentication authentication, Model model) {
		Object fields = request.getAttribute(FormExpiredHandler.KEPT_FIELDS);
		Object target = request.getAttribute(FormExpiredHandler.TARGET);
		model.addAttribute("fields", fields instanceof List<?> list ? list : List.of());
		model.addAttribute("target", target instanceof String t ? t : null);
		model.addAttribute("hadFile", Boolean.TRUE.equals(request.getAttribute(FormExpiredHandler.HAD_FILE)));
		model.addAttribute("loggedIn", loggedIn(authentication));
		return "form-expired";
	}

	/**
	 * The caller's current token, for the page's script; a page of another site cannot
	 * read it (same-origin policy).
	 */
	@GetMapping(PATH + "/token")
	@ResponseBody
	Map<String, Object> token(HttpServletRequest request, Authentication authentication) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return Map.of("parameterName", token.getParameterName(), "token", token.getToken(), "loggedIn",
				loggedIn(authentication));
	}

	private static boolean loggedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
