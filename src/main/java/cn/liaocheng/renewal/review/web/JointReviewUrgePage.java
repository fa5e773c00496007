package cn.liaocheng.renewal.review.web;

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
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.JointReviewUrges;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The dossier page's 催办联审单位 form: the same rule as {@code POST
 * /api/review/applications/{id}/joint-review-urges}, answered on the dossier page in
 * Chinese.
 */
@Controller
class JointReviewUrgePage {

	private final ReviewAccess access;

	private final JointReviewUrges urges;

	JointReviewUrgePage(ReviewAccess access, JointReviewUrges urges) {
		this.access = access;
		this.urges = urges;
	}

	@PostMapping("/review/applications/{id}/joint-review-urges")
	String urge(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		if (!access.canRead(user, id)) {
			throw new ApplicationNotFoundException();
		}
		try {
			JointReviewUrges.Urged urged = urges.urge(user.userId(), id, body, reason);
			redirect.addFlashAttribute("urgeNotice", "已催办" + urged.bodyName() + "「" + urged.taskName() + "」"
					+ (urged.claimed() ? "，办理人会收到提醒。" : "，该单位全体人员会收到提醒。"));
		}
		catch (HandOverException e) {
			redirect.addFlashAttribute("urgeError", "未能催办：" + e.getMessage());
			redirect.addFlashAttribute("urgeBody", body);
			redirect.addFlashAttribute("urgeReason", reason);
		}
		return "redirect:/review/applications/" + id + "#joint-review-urges";
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
