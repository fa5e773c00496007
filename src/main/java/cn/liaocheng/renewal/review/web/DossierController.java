package cn.liaocheng.renewal.review.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.AttachmentDownload;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.review.opinions.ReviewOpinions;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The dossier a reviewer opens from a Tasklist form: the application, its equipment, its
 * attachments and every opinion so far, as a timeline. Only reviewers of the case (see
 * {@link ReviewAccess}) get it; others get 404.
 */
@Controller
@RequestMapping("/review/applications")
class DossierController {

	private final ApplicationStages stages;

	private final ReviewAccess access;

	private final ReviewOpinions opinions;

	private final cn.liaocheng.renewal.decision.Decisions decisions;

	private final OrganizationCatalog organizations;

	private final cn.liaocheng.renewal.application.DossierPrints prints;

	private final TaskOperations operations;

	DossierController(ApplicationStages stages, ReviewAccess access, ReviewOpinions opinions,
			cn.liaocheng.renewal.decision.Decisions decisions, OrganizationCatalog organizations,
			cn.liaocheng.renewal.application.DossierPrints prints, TaskOperations operations) {
		this.prints = prints;
		this.operations = operations;
		this.stages = stages;
		this.access = access;
		this.opinions = opinions;
		this.decisions = decisions;
		this.organizations = organizations;
	}

	@GetMapping("/{id}/decisions/{decisionId}")
	ResponseEntity<byte[]> decision(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long decisionId) {
		requireAccess(user, id);
		cn.liaocheng.renewal.decision.IssuedDecision decision = decisions.allForApplication(id)
			.stream()
			.filter(d -> d.id() == decisionId)
			.findFirst()
			.orElseThrow(ApplicationNotFoundException::new);
		return cn.liaocheng.renewal.decision.DecisionDownloads.of(decision, decisions.pdf(decisionId));
	}

	@GetMapping("/{id}")
	String dossier(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		requireAccess(user, id);
		ApplicationDetail detail = stages.dossier(id);
		model.addAttribute("app", detail);
		model.addAttribute("facts", stages.facts(id));
		Integer policyTask = detail.dossier() instanceof ProjectDossier project ? project.policyTask() : null;
		model.addAttribute("policyTask", PolicyTask.of(policyTask).orElse(null));
		model.addAttribute("opinions", opinions.forApplication(id));
		model.addAttribute("operations", operations.history(id));
		model.addAttribute("decisions", decisions.allForApplication(id));
		List<String> banks = detail.dossier() instanceof LoanDossier loan ? loan.bankKeys() : List.of();
		model.addAttribute("bankNames", organizations.bankNames(banks));
		return "review/dossier";
	}

	/**
	 * The submitted dossier as the printable PDF the enterprise gets, for the same
	 * reviewers as this page; its QR code leads here.
	 */
	@GetMapping("/{id}/dossier.pdf")
	ResponseEntity<byte[]> dossierPdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		requireAccess(user, id);
		ApplicationDetail detail = stages.dossier(id);
		return cn.liaocheng.renewal.application.DossierDownloads.of(detail, prints.reviewerPdf(detail));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		requireAccess(user, id);
		AttachmentDownload file = stages.attachment(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", file.sha256())
			.body(file.bytes());
	}

	private void requireAccess(PortalUser user, long id) {
		if (!access.canRead(user, id)) {
			throw new ApplicationNotFoundException();
		}
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
