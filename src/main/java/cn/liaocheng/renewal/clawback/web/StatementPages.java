package cn.liaocheng.renewal.clawback.web;

import java.io.IOException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.clawback.internal.ClawbackRefused;
import cn.liaocheng.renewal.clawback.internal.PriorNotices;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The enterprise's answer to a clawback's prior notice on its case page: a statement
 * (陈述、申辩) or an express waiver, for its own application only, within the period, once. A
 * refusal comes back in the page's clawback section, with the statement as typed; nothing
 * is half-saved.
 */
@Controller
class StatementPages {

	/**
	 * The refusal's reason, shown in the clawback section the answer returns to rather
	 * than at the top of a long page.
	 */
	private static final String ERROR = "clawbackError";

	private final Applications applications;

	private final PriorNotices notices;

	StatementPages(Applications applications, PriorNotices notices) {
		this.applications = applications;
		this.notices = notices;
	}

	@PostMapping("/enterprise/applications/{id}/clawback/statement")
	String state(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String statement, RedirectAttributes redirect) {
		ownCase(user, id);
		try {
			notices.state(id, user, statement);
			redirect.addFlashAttribute("notice", "陈述、申辩意见已提交，市工业和信息化局将复核后作出决定。");
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute(ERROR, e.getMessage());
			redirect.addFlashAttribute("clawbackStatement", statement);
		}
		return "redirect:/enterprise/applications/" + id + "#clawback";
	}

	@PostMapping("/enterprise/applications/{id}/clawback/waiver")
	String waive(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		ownCase(user, id);
		try {
			notices.waive(id, user);
			redirect.addFlashAttribute("notice", "已记录您放弃陈述、申辩，将依告知的内容作出决定。");
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute(ERROR, e.getMessage());
		}
		return "redirect:/enterprise/applications/" + id + "#clawback";
	}

	private void ownCase(PortalUser user, long id) {
		if (!user.isIn(GroupType.ENTERPRISE)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "只有申报企业本身可以陈述、申辩");
		}
		applications.detail(user, id);
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(404);
	}

	/** Refusals before anything was tried: not this enterprise's door. */
	@ExceptionHandler(ClawbackRefused.class)
	void refused(ClawbackRefused e, HttpServletResponse response) throws IOException {
		response.sendError(e.reason() == ClawbackRefused.Reason.FORBIDDEN ? 403 : 404);
	}

}
