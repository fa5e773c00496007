package cn.liaocheng.renewal.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.internal.ApplicationStore;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.organization.Bank;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * What an enterprise does with its applications: drafts, edits, submits, withdraws and
 * follows them. Every call names the user; an application that is not the user's
 * enterprise's is "not found", whatever its id.
 */
@Service
public class Applications {

	/** The name the equipment list template is downloaded under. */
	public static final String EQUIPMENT_TEMPLATE_NAME = EquipmentTemplate.FILE_NAME;

	/**
	 * What a disabled enterprise is told when it tries anything but to read or withdraw.
	 */
	static final String DISABLED_REFUSAL = "企业账户已停用，不能新建、修改或提交申报，也不能上传附件、接受贷款或办理验收、整改、绩效报告等后续事项（仍可查看和撤回申报）。如有疑问请联系所在县（市、区）工业和信息化局。";

	private final ApplicationStore store;

	private final EnterpriseRegistry enterprises;

	private final OrganizationCatalog organizations;

	private final ObjectProvider<SubmissionGate> gates;

	public Applications(ApplicationStore store, EnterpriseRegistry enterprises, OrganizationCatalog organizations,
			ObjectProvider<SubmissionGate> gates) {
		this.store = store;
		this.enterprises = enterprises;
		this.organizations = organizations;
		this.gates = gates;
	}

	@Transactional(readOnly = true)
	public List<ApplicationSummary> list(PortalUser user) {
		return store.list(enterpriseOf(user));
	}

	/**
	 * Saves a new draft. {@code creationKey} identifies the request (the portal puts one
	 * in each form, API clients send an Idempotency-Key): the same key again returns the
	 * draft made the first time.
	 */
	@Transactional
	public long createDraft(PortalUser user, ApplicationKind kind, DossierForm form, String creationKey) {
		Enterprise enterprise = actingEnterpriseOf(user);
		Dossier dossier = validator(kind, DossierValidator.Mode.DRAFT).validate(form);
		store.checkProjectReference(enterprise, dossier);
		checkFunding(enterprise, null, dossier);
		return store.createDraft(enterprise, user, dossier, requireKey("creationKey", creationKey));
	}

	@Transactional
	public void updateDraft(PortalUser user, long id, DossierForm form, Integer expectedVersion) {
		updateDraft(user, id, form, expectedVersion, false);
	}

	/**
	 * The same; with {@code repeatIsSaved} (the portal's form), a stale version whose
	 * contents are those stored already (保存 clicked twice) is answered as saved instead
	 * of refused. API clients keep the strict If-Match answer their documentation states.
	 */
	@Transactional
	public void updateDraft(PortalUser user, long id, DossierForm form, Integer expectedVersion,
			boolean repeatIsSaved) {
		Enterprise enterprise = actingEnterpriseOf(user);
		ApplicationKind kind = store.detail(enterprise, id).summary().kind();
		Dossier dossier = validator(kind, DossierValidator.Mode.DRAFT).validate(form);
		store.checkProjectReference(enterprise, dossier);
		checkFunding(enterprise, id, dossier);
		store.updateDraft(enterprise, user, id, dossier, expectedVersion, repeatIsSaved);
	}

	/**
	 * Replaces the equipment lines of a draft or a dossier returned for correction with
	 * those of an uploaded equipment list (.xlsx, or .csv), after the same checks as
	 * lines typed in the portal. Any problem, in a cell or with the file, refuses the
	 * whole file and names every problem by row and column; nothing is saved then.
	 * Another enterprise's application is "not found", and no file is looked at before
	 * the application is known to be the user's and editable; of a file, no more than the
	 * size limit and one byte is read.
	 * @return how many lines the dossier now holds
	 */
	@Transactional
	public int importEquipment(PortalUser user, long id, String fileName, InputStreamSource file,
			Integer expectedVersion) {
		Enterprise enterprise = actingEnterpriseOf(user);
		ApplicationDetail current = store.detail(enterprise, id);
		ApplicationKind kind = current.summary().kind();
		if (kind == ApplicationKind.LOAN) {
			throw new ApplicationStateException("贷款申请没有设备明细，不能导入设备清单。");
		}
		if (!current.summary().status().editable()) {
			throw new ApplicationStateException("申报当前状态为“" + current.summary().status().label() + "”，不能修改设备明细。");
		}
		store.requireCorrectionOpen(id, current.summary().status());
		// Replacing every line would change what the open correction settled: refused
		// before the file is read, as the resubmission would refuse it.
		if (store.settledInCorrection(enterprise, id).contains(SettledPart.INVOICES)) {
			throw new ApplicationStateException(
					"本次补正不能修改设备明细及发票：" + SettledPart.INVOICES.why() + "，补正后不再重新审核，不能导入设备清单替换；确需修改的，请撤回本申报后重新申报。");
		}
		EquipmentImport.Read read = EquipmentImport.read(kind, fileName, bounded(file));
		DossierForm form = DossierForms.of(current.dossier());
		form.setEquipment(read.lines());
		Dossier dossier = null;
		List<FieldProblem> checked = List.of();
		try {
			dossier = validator(kind, DossierValidator.Mode.DRAFT).validate(form);
			checked = store.fundingProblems(enterprise, id, dossier);
		}
		catch (DossierInvalidException e) {
			checked = e.problems();
		}
		List<FieldProblem> problems = read.with(checked);
		if (!problems.isEmpty()) {
			throw new DossierInvalidException(problems);
		}
		store.checkProjectReference(enterprise, dossier);
		// The other fields are those of the version read above: without a version from
		// the caller, that one is expected, so an edit saved meanwhile is refused as a
		// conflict rather than silently undone.
		store.updateDraft(enterprise, user, id, dossier,
				expectedVersion != null ? expectedVersion : Integer.valueOf(current.version()), false);
		return read.lines().size();
	}

