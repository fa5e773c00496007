package cn.liaocheng.renewal.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/** The start page: what this user can do here, and the way into Tasklist, Cockpit and Admin for staff. */
@Controller
class HomeController {

	private final EnterpriseRegistry enterprises;

	HomeController(EnterpriseRegistry enterprises) {
		this.enterprises = enterprises;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("isEnterprise", user.isIn(GroupType.ENTERPRISE));
		model.addAttribute("isStaff", user.isIn(GroupType.COUNTY) || user.isIn(GroupType.CITY)
				|| user.isIn(GroupType.BANK) || user.isAdministrator());
		model.addAttribute("isAdministrator", user.isAdministrator());
		enterprises.findByUser(user.userId()).ifPresent(e -> model.addAttribute("enterprise", e));
		return "home";
	}

}
