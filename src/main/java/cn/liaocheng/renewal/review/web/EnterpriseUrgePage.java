package cn.liaocheng.renewal.review.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.review.tasks.HandOver;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The case page's 催办 form: the same rule as {@code POST /api/applications/{id}/urge} (the
 * enterprise's own case, once a working day, with a reason), answered on the case page in
 * Chinese.
 */
@Controller
class EnterpriseUrgePage {

	private final Applications applications;

	private final TaskOperations operations;

	EnterpriseUrgePage(Applications applications, TaskOperations operations) {
		this.applications = applications;
		this.operations = operations;
	}

	@PostMapping("/enterprise/applications/{id}/urge")
	String urge(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		applications.detail(user, id); // 404 unless the case is the enterprise's own
		try {
			List<HandOver> reached = operations.urgeAsEnterprise(user.userId(), user.displayName(), id, reason);
			redirect.addFlashAttribute("notice",
					"已催办：" + String.join("、",
							reached.stream().map(h -> h.bodyName() + "「" + h.taskName() + "」").distinct().toList())
							+ "。办理部门会收到提醒。");
		}
		catch (HandOverException e) {
			redirect.addFlashAttribute("error", "未能催办：" + e.getMessage());
			redirect.addFlashAttribute("urgeReason", reason);
		}
		return "redirect:/enterprise/applications/" + id + "#urge";
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