	private static byte[] bounded(InputStreamSource file) {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(EquipmentImport.MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** 设备清单模板.xlsx for a kind of application with equipment lines. */
	public static byte[] equipmentTemplate(ApplicationKind kind) {
		return EquipmentTemplate.xlsx(kind);
	}

	@Transactional(readOnly = true)
	public ApplicationDetail detail(PortalUser user, long id) {
		Enterprise enterprise = enterpriseOf(user);
		ApplicationDetail detail = store.detail(enterprise, id);
		List<FieldProblem> missing = detail.summary().status().editable() ? submissionProblems(detail) : List.of();
		return new ApplicationDetail(detail.summary(), detail.enterpriseId(), detail.enterpriseName(),
				detail.divisionCode(), detail.version(), detail.dossier(), detail.projectTitle(), detail.attachments(),
				detail.history(), missing, detail.outcomes(), detail.declaration(), detail.invoiceWarnings());
	}

	/**
	 * The application's reference number, for pages that name the case and show nothing
	 * else of it; empty before its first submission. Another enterprise's application is
	 * "not found", as in {@link #detail}.
	 */
	@Transactional(readOnly = true)
	public Optional<String> referenceNo(PortalUser user, long id) {
		return store.referenceNo(enterpriseOf(user), id);
	}

	/**
	 * Submits a draft or a corrected dossier into review, with the
	 * {@link IntegrityDeclaration} the user confirmed ({@code declarationConfirmed});
	 * without it the submission is refused and who confirmed when is recorded with it.
	 * Submitting twice (a double click, a retried request) changes nothing the second
	 * time and answers with the application as it stands.
	 */
	@Transactional
	public ApplicationSummary submit(PortalUser user, long id, boolean declarationConfirmed) {
		return submit(user, id, declarationConfirmed, null, null);
	}

	/**
	 * The same, with the version of the declaration's wording the user was shown
	 * ({@code null}: not said, taken as the current one): a confirmation of another
	 * wording than the one in force is refused, as the record keeps the version confirmed
	 * and later measures (the negative list) rest on its clauses. With
	 * {@code dossierVersion} (the version of the dossier the user reviewed before
	 * confirming; {@code null}: not said), a dossier saved since, in another tab or by a
	 * colleague, is refused rather than submitted unseen.
	 */
	@Transactional
	public ApplicationSummary submit(PortalUser user, long id, boolean declarationConfirmed, String declarationVersion,
			Integer dossierVersion) {
		Enterprise enterprise = actingEnterpriseOf(user);
		ApplicationDetail current = store.detailForUpdate(enterprise, id);
		ApplicationStatus status = current.summary().status();
		if (status == ApplicationStatus.APPROVED || status.endedWithoutAward()) {
			// Ended meanwhile (withdrawn in another tab, lapsed at its deadline): said,
			// not answered as if the submission had gone in.
			throw new ApplicationStateException("该申报已办结（" + status.label() + "），不能再提交"
					+ (status == ApplicationStatus.APPROVED ? "。" : "。如需申报，请新建申报。"));
		}
		if (!status.editable()) {
			return current.summary();
		}
		if (dossierVersion != null && dossierVersion != current.version()) {
			throw new ApplicationStateException("申报材料已在其他窗口或由其他人修改，请刷新页面核对后再提交。");
		}
		if (!declarationConfirmed) {
			throw new DossierInvalidException(List.of(new FieldProblem("declaration", IntegrityDeclaration.REQUIRED)));
		}
		if (declarationVersion != null && !IntegrityDeclaration.VERSION.equals(declarationVersion)) {
			throw new DossierInvalidException(List.of(new FieldProblem("declaration",
					"诚信承诺的文本已更新（现行版本 " + IntegrityDeclaration.VERSION + "），请重新阅读并确认后再提交")));
		}
		if (enterprise.status() != EnterpriseStatus.ACTIVE) {
			throw new ApplicationStateException("企业账户尚未激活，暂不能提交申报。请联系所在县（市、区）工业和信息化局激活账户。");
		}
		if (current.summary().status() == ApplicationStatus.DRAFT) {
			SubmissionGate.Attempt attempt = new SubmissionGate.Attempt(id, current.summary().kind(), enterprise.id(),
					enterprise.creditCode().toString(), enterprise.divisionCode());
			gates.orderedStream()
				.map(gate -> gate.refusal(attempt))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent(reason -> {
					throw new ApplicationStateException(reason);
				});
		}
		List<FieldProblem> problems = submissionProblems(current);
		problems.addAll(store.fundingProblems(enterprise, id, current.dossier()));
		if (!problems.isEmpty()) {
			throw new DossierInvalidException(problems);
		}
		return store.submit(enterprise, user, current);
	}

	/**
	 * Whether the enterprise may withdraw its application now (see
	 * {@link ApplicationStore#withdrawable}); another enterprise's is "not found".
	 */
	@Transactional(readOnly = true)
	public boolean withdrawable(PortalUser user, long id) {
		return store.withdrawable(enterpriseOf(user), id);
	}

	/**
	 * What a resubmission of the correction may not change (see
	 * {@link ApplicationStore#settledInCorrection}); another enterprise's is "not found".
	 */
	@Transactional(readOnly = true)
	public List<SettledPart> settledInCorrection(PortalUser user, long id) {
		return store.settledInCorrection(enterpriseOf(user), id);
	}

	/**
	 * Open to a disabled enterprise too (see {@link #actingEnterpriseOf}): taking its
	 * application back is for its own protection.
	 */
	@Transactional
	public void withdraw(PortalUser user, long id) {
		user.requirePerson("撤回申报");
		store.withdraw(enterpriseOf(user), user, id);
	}

	/**
	 * The enterprise accepts one bank's grant of its loan; see
	 * {@link ApplicationStore#acceptLoanOffer}.
	 */
	@Transactional
	public void acceptLoanOffer(PortalUser user, long id, String bankKey) {
		user.requirePerson("接受银行贷款");
		store.acceptLoanOffer(actingEnterpriseOf(user), user, id, bankKey);
	}

	/** The banks' decisions on the enterprise's own loan application. */
	@Transactional(readOnly = true)
	public List<LoanOffer> loanOffers(PortalUser user, long id) {
		store.detail(enterpriseOf(user), id);
		return store.loanOffers(id);
	}

	@Transactional
	public void deleteDraft(PortalUser user, long id) {
		store.deleteDraft(actingEnterpriseOf(user), id);
	}

	@Transactional
	public AttachmentView addAttachment(PortalUser user, long id, AttachmentCategory category, String fileName,
			byte[] content) {
		return addAttachment(user, id, category, fileName, content, null);
	}

	/**
	 * Adds an attachment. With an {@code uploadKey} (the portal puts one in each upload
	 * form, API clients send an Idempotency-Key) the same key again returns the
	 * attachment stored the first time and stores nothing; the same key with another file
	 * or category is refused, because that is a client bug, not a re-send.
	 */
	@Transactional
	public AttachmentView addAttachment(PortalUser user, long id, AttachmentCategory category, String fileName,
			byte[] content, String uploadKey) {
		String key = uploadKey == null ? null : requireKey("Idempotency-Key", uploadKey);
		return store.addAttachment(actingEnterpriseOf(user), user, id, category, fileName, content, key);
	}

	@Transactional
	public void removeAttachment(PortalUser user, long id, long attachmentId) {
		store.removeAttachment(actingEnterpriseOf(user), user, id, attachmentId);
	}

	@Transactional(readOnly = true)
	public AttachmentPreview attachmentPreview(PortalUser user, long id, long attachmentId) {
		return store.attachmentPreview(enterpriseOf(user), id, attachmentId);
	}

	@Transactional(readOnly = true)
	public AttachmentDownload attachment(PortalUser user, long id, long attachmentId) {
		return store.attachment(enterpriseOf(user), id, attachmentId);
	}

	/**
	 * The enterprise's registered projects a subsidy or loan application may refer to, by
	 * id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> registeredProjects(PortalUser user) {
		return store.approvedProjects(enterpriseOf(user));
	}

	/**
	 * A registered project's equipment lines as form lines, for a subsidy claim to start
	 * from: names, models, quantities, prices and origins; invoice fields are left for
	 * the enterprise. Another enterprise's project is refused like an unregistered one.
	 */
	@Transactional(readOnly = true)
	public List<EquipmentLineForm> projectEquipment(PortalUser user, long projectId) {
		return store.projectEquipment(enterpriseOf(user), projectId).stream().map(DossierForms::line).toList();
	}

	/** The dossier as a form, for editing. */
	public static DossierForm formOf(Dossier d) {
		return DossierForms.of(d);
	}

	private List<FieldProblem> submissionProblems(ApplicationDetail detail) {
		List<FieldProblem> problems = new ArrayList<>(
				validator(detail.summary().kind(), DossierValidator.Mode.SUBMISSION)
					.submissionProblems(detail.dossier()));
		Set<AttachmentCategory> present = detail.attachments()
			.stream()
			.map(AttachmentView::category)
			.collect(Collectors.toSet());
		for (AttachmentCategory category : AttachmentCategory.values()) {
			if (category.requiredFor(detail.summary().kind()) && !present.contains(category)) {
				problems.add(new FieldProblem("attachments", "请上传" + category.label()));
			}
		}
		return problems;
	}

	private DossierValidator validator(ApplicationKind kind, DossierValidator.Mode mode) {
		Set<String> banks = organizations.banks()
			.stream()
			.filter(Bank::active)
			.map(Bank::key)
			.collect(Collectors.toSet());
		return new DossierValidator(kind, mode, banks, LocalDate.now(ApplicationStore.CHINA));
	}

	private void checkFunding(Enterprise enterprise, Long id, Dossier dossier) {
		List<FieldProblem> problems = store.fundingProblems(enterprise, id, dossier);
		if (!problems.isEmpty()) {
			throw new DossierInvalidException(problems);
		}
	}

	/**
	 * Another module's act on the enterprise's own case (the after-award steps), under
	 * the rule of {@link #actingEnterpriseOf}: another enterprise's case is "not found".
	 * The enterprise's row stays locked until the caller's transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requireMayAct(PortalUser user, long id) {
		store.referenceNo(actingEnterpriseOf(user), id);
	}

	/**
	 * Why the user's enterprise may not act on its applications (the rule of
	 * {@link #actingEnterpriseOf}, read without a lock), for the pages to say so instead
	 * of offering what would be refused; empty for an active or pending enterprise and
	 * for an account that is no enterprise's.
	 */
	public Optional<String> actingRefusal(PortalUser user) {
		return enterprises.findByUser(user.userId()).filter(e -> !e.status().mayAct()).map(e -> DISABLED_REFUSAL);
	}

	/**
	 * The enterprise of a user about to write a dossier or move a case on, its row locked
	 * until the transaction ends (see {@link EnterpriseRegistry#lockByUser}). A disabled
	 * enterprise can log in and read, withdraw an application and answer a clawback, but
	 * does nothing else: no draft, edit, attachment, submission, correction, loan
	 * acceptance or after-award step. A pending one keeps drafts (a few, see
	 * {@link ApplicationStore#createDraft}) and submits nothing ({@link #submit}).
	 */
	private Enterprise actingEnterpriseOf(PortalUser user) {
		Enterprise enterprise = enterprises.lockByUser(user.userId())
			.orElseThrow(() -> new ApplicationStateException("当前账户不是企业账户，不能办理申报。"));
		if (!enterprise.status().mayAct()) {
			throw new ApplicationStateException(DISABLED_REFUSAL);
		}
		return enterprise;
	}

	private Enterprise enterpriseOf(PortalUser user) {
		return enterprises.findByUser(user.userId())
			.orElseThrow(() -> new ApplicationStateException("当前账户不是企业账户，不能办理申报。"));
	}

	private static String requireKey(String field, String key) {
		if (key == null || !key.matches("[A-Za-z0-9-]{8,64}")) {
			throw new DossierInvalidException(List.of(new FieldProblem(field, "请求缺少有效的防重复提交标识，请刷新页面后重试")));
		}
		return key;
	}

}
