package cn.liaocheng.renewal.aftercare.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.liaocheng.renewal.aftercare.internal.CaseReaders;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.AttachmentDownloads;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * What the acceptance and evaluation tasks link to: the case's payments, the enterprise's
 * submissions with their files, and the findings so far, for the bodies that handle (or
 * handled) a step of the case.
 */
@Controller
@RequestMapping("/review/aftercare/{id}")
class AftercareReviewController {

	private final CaseReaders readers;

	AftercareReviewController(CaseReaders readers) {
		this.readers = readers;
	}

	@GetMapping
	String page(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", readers.view(user, id));
		model.addAttribute("applicationId", id);
		return "aftercare/review";
	}

	@GetMapping("/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long evidenceId) {
		return AttachmentDownloads.of(readers.evidence(user, id, evidenceId));
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
