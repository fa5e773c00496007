package cn.liaocheng.renewal.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.liaocheng.renewal.application.PendingActions;
import cn.liaocheng.renewal.batch.ApplicationWindows;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.PendingRegistrations;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.tasklist.WaitingTasks;

/**
 * The start page. A stranger learns what the programme funds, who may apply and how, and
 * whom to call; a logged-in user sees what they can do here, and staff the way into
 * Tasklist, Cockpit and Admin.
 */
@Controller
class HomeController {

	private final EnterpriseRegistry enterprises;

	private final OrganizationCatalog organizations;

	private final ApplicationWindows windows;

	private final WaitingTasks waitingTasks;

	private final PendingActions pendingActions;

	private final PendingRegistrations pendingRegistrations;

	HomeController(EnterpriseRegistry enterprises, OrganizationCatalog organizations, ApplicationWindows windows,
			WaitingTasks waitingTasks, PendingActions pendingActions, PendingRegistrations pendingRegistrations) {
		this.pendingRegistrations = pendingRegistrations;
		this.pendingActions = pendingActions;
		this.enterprises = enterprises;
		this.organizations = organizations;
		this.windows = windows;
		this.waitingTasks = waitingTasks;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal PortalUser user, Model model) {
		// The published notice of application windows (申报批次): for strangers and
		// enterprises alike.
		model.addAttribute("windows", windows.published());
		if (user == null) {
			model.addAttribute("bureaus", organizations.industryBureaus());
			return "welcome";
		}
		model.addAttribute("managesWindows", ApplicationWindows.mayManage(user));
		model.addAttribute("seesLibrary",
				user.isAdministrator() || user.isIn(GroupType.CITY) || user.isIn(GroupType.COUNTY));
		model.addAttribute("user", user);
		model.addAttribute("isEnterprise", user.isIn(GroupType.ENTERPRISE));
		boolean reviewer = isReviewer(user);
		model.addAttribute("isStaff", reviewer || user.isAdministrator());
		model.addAttribute("isAdministrator", user.isAdministrator());
		if (reviewer) {
			// What waits in Tasklist, as its filters count it: Tasklist itself shows the
			// number of the selected filter only.
			model.addAttribute("waiting", waitingTasks.of(user.userId(), user.groupIds()));
		}
		model.addAttribute("activatesEnterprises", pendingRegistrations.activatesAny(user));
		model.addAttribute("pendingRegistrations", pendingRegistrations.count(user));
		enterprises.findByUser(user.userId()).ifPresent(e -> {
			model.addAttribute("enterprise", e);
			// Everything that waits for the enterprise, first on the page it lands on.
			model.addAttribute("pendingActions", pendingActions.of(user));
			if (e.status() != EnterpriseStatus.ACTIVE) {
				organizations.industryBureau(e.divisionCode()).ifPresent(b -> model.addAttribute("bureau", b));
			}
		});
		return "home";
	}

	/**
	 * A member of a review body (county, city, bank): the staff who work in Tasklist;
	 * staff are these and administrators.
	 */
	private static boolean isReviewer(PortalUser user) {
		return user.isIn(GroupType.COUNTY) || user.isIn(GroupType.CITY) || user.isIn(GroupType.BANK);
	}

}
