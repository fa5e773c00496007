package cn.liaocheng.renewal.application.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.AttachmentDownloads;
import cn.liaocheng.renewal.application.AttachmentPreview;
import cn.liaocheng.renewal.application.CasePageSection;
import cn.liaocheng.renewal.application.CaseProgress;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.application.DossierDownloads;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.application.DossierPrints;
import cn.liaocheng.renewal.application.EquipmentLineForm;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.PendingActions;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.application.SettledPart;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.SubsidyEstimates;
import cn.liaocheng.renewal.decision.DecisionDownloads;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.document.Previews;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.operations.UploadMemory;
import cn.liaocheng.renewal.organization.Bank;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The enterprise's application pages: list, dossier form, detail with attachments and
 * history.
 */
@Controller
@RequestMapping("/enterprise/applications")
class ApplicationPortalController {

	private static final int SPARE_LINES = 3;

	private final Applications applications;

	private final OrganizationCatalog organizations;

	private final ObjectProvider<SubsidyEstimates> estimates;

	private final Decisions decisions;

	private final ObjectProvider<CaseProgress> progress;

	private final DossierPrints prints;

	private final ObjectProvider<CasePageSection> sections;

	private final Previews previews;

	private final PendingActions pendingActions;

	private final UploadMemory uploadMemory;

