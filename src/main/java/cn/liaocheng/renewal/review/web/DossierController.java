package cn.liaocheng.renewal.review.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.AttachmentDownload;
import cn.liaocheng.renewal.application.AttachmentDownloads;
import cn.liaocheng.renewal.application.AttachmentPreview;
import cn.liaocheng.renewal.application.CaseProgress;
import cn.liaocheng.renewal.application.DossierDownloads;
import cn.liaocheng.renewal.application.DossierPrints;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.batch.ProjectLibrary;
import cn.liaocheng.renewal.decision.DecisionDownloads;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.document.Previews;
import cn.liaocheng.renewal.organization.Bank;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.organization.OrganizationCatalog.ReviewGroup;
import cn.liaocheng.renewal.review.access.CaseSight;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.review.history.OpinionSummaries;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.opinions.ReviewOpinions;
import cn.liaocheng.renewal.review.subsidy.ProposedSubsidies;
import cn.liaocheng.renewal.review.tasks.JointReviewUrges;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The dossier a reviewer opens from a Tasklist form: the application, where it stands (as
 * the enterprise's case page shows it), its equipment, its attachments and every opinion
 * so far, as a timeline. Only reviewers of the case (see {@link ReviewAccess}) get it;
 * others get 404, or, on the page itself, 403 when the project library lists the case to
 * them. What of it a reader sees is {@link CaseSight}'s: a bank not the lender sees no
 * competitor's opinion, terms or documents.
 */
@Controller
@RequestMapping("/review/applications")
class DossierController {

	private final ApplicationStages stages;

	private final ReviewAccess access;

	private final ReviewOpinions opinions;

	private final Decisions decisions;

	private final OrganizationCatalog organizations;

	private final DossierPrints prints;

	private final TaskOperations operations;

	private final PublicNotices notices;

	private final CaseProgress progress;

	private final Previews previews;

	private final OpinionSummaries summaries;

	private final ProjectLibrary library;

	private final JointReviewUrges urges;

	private final ProposedSubsidies proposedSubsidies;

	DossierController(ApplicationStages stages, ReviewAccess access, ReviewOpinions opinions, Decisions decisions,
			OrganizationCatalog organizations, DossierPrints prints, TaskOperations operations, PublicNotices notices,
			CaseProgress progress, Previews previews, OpinionSummaries summaries, ProjectLibrary library,
			JointReviewUrges urges, ProposedSubsidies proposedSubsidies) {
		this.proposedSubsidies = proposedSubsidies;
		this.urges = urges;
		this.library = library;
		this.summaries = summaries;
		this.previews = previews;
		this.notices = notices;
		this.progress = progress;
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
		CaseSight sight = sight(user, stages.facts(id));
		// A decision the reader may not see answers as one that does not exist.
		return decisions.allForApplication(id)
			.stream()
			.filter(d -> d.id() == decisionId && sight.decision(d.type()))
			.findFirst()
			.map(d -> DecisionDownloads.of(d, decisions.pdf(d.id())))
			.orElseThrow(ApplicationNotFoundException::new);
	}

	@GetMapping("/{id}")
	String dossier(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		if (!access.canRead(user, id)) {
			// The library leads here: whom it lists the case to is told why it does not
			// open.
			throw library.lists(user, id) ? new DossierRefusedException() : new ApplicationNotFoundException();
		}
		ApplicationDetail detail = stages.dossier(id);
		ReviewFacts facts = stages.facts(id);
		CaseSight sight = sight(user, facts);
		model.addAttribute("app", detail);
		model.addAttribute("history",
				detail.history()
					.stream()
					.filter(event -> sight.historyLine(event.actorName(), event.message()))
					.toList());
		model.addAttribute("facts", facts);
		model.addAttribute("subsidyProposal", proposedSubsidies.of(facts).orElse(null));
		model.addAttribute("sight", sight);
		model.addAttribute("standing", sight.standing(progress.of(detail).forReviewers()));
		Integer policyTask = facts.dossier() instanceof ProjectDossier project ? project.policyTask() : null;
		model.addAttribute("policyTask", PolicyTask.of(policyTask).orElse(null));
		model.addAttribute("opinions",
				opinions.forApplication(id).stream().filter(o -> sight.opinion(o.bodyGroup())).toList());
		model.addAttribute("operations", sight.operations() ? operations.history(id) : List.of());
		model.addAttribute("objections", notices.all(id));
		model.addAttribute("decisions",
				decisions.allForApplication(id).stream().filter(d -> sight.decision(d.type())).toList());
		List<String> banks = facts.dossier() instanceof LoanDossier loan ? loan.bankKeys() : List.of();
		model.addAttribute("bankNames", organizations.bankNames(sight.banksShown(banks)));
		model.addAttribute("jointUrges", urges.outstanding(user.userId(), id));
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
		CaseSight sight = sight(user, stages.facts(id));
		return DossierDownloads.of(detail, prints.reviewerPdf(detail, sight::banksShown));
	}

	/**
	 * 审核意见汇总表: the case's opinions, notice and decisions on one printable sheet, for the
	 * same readers as this page and with what they may see of it.
	 */
	@GetMapping("/{id}/opinions.pdf")
	ResponseEntity<byte[]> opinionSummary(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		requireAccess(user, id);
		ApplicationDetail detail = stages.dossier(id);
		ReviewFacts facts = stages.facts(id);
		return DossierDownloads.named("审核意见汇总表-" + detail.summary().referenceNo() + ".pdf",
				summaries.pdf(detail, facts, sight(user, facts)));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		requireAccess(user, id);
		AttachmentDownload file = stages.attachment(id, attachmentId);
		return AttachmentDownloads.of(file);
	}

	/**
	 * 预览: an attachment shown page by page as pictures in the browser, for the same
	 * readers as its download.
	 */
	@GetMapping("/{id}/attachments/{attachmentId}/view")
	String attachmentView(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId, Model model) {
		requireAccess(user, id);
		AttachmentPreview file = stages.attachmentPreview(id, attachmentId);
		return AttachmentDownloads.view(model, previews, file, stages.facts(id).referenceNo(),
				"/review/applications/" + id + "/attachments/" + attachmentId, "/review/applications/" + id, "卷宗");
	}

	@GetMapping("/{id}/attachments/{attachmentId}/preview")
	ResponseEntity<byte[]> attachmentPreview(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId, @RequestParam(defaultValue = "1") int page) {
		requireAccess(user, id);
		return AttachmentDownloads.page(previews, stages.attachmentPreview(id, attachmentId), page);
	}

	/** The reader's sight, from the case's facts and one read of the bank directory. */
	private CaseSight sight(PortalUser user, ReviewFacts facts) {
		List<String> banks = facts.dossier() instanceof LoanDossier loan ? loan.bankKeys() : List.of();
		Map<String, String> names = new LinkedHashMap<>();
		if (!banks.isEmpty()) {
			Map<String, String> directory = organizations.banks()
				.stream()
				.collect(Collectors.toMap(Bank::key, Bank::name));
			banks.forEach(bank -> names.put(bank, directory.getOrDefault(bank, bank)));
		}
		Map<String, String> bodies = user.isIn(GroupType.BANK) ? organizations.reviewGroups()
			.stream()
			.collect(Collectors.toMap(ReviewGroup::id, ReviewGroup::name, (a, b) -> a)) : Map.of();
		return CaseSight.of(user, facts.outcomes().grantedBankKey(), names, bodies);
	}

	/**
	 * Only readers of the case (see {@link ReviewAccess}) pass. Anyone else is told the
	 * case does not exist (404), as every door to a case's records answers, so that an id
	 * tells nothing of a case one cannot see. The dossier page alone, where the project
	 * library leads, tells a reader to whom the library lists the case anyway (a city
	 * body, a department of its county), and who so knows it exists, why it does not open
	 * (403).
	 */
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

	@ExceptionHandler(DossierRefusedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refused() {
		return "review/dossier-refused";
	}

	/** A case the reader sees listed in the library but may not open. */
	static final class DossierRefusedException extends RuntimeException {

		DossierRefusedException() {
			super("无权查看该案件卷宗", null, false, false);
		}

	}

}
