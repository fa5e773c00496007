package cn.liaocheng.renewal.security.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpSession;

/** The one login page of the system, in Chinese. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication, HttpSession session, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		Object message = session.getAttribute(LoginFailureHandler.MESSAGE);
		if (message != null) {
			session.removeAttribute(LoginFailureHandler.MESSAGE);
			model.addAttribute("errorMessage", message);
		}
		return "login";
	}

}
