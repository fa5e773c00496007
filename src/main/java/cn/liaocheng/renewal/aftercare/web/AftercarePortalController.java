package cn.liaocheng.renewal.aftercare.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.PerformanceReport;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.AttachmentDownloads;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.operations.UploadMemory;
import cn.liaocheng.renewal.security.PortalUser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The enterprise's forms after the award, shown in the “项目后续管理” section of its case page:
 * apply for acceptance, send rectification material, report performance; and its evidence
 * files. Each answer goes back to the case page.
 */
@Controller
@RequestMapping("/enterprise/applications/{id}/aftercare")
class AftercarePortalController {

	private final EnterpriseSteps steps;

	private final UploadMemory uploadMemory;

	AftercarePortalController(EnterpriseSteps steps, UploadMemory uploadMemory) {
		this.steps = steps;
		this.uploadMemory = uploadMemory;
	}

	@PostMapping("/acceptance")
	String applyForAcceptance(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) String statement, HttpServletRequest request, RedirectAttributes redirect) {
		return done(user, id, request, redirect, typed("acceptance", "statement", statement),
				"验收申请已提交，等待所在县（市、区）工业和信息化局初核。", () -> steps.applyForAcceptance(user, id, statement, Uploads.of(request,
						Set.of("statement"), Set.of("commissioning", "photos", "finalAccounts", "other"))));
	}

	@PostMapping("/rectification")
	String submitRectification(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) String statement, HttpServletRequest request, RedirectAttributes redirect) {
		return done(user, id, request, redirect, typed("rectification", "statement", statement),
				"整改材料已提交，等待市工业和信息化局复核验收。", () -> steps.submitRectification(user, id, statement,
						Uploads.of(request, Set.of("statement"), Set.of("rectification", "other"))));
	}

	@PostMapping("/performance")
	String reportPerformance(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) String outputValue, @RequestParam(required = false) String energySaving,
			@RequestParam(required = false) String efficiencyGrade,
			@RequestParam(required = false) String digitalIndicators, @RequestParam(required = false) String statement,
			HttpServletRequest request, RedirectAttributes redirect) {
		Map<String, String> typed = typed("performance", "outputValue", outputValue, "energySaving", energySaving,
				"efficiencyGrade", efficiencyGrade, "digitalIndicators", digitalIndicators, "statement", statement);
		return done(user, id, request, redirect, typed, "绩效自评已报送，等待市工业和信息化局评价。", () -> steps.reportPerformance(user, id,
				new PerformanceReport(outputValue, energySaving, efficiencyGrade, digitalIndicators, statement),
				Uploads.of(request,
						Set.of("outputValue", "energySaving", "efficiencyGrade", "digitalIndicators", "statement"),
						Set.of("other"))));
	}

	@GetMapping("/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long evidenceId) {
		return AttachmentDownloads.of(steps.evidence(user, id, evidenceId));
	}

	/**
	 * What the enterprise typed into one of the forms ({@code form}, then field and value
	 * pairs), shown again in that form when the submission is refused, so that nothing
	 * written is lost (files cannot be chosen again for the browser).
	 */
	private static Map<String, String> typed(String form, String... fieldsAndValues) {
		Map<String, String> typed = new HashMap<>();
		typed.put("form", form);
		for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
			if (fieldsAndValues[i + 1] != null) {
				typed.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
			}
		}
		return typed;
	}

	/**
	 * Runs a submission, its files read only once the case is known to be the caller's,
	 * and with room for them on this node ({@link UploadMemory}); answers with the case
	 * page, where a refusal is shown with what was typed.
	 */
	private String done(PortalUser user, long id, HttpServletRequest request, RedirectAttributes redirect,
			Map<String, String> typed, String notice, Runnable action) {
		steps.requireOwnCase(user, id);
		try (UploadMemory.Held held = uploadMemory.hold(request)) {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (UploadMemory.Busy e) {
			redirect.addFlashAttribute("aftercareError", e.getMessage());
			redirect.addFlashAttribute("aftercareTyped", typed);
		}
		catch (DossierInvalidException e) {
			redirect.addFlashAttribute("aftercareProblems", e.problems());
			redirect.addFlashAttribute("aftercareTyped", typed);
		}
		catch (ApplicationStateException e) {
			// Shown in the section the answer returns to, not at the top of a long page.
			redirect.addFlashAttribute("aftercareError", e.getMessage());
			redirect.addFlashAttribute("aftercareTyped", typed);
		}
		return "redirect:/enterprise/applications/" + id + "#aftercare";
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