	ApplicationPortalController(Applications applications, OrganizationCatalog organizations,
			ObjectProvider<SubsidyEstimates> estimates, Decisions decisions, ObjectProvider<CaseProgress> progress,
			DossierPrints prints, ObjectProvider<CasePageSection> sections, Previews previews,
			PendingActions pendingActions, UploadMemory uploadMemory) {
		this.uploadMemory = uploadMemory;
		this.previews = previews;
		this.pendingActions = pendingActions;
		this.sections = sections;
		this.applications = applications;
		this.organizations = organizations;
		this.estimates = estimates;
		this.decisions = decisions;
		this.progress = progress;
		this.prints = prints;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("applications", applications.list(user));
		model.addAttribute("pendingActions", pendingActions.of(user));
		model.addAttribute("kinds", ApplicationKind.values());
		model.addAttribute("accountRefusal", applications.actingRefusal(user).orElse(null));
		return "applications/list";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) ApplicationKind kind,
			Model model, RedirectAttributes redirect) {
		if (kind == null) {
			redirect.addFlashAttribute("error", "请先选择要新建的申报类型：项目入库、奖补资金或技术改造再贷款。");
			return "redirect:/enterprise/applications";
		}
		Optional<String> refusal = applications.actingRefusal(user);
		if (refusal.isPresent()) {
			redirect.addFlashAttribute("error", refusal.get());
			return "redirect:/enterprise/applications";
		}
		return form(user, model, kind, null, new DossierForm(), UUID.randomUUID().toString(), List.of(), 0);
	}

	@PostMapping
	String create(@AuthenticationPrincipal PortalUser user, @RequestParam ApplicationKind kind,
			@RequestParam String creationKey, @RequestParam(defaultValue = "save") String action,
			@ModelAttribute("dossier") DossierForm dossier, Model model, RedirectAttributes redirect) {
		// Shown again (more lines, the project's lines, a refusal), the form holds what
		// was typed and is not saved: the page asks before it is left.
		model.addAttribute("typedNotSaved", true);
		if ("addLines".equals(action)) {
			return form(user, model, kind, null, dossier, creationKey, List.of(), SPARE_LINES);
		}
		if ("projectLines".equals(action)) {
			return form(user, model, kind, null, dossier, creationKey, withProjectLines(user, dossier), 0);
		}
		try {
			long id = applications.createDraft(user, kind, dossier, creationKey);
			redirect.addFlashAttribute("notice", "草稿已保存。请上传附件，核对无误后提交。");
			return "redirect:/enterprise/applications/" + id;
		}
		catch (DossierInvalidException e) {
			return form(user, model, kind, null, dossier, creationKey, e.problems(), 0);
		}
		catch (ApplicationStateException e) {
			// Refused for the account's state (say, its drafts before activation): what
			// was typed stays on the page.
			model.addAttribute("notSaved", e.getMessage());
			return form(user, model, kind, null, dossier, creationKey, List.of(), 0);
		}
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		ApplicationDetail detail = applications.detail(user, id);
		model.addAttribute("app", detail);
		model.addAttribute("categories", AttachmentCategory.offeredFor(detail.summary().kind()));
		// One key per rendered upload form: a double click or a browser re-send stores
		// the file once.
		model.addAttribute("uploadKey", UUID.randomUUID().toString());
		Integer policyTask = detail.dossier() instanceof ProjectDossier project ? project.policyTask() : null;
		model.addAttribute("policyTask", PolicyTask.of(policyTask).orElse(null));
		List<String> banks = detail.dossier() instanceof LoanDossier loan ? loan.bankKeys() : List.of();
		model.addAttribute("bankNames", banks.stream().map(this::bankName).toList());
		if (detail.summary().kind() == ApplicationKind.LOAN) {
			model.addAttribute("loanOffers", applications.loanOffers(user, id));
			model.addAttribute("bankNameOf", (Function<String, String>) this::bankName);
		}
		estimates
			.ifAvailable(e -> e.estimate(detail).ifPresent(amount -> model.addAttribute("subsidyEstimate", amount)));
		model.addAttribute("decisions", decisions.allForApplication(id));
		CaseStanding standing = progress.stream().findFirst().map(p -> p.of(detail)).orElse(CaseStanding.none());
		model.addAttribute("standing", standing);
		// A disabled enterprise reads, withdraws and answers a clawback; the page offers
		// nothing else (the service refuses it either way) and asks for nothing else.
		String refusal = applications.actingRefusal(user).orElse(null);
		model.addAttribute("accountRefusal", refusal);
		model.addAttribute("badge",
				standing.needsAction() && refusal == null ? "badge-action" : detail.summary().status().badge());
		model.addAttribute("withdrawable", applications.withdrawable(user, id));
		settled(user, id, model);
		model.addAttribute("declarationText", IntegrityDeclaration.TEXT);
		model.addAttribute("declarationVersion", IntegrityDeclaration.VERSION);
		Outcomes o = detail.outcomes();
		model.addAttribute("grantedBank", o.grantedBankKey() == null ? null : bankName(o.grantedBankKey()));
		// Other modules' sections (after the award: payment, acceptance, performance; a
		// clawback), in a stable order.
		model.addAttribute("sections",
				sections.orderedStream().map(section -> section.of(detail)).flatMap(Optional::stream).toList());
		return "applications/detail";
	}

	/**
	 * The enterprise's own signed decision; another enterprise's id gets 404 like
	 * everything else here.
	 */
	@GetMapping("/{id}/decisions/{decisionId}")
	ResponseEntity<byte[]> decision(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long decisionId) {
		applications.detail(user, id);
		return DecisionDownloads.ofApplication(decisions, id, decisionId)
			.orElseThrow(ApplicationNotFoundException::new);
	}

	/**
	 * The submitted dossier, printable; another enterprise's id gets 404 like everything
	 * else here.
	 */
	@GetMapping("/{id}/dossier.pdf")
	ResponseEntity<byte[]> dossierPdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		ApplicationDetail detail = applications.detail(user, id);
		return DossierDownloads.of(detail, prints.pdf(detail));
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		ApplicationDetail detail = applications.detail(user, id);
		Optional<String> refusal = applications.actingRefusal(user);
		if (refusal.isPresent()) {
			redirect.addFlashAttribute("error", refusal.get());
			return "redirect:/enterprise/applications/" + id;
		}
		return form(user, model, detail.summary().kind(), detail, Applications.formOf(detail.dossier()), null,
				List.of(), 0);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(defaultValue = "save") String action, @ModelAttribute("dossier") DossierForm dossier,
			Model model, RedirectAttributes redirect) {
		ApplicationDetail detail = applications.detail(user, id);
		// Shown again, the form keeps the version the enterprise started editing from, so
		// that a save over someone else's change in between is still refused.
		model.addAttribute("editedVersion", version);
		model.addAttribute("typedNotSaved", true);
		if ("addLines".equals(action)) {
			return form(user, model, detail.summary().kind(), detail, dossier, null, List.of(), SPARE_LINES);
		}
		if ("projectLines".equals(action)) {
			return form(user, model, detail.summary().kind(), detail, dossier, null, withProjectLines(user, dossier),
					0);
		}
		try {
			applications.updateDraft(user, id, dossier, version, true);
			redirect.addFlashAttribute("notice", "修改已保存。");
			return "redirect:/enterprise/applications/" + id;
		}
		catch (DossierInvalidException e) {
			return form(user, model, detail.summary().kind(), detail, dossier, null, e.problems(), 0);
		}
		catch (ApplicationStateException e) {
			// Changed meanwhile in another window, or no longer editable: what was typed
			// stays on the page, with the reason.
			model.addAttribute("notSaved", e.getMessage());
			return form(user, model, detail.summary().kind(), detail, dossier, null, List.of(), 0);
		}
	}

	@PostMapping("/{id}/submit")
	String submit(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean declarationConfirmed,
			@RequestParam(required = false) String declarationVersion,
			@RequestParam(name = "version", required = false) Integer version, RedirectAttributes redirect) {
		try {
			ApplicationDetail read = applications.detail(user, id);
			ApplicationStatus before = read.summary().status();
			ApplicationSummary after = applications.submit(user, id, declarationConfirmed, declarationVersion, version);
			if (before == ApplicationStatus.DRAFT) {
				String county = organizations.division(read.divisionCode())
					.map(d -> d.name() + "工业和信息化局")
					.orElse("所在县（市、区）工业和信息化局");
				redirect.addFlashAttribute("notice", "申报已提交，等待" + county + "形式审查（一般在 5 个工作日内办理）。");
			}
			else if (before == ApplicationStatus.CORRECTION) {
				redirect.addFlashAttribute("notice", "补正材料已重新提交，申报回到退回补正的审核环节继续办理。");
			}
			else {
				// sent again after it went in (a second click, a stale tab)
				redirect.addFlashAttribute("notice", "该申报此前已提交，当前状态：" + after.status().label() + "。");
			}
		}
		catch (DossierInvalidException e) {
			redirect.addFlashAttribute("problems", e.problems());
		}
		catch (ApplicationStateException e) {
			// Changed meanwhile in another window, or no longer submittable: the page
			// again, as it now stands, with the reason.
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/enterprise/applications/" + id;
	}

	/** The enterprise takes one bank's grant; the other banks' reviews close. */
	@PostMapping("/{id}/loan-offers/{bankKey}/accept")
	String acceptLoanOffer(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable String bankKey, RedirectAttributes redirect) {
		applications.acceptLoanOffer(user, id, bankKey);
		redirect.addFlashAttribute("notice", "已接受" + bankName(bankKey) + "的贷款，系统将据此测算财政贴息，由市财政局核定后出具贴息决定。");
		return "redirect:/enterprise/applications/" + id;
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		applications.withdraw(user, id);
		redirect.addFlashAttribute("notice", "申报已撤回。");
		return "redirect:/enterprise/applications/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		applications.deleteDraft(user, id);
		redirect.addFlashAttribute("notice", "草稿已删除。");
		return "redirect:/enterprise/applications";
	}

	@PostMapping("/{id}/attachments")
	String upload(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) AttachmentCategory category, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String uploadKey, RedirectAttributes redirect) throws IOException {
		// The case is the caller's before its file is read into memory, and read only
		// with room for it on this node (UploadMemory).
		applications.referenceNo(user, id);
		try (UploadMemory.Held held = uploadMemory.hold(file)) {
			String stored = applications
				.addAttachment(user, id, category, file.getOriginalFilename(), file.getBytes(), uploadKey)
				.fileName();
			redirect.addFlashAttribute("notice", "附件《" + stored + "》已上传。");
		}
		catch (DossierInvalidException e) {
			redirect.addFlashAttribute("uploadProblems", e.problems());
		}
		catch (UploadMemory.Busy e) {
			redirect.addFlashAttribute("uploadProblems", List.of(new FieldProblem("file", e.getMessage())));
		}
		// The next file is usually of the same kind (a run of invoices, of contracts):
		// the form offers the category just used again, not the first of the list.
		redirect.addFlashAttribute("lastCategory", category);
		return "redirect:/enterprise/applications/" + id + "#attachments";
	}

	/**
	 * 设备清单模板.xlsx for the kind of application (project or subsidy); the page offers it
	 * next to the import.
	 */
	@GetMapping("/equipment-template")
	ResponseEntity<byte[]> equipmentTemplate(@RequestParam ApplicationKind kind) {
		return EquipmentTemplates.download(kind);
	}

	/**
	 * Replaces the equipment lines with those of an uploaded list; every problem comes
	 * back on the page by row and column, and nothing is saved then.
	 */
	@PostMapping("/{id}/equipment-import")
	String importEquipment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) {
		try {
			int lines = applications.importEquipment(user, id, file.getOriginalFilename(), file, version);
			redirect.addFlashAttribute("notice",
					"已从《" + file.getOriginalFilename() + "》导入 " + lines + " 条设备明细，原有设备明细已被替换。请核对下方设备明细。");
			return "redirect:/enterprise/applications/" + id + "#equipment-lines";
		}
		catch (DossierInvalidException e) {
			redirect.addFlashAttribute("importProblems", e.problems());
			return "redirect:/enterprise/applications/" + id + "#equipment-import";
		}
	}

	@PostMapping("/{id}/attachments/{attachmentId}/delete")
	String removeAttachment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId, RedirectAttributes redirect) {
		applications.removeAttachment(user, id, attachmentId);
		redirect.addFlashAttribute("notice", "附件已删除。");
		return "redirect:/enterprise/applications/" + id + "#attachments";
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return AttachmentDownloads.of(applications.attachment(user, id, attachmentId));
	}

	/** 预览: the enterprise reads its own attachment page by page, as its reviewers do. */
	@GetMapping("/{id}/attachments/{attachmentId}/view")
	String attachmentView(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId, Model model) {
		AttachmentPreview file = applications.attachmentPreview(user, id, attachmentId);
		String base = "/enterprise/applications/" + id + "/attachments/" + attachmentId;
		return AttachmentDownloads.view(model, previews, file, applications.referenceNo(user, id).orElse(null), base,
				"/enterprise/applications/" + id + "#attachments", "申报详情");
	}

	@GetMapping("/{id}/attachments/{attachmentId}/preview")
	ResponseEntity<byte[]> attachmentPreview(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId, @RequestParam(defaultValue = "1") int page) {
		return AttachmentDownloads.page(previews, applications.attachmentPreview(user, id, attachmentId), page);
	}

	/**
	 * What a resubmission of the open correction may not change, for the case page and
	 * the edit form: the parts with why, their names for marking the sections, and the
	 * attachment categories that can be neither uploaded nor deleted.
	 */
	private void settled(PortalUser user, Long id, Model model) {
		List<SettledPart> settled = id == null ? List.of() : applications.settledInCorrection(user, id);
		model.addAttribute("settled", settled);
		model.addAttribute("settledNames", settled.stream().map(SettledPart::name).toList());
		model.addAttribute("settledCategories", settled.stream().flatMap(part -> part.attachments().stream()).toList());
	}

	private String form(PortalUser user, Model model, ApplicationKind kind, ApplicationDetail existing,
			DossierForm dossier, String creationKey, List<FieldProblem> problems, int extraLines) {
		List<EquipmentLineForm> lines = new ArrayList<>(dossier.getEquipment());
		int spare = Math.max(kind == ApplicationKind.LOAN ? 0 : SPARE_LINES - lines.size(), 0) + extraLines;
		for (int i = 0; i < spare; i++) {
			lines.add(new EquipmentLineForm());
		}
		dossier.setEquipment(lines);
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
		model.addAttribute("dossier", dossier);
		model.addAttribute("kind", kind);
		model.addAttribute("existing", existing);
		settled(user, existing == null ? null : existing.summary().id(), model);
		model.addAttribute("creationKey", creationKey);
		model.addAttribute("errors", errors);
		model.addAttribute("problems", problems);
		model.addAttribute("policyTasks", PolicyTask.values());
		model.addAttribute("banks", organizations.banks().stream().filter(Bank::active).toList());
		model.addAttribute("projects",
				kind == ApplicationKind.PROJECT ? Map.of() : applications.registeredProjects(user));
		return "applications/form";
	}

	/**
	 * Adds the chosen registered project's equipment lines to the form, after the lines
	 * already filled in and without repeating one (same name and model); nothing is saved
	 * until the enterprise saves. A project that is not one of the enterprise's
	 * registered projects comes back as a problem next to the field.
	 */
	private List<FieldProblem> withProjectLines(PortalUser user, DossierForm dossier) {
		Long projectId;
		try {
			projectId = dossier.getProjectId() == null || dossier.getProjectId().isBlank() ? null
					: Long.valueOf(dossier.getProjectId().strip());
		}
		catch (NumberFormatException e) {
			projectId = null;
		}
		if (projectId == null) {
			return List.of(new FieldProblem("projectId", "请先选择已入库项目，再带入其设备明细"));
		}
		try {
			List<EquipmentLineForm> lines = new ArrayList<>(
					dossier.getEquipment().stream().filter(l -> !l.isBlank()).toList());
			for (EquipmentLineForm line : applications.projectEquipment(user, projectId)) {
				boolean present = lines.stream()
					.anyMatch(l -> Objects.equals(l.getName(), line.getName())
							&& Objects.equals(l.getModel(), line.getModel()));
				if (!present) {
					lines.add(line);
				}
			}
			dossier.setEquipment(lines);
			return List.of();
		}
		catch (DossierInvalidException e) {
			return e.problems();
		}
	}

	private String bankName(String key) {
		return key == null ? null : organizations.bankName(key);
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/**
	 * Turns state conflicts on these pages into a message on the page the user came from.
	 */
	@ExceptionHandler(ApplicationStateException.class)
	String conflict(ApplicationStateException e, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", e.getMessage());
		String uri = request.getRequestURI();
		String target = uri.replaceAll("^(/enterprise/applications/\\d+).*$", "$1");
		return "redirect:" + (target.equals(uri) && !uri.matches("^/enterprise/applications/\\d+$")
				? "/enterprise/applications" : target);
	}

}
