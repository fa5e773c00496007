package cn.liaocheng.renewal.review.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liaocheng.renewal.review.internal.HandledCases;
import cn.liaocheng.renewal.security.PortalUser;

/** 已办 and the reviewers' case search: only cases the reviewer or their body handled. */
@Controller
class HandledCasesController {

	private final HandledCases handled;

	HandledCasesController(HandledCases handled) {
		this.handled = handled;
	}

	@GetMapping("/review/handled")
	String handled(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "q", defaultValue = "") String query,
			Model model) {
		String q = query.length() > 64 ? query.substring(0, 64) : query;
		model.addAttribute("cases", handled.of(user, q));
		model.addAttribute("q", q);
		return "review/handled";
	}

}
