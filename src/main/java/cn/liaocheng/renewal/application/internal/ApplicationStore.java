package cn.liaocheng.renewal.application.internal;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.OwnedDraft;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.AttachmentDownload;
import cn.liaocheng.renewal.application.AttachmentPreview;
import cn.liaocheng.renewal.application.AttachmentView;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.CaseReviews;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.application.SubmittedBanks;
import cn.liaocheng.renewal.application.DossierChanges;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.application.InterestSubsidyAssessment;
import cn.liaocheng.renewal.application.InvoiceChecks;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ProjectLoans;
import cn.liaocheng.renewal.application.SettledPart;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.application.internal.ApplicationRepository.FiledAttachment;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.document.FileContent;
import cn.liaocheng.renewal.document.FileStore;
import cn.liaocheng.renewal.document.FileType;
import cn.liaocheng.renewal.document.Previews;
import cn.liaocheng.renewal.document.StoredFile;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The state changes behind {@link cn.liaocheng.renewal.application.Applications}, each
 * run inside the caller's transaction so that the dossier, its files, its history, the
 * audit trail and the engine change together.
 */
@Component
public class ApplicationStore {

	public static final ZoneId CHINA = ReferenceNumbers.CHINA;

	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	static final long MAX_DOSSIER_BYTES = 50L * 1024 * 1024;

	/** How many drafts an account not yet activated may keep. */
	static final int DRAFTS_BEFORE_ACTIVATION = 5;

	/**
	 * How many drafts an activated enterprise may keep at once
	 * ({@code renewal.applications.drafts-at-most}, 20 unless configured): more than a
	 * year's applications of one enterprise, few enough that drafts and their files (up
	 * to {@link #MAX_DOSSIER_BYTES} each) cannot fill the shared database.
	 */
	private final int draftsAtMost;

	private final ApplicationEventPublisher events;

	private final ApplicationRepository repository;

	private final ReferenceNumbers references;

	private final CaseReviews reviews;

	private final FileStore files;

	private final AuditTrail audit;

	private final FundingClaims funding;

	private final LoanOffers loanOffers;

	private final OrganizationCatalog organizations;

	private final CollidingInserts inserts;

	ApplicationStore(ApplicationRepository repository, ReferenceNumbers references, CaseReviews reviews,
			FileStore files, AuditTrail audit, FundingClaims funding, LoanOffers loanOffers,
			OrganizationCatalog organizations, ApplicationEventPublisher events, CollidingInserts inserts,
			@Value("${renewal.applications.drafts-at-most:20}") int draftsAtMost) {
		this.draftsAtMost = draftsAtMost;
		this.events = events;
		this.inserts = inserts;
		this.repository = repository;
		this.references = references;
		this.reviews = reviews;
		this.files = files;
		this.audit = audit;
		this.funding = funding;
		this.loanOffers = loanOffers;
		this.organizations = organizations;
	}

	public List<ApplicationSummary> drafts(long enterpriseId) {
		return repository.submittableDraftsOf(enterpriseId);
	}

	public List<OwnedDraft> submittableDrafts(ApplicationKind kind) {
		return repository.submittableDraftsOfKind(kind);
	}

	public boolean stillDraft(long applicationId) {
		return repository.lockDraft(applicationId);
	}

	public List<ApplicationSummary> list(Enterprise enterprise) {
		return repository.listOwned(enterprise.id());
	}

	public Map<Long, String> approvedProjects(Enterprise enterprise) {
		return repository.approvedProjects(enterprise.id());
	}

	/**
	 * A subsidy or loan must refer to one of the enterprise's own registered projects.
	 */
	public void checkProjectReference(Enterprise enterprise, Dossier dossier) {
		Optional<Long> project = dossier.registeredProject();
		if (project.isPresent() && !repository.approvedProjects(enterprise.id()).containsKey(project.get())) {
			throw new DossierInvalidException(List.of(new FieldProblem("projectId", "请选择本企业已入库的项目")));
		}
	}

	/**
	 * Double funding and implausible amounts, as field problems ({@code id} null for a
	 * new draft).
	 */
	public List<FieldProblem> fundingProblems(Enterprise enterprise, Long id, Dossier dossier) {
		return funding.problems(id, enterprise.id(), dossier);
	}

	/** The same for an application under review, whoever asks. */
	public List<FieldProblem> fundingProblems(long id) {
		ApplicationRow row = repository.findById(id).orElseThrow(ApplicationNotFoundException::new);
		return funding.problems(id, row.enterpriseId(), row.dossier());
	}

	/** A draft of the dossier's kind. */
	public long createDraft(Enterprise enterprise, PortalUser user, Dossier dossier, String creationKey) {
		return repository.findByCreationKey(enterprise.id(), creationKey).orElseGet(() -> {
			// Anyone may register and log in before the county verifies the enterprise:
			// until then an account keeps a few drafts only, and an activated one a
			// year's worth, so that no account can fill the shared database with drafts
			// and their files. Counted under the enterprise's row lock: drafts made at
			// once are counted one after another, not each beside the same old count.
			int drafts = repository.lockedDrafts(enterprise.id());
			if (enterprise.status() != EnterpriseStatus.ACTIVE && drafts >= DRAFTS_BEFORE_ACTIVATION) {
				throw new ApplicationStateException(
						"账户激活前最多保存 " + DRAFTS_BEFORE_ACTIVATION + " 份申报草稿。请删除不需要的草稿，或等待所在县（市、区）工业和信息化局激活账户后再新建。");
			}
			if (drafts >= draftsAtMost) {
				throw new ApplicationStateException("最多同时保存 " + draftsAtMost + " 份未提交的申报草稿。请先提交或删除不需要的草稿后再新建。");
			}
			ApplicationKind kind = dossier.kind();
			Draft draft = inserts
				.insertOr(() -> new Draft(
						repository.insert(enterprise.id(), enterprise.divisionCode(), creationKey, dossier), true),
						// The same request sent twice at once (a double click, a client's
						// resend): the other one made the draft; answer with it.
						taken -> new Draft(
								repository.findByCreationKey(enterprise.id(), creationKey)
									.orElseThrow(() -> new DuplicateKeyException(
											"Draft key " + creationKey + " taken, but no draft has it", taken)),
								false));
			if (!draft.made()) {
				return draft.id();
			}
			long id = draft.id();
			repository.addEvent(id, user.userId(), user.displayName(), "CREATED", "创建" + kind.label() + "草稿");
			audit.record(user.userId(), "APPLICATION_DRAFTED", subject(id), kind.name());
			return id;
		});
	}

	/** A draft's id, and whether this request made it. */
	private record Draft(long id, boolean made) {
	}

	public void updateDraft(Enterprise enterprise, PortalUser user, long id, Dossier dossier, Integer expectedVersion,
			boolean repeatIsSaved) {
		ApplicationRow row = owned(enterprise, id, true);
		if (!row.status().editable()) {
			throw new ApplicationStateException("申报当前状态为“" + row.status().label() + "”，不能修改。");
		}
		requireCorrectionOpen(id, row);
		int version = expectedVersion == null ? row.version() : expectedVersion;
		if (repeatIsSaved && version != row.version() && DossierChanges.between(row.dossier(), dossier).isEmpty()) {
			// Saved already: the same form again (a second click on 保存 while the first
			// was answering), or another window that saved the very same contents.
			return;
		}
		if (!repository.writeDossier(id, version, dossier)) {
			throw new ApplicationStateException("申报已在其他窗口或由其他人修改，请刷新页面后重新编辑。");
		}
		String message = "修改申报材料";
		if (row.status() == ApplicationStatus.CORRECTION) {
			List<String> changed = DossierChanges.between(row.dossier(), dossier);
			repository.addCorrectionChanges(id, changed);
			message = changed.isEmpty() ? "保存申报材料，内容未变" : "修改申报材料：" + String.join("、", changed);
		}
		repository.addEvent(id, user.userId(), user.displayName(), ApplicationEvent.UPDATED, message);
	}

	/**
	 * A returned application's dossier changes only within its correction period: after
	 * the deadline recorded for the case (not the engine's timer, which may run later)
	 * the dossier stays as it was then, as the resubmission is refused. Called under the
	 * application's row lock.
	 */
	private void requireCorrectionOpen(long id, ApplicationRow row) {
		requireCorrectionOpen(id, row.status());
	}

	/**
	 * The same check for an application in the given stage: a caller about to read an
	 * upload asks first, so that a file sent after the deadline is refused as too late,
	 * not for its contents; the edit checks again under the row lock.
	 */
	public void requireCorrectionOpen(long id, ApplicationStatus status) {
		if (status != ApplicationStatus.CORRECTION) {
			return;
		}
		Outcomes outcomes = repository.outcomes(id);
		if (outcomes.correctionLapsedAt(Instant.now())) {
			throw new ApplicationStateException(
					"补正期限已于 " + ChinaTime.minute(outcomes.correctionDeadline()) + " 届满，申报按逾期未补正处理，不能再修改申报材料或附件。");
		}
	}

	/**
	 * A correction may not change what the steps before the one that returned the case
	 * verified ({@link SettledPart}): the review after the resubmission does not go
	 * through them again, and a decision must not rest on figures no responsible body
	 * checked. Compared with the dossier as last submitted.
	 */
	private void refuseSettledChanges(long id, ApplicationRow row, Optional<Dossier> submitted) {
		if (submitted.isEmpty()) {
			return;
		}
		List<String> changed = DossierChanges.between(submitted.get(), row.dossier());
		List<String> settled = new ArrayList<>();
		List<String> why = new ArrayList<>();
		for (SettledPart part : reviews.settledInCorrection(id, row.kind())) {
			List<String> touched = part.parts().stream().filter(changed::contains).toList();
			if (!touched.isEmpty()) {
				settled.addAll(touched);
				why.add(part.why());
			}
		}
		if (!settled.isEmpty()) {
			throw new ApplicationStateException("本次补正不能修改" + String.join("、", settled) + "：" + String.join("；", why)
					+ "，补正后不再重新审核这些内容。请将其恢复为上次提交时的内容后重新提交；确需修改的，请撤回本申报后重新申报。");
		}
	}

	/**
	 * An attachment that evidences a part the open correction settled
	 * ({@link SettledPart#attachments}) is neither added nor removed: the step that
	 * checked those files is not run again, and a decision must not rest on files no
	 * responsible body checked. {@code change} names it, as in "删除设备购置发票《…》".
	 */
	private void refuseSettledAttachment(long id, ApplicationRow row, AttachmentCategory category, String change) {
		if (row.status() != ApplicationStatus.CORRECTION) {
			return;
		}
		SettledPart.evidencedBy(reviews.settledInCorrection(id, row.kind()), category).ifPresent(part -> {
			throw new ApplicationStateException("本次补正不能" + change + "：" + part.why() + "，" + part.attachmentLabels()
					+ "附件补正后不再重新审核，不能上传或删除；需要补充说明的，请作为“" + AttachmentCategory.OTHER.label() + "”上传；确需更换的，请撤回本申报后重新申报。");
		});
	}

	/**
	 * The same at the resubmission, whichever way an attachment came or went: the
	 * attachments of a settled part's categories must be those the dossier held at its
	 * last submission, which the correction opened on (nothing changes in between).
	 */
	private void refuseSettledAttachmentChanges(long id, ApplicationKind kind) {
		Optional<Instant> last = repository.lastSubmitted(id);
		if (last.isEmpty()) {
			return;
		}
		List<SettledPart> settled = reviews.settledInCorrection(id, kind).stream().sorted().toList();
		for (SettledPart part : settled) {
			List<AttachmentView> then = evidence(repository.attachmentsAt(id, last.get()), part);
			List<AttachmentView> now = evidence(repository.attachments(id), part);
			List<String> added = named(now, then);
			List<String> removed = named(then, now);
			if (added.isEmpty() && removed.isEmpty()) {
				continue;
			}
			String problem = "本次补正不能更换" + part.attachmentLabels() + "附件：" + part.why() + "，补正后不再重新审核。";
			if (!added.isEmpty()) {
				problem += "请删除本次补正中上传的" + String.join("、", added) + "后重新提交。";
			}
			throw new ApplicationStateException(removed.isEmpty() ? problem + "确需更换的，请撤回本申报后重新申报。"
					: problem + "上次提交时的" + String.join("、", removed) + "已从申报材料中删除、不能恢复，请撤回本申报后重新申报。");
		}
	}

	private static List<AttachmentView> evidence(List<AttachmentView> attachments, SettledPart part) {
		return attachments.stream().filter(a -> part.attachments().contains(a.category())).toList();
	}

	/** Those of {@code these} not among {@code those} (by id), as "设备购置发票《…》". */
	private static List<String> named(List<AttachmentView> these, List<AttachmentView> those) {
		return these.stream()
			.filter(a -> those.stream().noneMatch(b -> b.id() == a.id()))
			.map(a -> a.category().label() + "《" + a.fileName() + "》")
			.toList();
	}

	/**
	 * The parts of the dossier that a resubmission of this correction may not change
	 * ({@link #refuseSettledChanges}), in a stable order; none when the application does
	 * not wait for a correction. The edit form and the case page name them before the
	 * enterprise changes anything.
	 */
	public List<SettledPart> settledInCorrection(Enterprise enterprise, long id) {
		ApplicationRow row = owned(enterprise, id, false);
		if (row.status() != ApplicationStatus.CORRECTION) {
			return List.of();
		}
		return reviews.settledInCorrection(id, row.kind()).stream().sorted().toList();
	}

	public ApplicationDetail detail(Enterprise enterprise, long id) {
		return toDetail(enterprise, owned(enterprise, id, false));
	}

	/** The enterprise's application's reference number; empty before its submission. */
	public Optional<String> referenceNo(Enterprise enterprise, long id) {
		return repository.ownedReferenceNo(id, enterprise.id()).orElseThrow(ApplicationNotFoundException::new);
	}

	public ApplicationDetail detailForUpdate(Enterprise enterprise, long id) {
		return toDetail(enterprise, owned(enterprise, id, true));
	}

	public ApplicationSummary submit(Enterprise enterprise, PortalUser user, ApplicationDetail current) {
		long id = current.summary().id();
		ApplicationRow row = owned(enterprise, id, true);
		if (row.status() == ApplicationStatus.CORRECTION) {
			// The deadline is the case's, not the engine's timer's: a resubmission a
			// moment after it, before the timer has run, is as late as one an hour after.
			Outcomes outcomes = repository.outcomes(id);
			if (outcomes.correctionLapsedAt(Instant.now())) {
				throw new ApplicationStateException(
						"补正期限已于 " + ChinaTime.minute(outcomes.correctionDeadline()) + " 届满，申报按逾期未补正处理，不能重新提交。");
			}
			// The dossier the review went on with until now, before this resubmission
			// becomes the last one.
			Optional<Dossier> submitted = repository.lastSubmission(id, row.kind());
			refuseSettledChanges(id, row, submitted);
			refuseSettledAttachmentChanges(id, row.kind());
			funding.claim(id, enterprise.id(), row.dossier());
			// What the review goes on with, and its decisions state, from now on.
			repository.recordSubmission(id, Instant.now(), row.dossier());
			// The correction task of the review process takes the dossier back to the
			// step that returned it.
			if (!reviews.resume(submission(id, row, row.referenceNo(), user, enterprise, current.summary().title()))) {
				throw new ApplicationStateException("补正期限已过或该申报不在待补正状态，不能重新提交。");
			}
			declare(id, user);
			String changed = Resubmission.clause(repository.recordResubmission(id,
					base -> correctionChanges(base, submitted, row.dossier(), attachmentIds(id))));
			// The banks the review goes on with: those of the dossier as resubmitted.
			repository.recordSubmittedBanks(id, row.dossier());
			repository.addEvent(id, user.userId(), user.displayName(), ApplicationEvent.RESUBMITTED,
					"补正后重新提交申报，" + changed);
			audit.record(user.userId(), "APPLICATION_RESUBMITTED", subject(id), row.referenceNo());
			return detail(enterprise, id).summary();
		}
		if (!repository.changeStatus(id, ApplicationStatus.DRAFT, ApplicationStatus.COUNTY_REVIEW)) {
			return detail(enterprise, id).summary();
		}
		funding.claim(id, enterprise.id(), row.dossier());
		String referenceNo = row.referenceNo() != null ? row.referenceNo()
				: references.next(row.kind().referencePrefix());
		repository.markSubmitted(id, referenceNo);
		repository.recordSubmittedBanks(id, row.dossier());
		repository.recordSubmission(id, Instant.now(), row.dossier());
		String processInstanceId = reviews
			.start(submission(id, row, referenceNo, user, enterprise, current.summary().title()));
		repository.recordProcess(id, processInstanceId);
		declare(id, user);
		repository.addEvent(id, user.userId(), user.displayName(), ApplicationEvent.SUBMITTED,
				"提交申报，申报编号 " + referenceNo + "，进入县级初审");
		audit.record(user.userId(), "APPLICATION_SUBMITTED", subject(id), referenceNo);
		return detail(enterprise, id).summary();
	}

	/**
	 * What the review of a (re)submitted application goes by: references and routing
	 * inputs, not the dossier.
	 */
	private static CaseReviews.Submission submission(long id, ApplicationRow row, String referenceNo, PortalUser user,
			Enterprise enterprise, String title) {
		List<String> bankKeys = row.dossier() instanceof LoanDossier loan ? loan.bankKeys() : List.of();
		BigDecimal loanAmount = row.dossier() instanceof LoanDossier loan ? loan.loanAmount() : null;
		return new CaseReviews.Submission(id, row.kind(), row.divisionCode(), referenceNo, user.userId(),
				enterprise.name(), title, bankKeys, loanAmount);
	}

	/**
	 * Whether the enterprise may withdraw its application now, by the rule
	 * {@link #withdraw} applies: the case page offers 撤回申报 only then.
	 */
	public boolean withdrawable(Enterprise enterprise, long id) {
		ApplicationRow row = owned(enterprise, id, false);
		return withdrawable(row, correctionDeadline(row));
	}

	public void withdraw(Enterprise enterprise, PortalUser user, long id) {
		ApplicationRow row = owned(enterprise, id, true);
		if (row.status() == ApplicationStatus.WITHDRAWN) {
			return; // a re-sent withdrawal: the first one took effect, answer as it did
		}
		boolean inCorrection = row.status() == ApplicationStatus.CORRECTION;
		Instant deadline = correctionDeadline(row);
		// Nobody claims a task between the check that nobody has and the cancellation.
		reviews.holdOpenTasks(id);
		if (!withdrawable(row, deadline)) {
			if (inCorrection && row.processInstanceId() != null && deadline != null) {
				throw new ApplicationStateException("补正期限已于 " + ChinaTime.minute(deadline) + " 届满，申报按逾期未补正处理，不能再撤回。");
			}
			throw new ApplicationStateException("审核已经开始或申报不在待审状态，不能撤回；只有审核开始前或退回补正期间可以撤回。");
		}
		reviews.cancel(row.processInstanceId(), inCorrection ? "申请人在补正期间撤回" : "申请人撤回");
		repository.changeStatus(id, row.status(), ApplicationStatus.WITHDRAWN);
		funding.release(id);
		repository.addEvent(id, user.userId(), user.displayName(), "WITHDRAWN",
				inCorrection ? "申请人在补正期间撤回申报，审核终止" : "申请人在审核开始前撤回申报");
		audit.record(user.userId(), "APPLICATION_WITHDRAWN", subject(id), row.referenceNo());
	}

	/**
	 * An application may be withdrawn while it is in review and no reviewer has touched
	 * it yet (claimed or completed a task), or while it waits for the enterprise's
	 * correction and the deadline has not passed: after the deadline the case lapses (its
	 * notice is issued), whether or not the timer has run yet, and a withdrawal then is
	 * no withdrawal "during the correction".
	 */
	private boolean withdrawable(ApplicationRow row, Instant correctionDeadline) {
		if (row.processInstanceId() == null) {
			return false;
		}
		if (row.status() == ApplicationStatus.CORRECTION) {
			return !Outcomes.correctionLapsed(correctionDeadline, Instant.now());
		}
		return row.status() == ApplicationStatus.COUNTY_REVIEW && !reviews.started(row.id());
	}

	/** The correction's deadline of an application waiting for its correction. */
	private Instant correctionDeadline(ApplicationRow row) {
		return row.status() == ApplicationStatus.CORRECTION ? repository.outcomes(row.id()).correctionDeadline() : null;
	}

	public void deleteDraft(Enterprise enterprise, long id) {
		ApplicationRow row = owned(enterprise, id, true);
		if (row.status() != ApplicationStatus.DRAFT || row.referenceNo() != null) {
			throw new ApplicationStateException("只能删除从未提交过的草稿。");
		}
		removeDraft(id);
	}

	/**
	 * Deletes a draft never submitted with its attachments' files (a submitted case keeps
	 * its record): the enterprise's own deletion, and a rejected registration's drafts.
	 */
	void removeDraft(long id) {
		List<Long> fileIds = repository.attachmentFiles(id);
		repository.delete(id);
		fileIds.forEach(files::delete);
	}

	/**
	 * The application row lock taken first serialises uploads under one key; the unique
	 * constraint on (application, upload key) is the backstop. A replay is answered
	 * before the state checks, so a re-sent upload gets its first answer even if the
	 * application was submitted in between.
	 */
	public AttachmentView addAttachment(Enterprise enterprise, PortalUser user, long id, AttachmentCategory category,
			String fileName, byte[] content, String uploadKey) {
		// The file's own checks read all of it (a PDF's every object): done before the
		// application's row is locked, their answer given in its turn below.
		Optional<String> fileProblem = content == null || content.length == 0 || content.length > MAX_FILE_BYTES
				? Optional.empty() : Previews.uploadProblem(cleanFileName(fileName), content);
		ApplicationRow row = owned(enterprise, id, true);
		if (uploadKey != null) {
			Optional<AttachmentView> earlier = repository.attachmentByUploadKey(id, uploadKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), category, content);
			}
		}
		if (!row.status().editable()) {
			throw new ApplicationStateException("申报当前状态为“" + row.status().label() + "”，不能添加附件。");
		}
		requireCorrectionOpen(id, row);
		if (category == null || !AttachmentCategory.offeredFor(row.kind()).contains(category)) {
			throw invalid("category", "请选择附件类别");
		}
		refuseSettledAttachment(id, row, category, "上传" + category.label());
		String name = cleanFileName(fileName);
		if (content == null || content.length == 0) {
			throw invalid("file", "文件“" + name + "”是空文件，请重新选择");
		}
		if (content.length > MAX_FILE_BYTES) {
			throw invalid("file", "单个附件不能超过 10 MB（“" + name + "”为 " + megabytes(content.length) + " MB）");
		}
		FileType type = FileType.of(content)
			.orElseThrow(() -> invalid("file", "“" + name + "”不是 PDF、JPEG 或 PNG 文件（按文件内容识别），请转换后上传"));
		if (fileProblem.isPresent()) {
			throw invalid("file", fileProblem.get());
		}
		if (repository.attachmentBytes(id) + content.length > MAX_DOSSIER_BYTES) {
			throw invalid("file", "一份申报的附件合计不能超过 50 MB，请压缩或删除部分附件后再上传");
		}
		// Before activation an account holds one dossier's worth in all its drafts: a
		// registration no county has checked cannot store five.
		if (enterprise.status() == EnterpriseStatus.PENDING
				&& repository.enterpriseAttachmentBytes(enterprise.id()) + content.length > MAX_DOSSIER_BYTES) {
			throw invalid("file", "账户激活前，全部申报草稿的附件合计不能超过 50 MB；所在县（市、区）工业和信息化局激活账户后，每份申报的附件可达 50 MB");
		}
		StoredFile stored = files.store(content, type.mediaType());
		long attachmentId = repository.addAttachment(id, category, name, stored.id(), user.userId(), uploadKey);
		repository.addEvent(id, user.userId(), user.displayName(), ApplicationEvent.ATTACHMENT_ADDED,
				"上传附件：" + category.label() + "《" + name + "》");
		if (row.status() == ApplicationStatus.CORRECTION) {
			repository.addCorrectionChanges(id, List.of(DossierChanges.ATTACHMENTS));
		}
		audit.record(user.userId(), "ATTACHMENT_ADDED", subject(id), name + " sha256=" + stored.sha256());
		return repository.attachment(id, attachmentId).orElseThrow().view();
	}

	private static AttachmentView replay(AttachmentView earlier, AttachmentCategory category, byte[] content) {
		if (earlier.category() != category || content == null || !earlier.sha256().equals(sha256(content))) {
			throw new ApplicationStateException(
					"这次上传的标识已用于另一个文件（页面已过期）：在页面上请刷新后重新选择文件上传；通过接口上传的，请为新文件使用新的防重复提交标识（Idempotency-Key）。");
		}
		return earlier;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	public void removeAttachment(Enterprise enterprise, PortalUser user, long id, long attachmentId) {
		ApplicationRow row = owned(enterprise, id, true);
		if (!row.status().editable()) {
			throw new ApplicationStateException("申报当前状态为“" + row.status().label() + "”，不能删除附件。");
		}
		requireCorrectionOpen(id, row);
		FiledAttachment filed = repository.currentAttachment(id, attachmentId)
			.orElseThrow(ApplicationNotFoundException::new);
		AttachmentView attachment = filed.view();
		String named = attachment.category().label() + "《" + attachment.fileName() + "》";
		boolean seen = repository.lastSubmitted(id).map(last -> !attachment.uploadedAt().isAfter(last)).orElse(false);
		if (seen) {
			refuseSettledAttachment(id, row, attachment.category(), "删除" + named);
		}
		if (!seen) {
			// Never submitted with the application (a draft's, or uploaded during this
			// correction): nobody has reviewed it; it goes, and does not count.
			repository.deleteAttachment(attachmentId);
			files.delete(filed.fileId());
		}
		else if (!repository.removeAttachment(attachmentId, user.userId())) {
			throw new ApplicationNotFoundException();
		}
		else {
			// Submitted before: the reviewers may have relied on it; it leaves the
			// dossier but stays on record with its file.
			audit.record(user.userId(), ApplicationEvent.ATTACHMENT_REMOVED, subject(id),
					named + " sha256=" + attachment.sha256());
		}
		repository.addEvent(id, user.userId(), user.displayName(), ApplicationEvent.ATTACHMENT_REMOVED,
				"删除附件：" + named);
		if (row.status() == ApplicationStatus.CORRECTION) {
			repository.addCorrectionChanges(id, List.of(DossierChanges.ATTACHMENTS));
		}
	}

	public AttachmentDownload attachment(Enterprise enterprise, long id, long attachmentId) {
		owned(enterprise, id, false);
		return attachmentOf(id, attachmentId);
	}

	/**
	 * The application as the review and its decisions know it: the dossier as last
	 * (re)submitted, not the working copy the enterprise edits during a correction, which
	 * nobody has reviewed (and, if the correction lapses, nobody ever submitted). A
	 * draft, and an application submitted before submissions were recorded, go by the
	 * dossier as it stands.
	 */
	public ReviewFacts facts(long applicationId) {
		ApplicationRow row = repository.findById(applicationId).orElseThrow(ApplicationNotFoundException::new);
		ApplicationRepository.Applicant applicant = repository.applicant(applicationId).orElseThrow();
		Dossier dossier = repository.lastSubmission(applicationId, row.kind()).orElse(row.dossier());
		String projectName = dossier instanceof ProjectDossier project ? project.projectName()
				: registeredProjectName(dossier);
		return new ReviewFacts(row.id(), row.referenceNo(), row.kind(), row.status(), row.divisionCode(),
				ApplicationRepository.title(row.kind(), projectName, projectName), projectName, applicant.id(),
				applicant.name(), applicant.creditCode(), applicant.userId(), dossier,
				repository.outcomes(applicationId));
	}

	/**
	 * The loans on the project of loan application {@code applicationId} as submitted,
	 * other than this one, holding the project's row until the end of the transaction;
	 * empty for another kind or a loan that names no registered project.
	 */
	public Optional<ProjectLoans> otherLoansOnProject(long applicationId) {
		ApplicationRow row = repository.findById(applicationId).orElseThrow(ApplicationNotFoundException::new);
		Dossier dossier = repository.lastSubmission(applicationId, row.kind()).orElse(row.dossier());
		if (!(dossier instanceof LoanDossier loan) || loan.projectId() == null) {
			return Optional.empty();
		}
		return funding.projectLoans(loan.projectId(), applicationId, true);
	}

	public Optional<Long> idOfReference(String referenceNo) {
		return repository.idOfReference(referenceNo);
	}

	public ApplicationDetail dossier(long applicationId) {
		ApplicationRow row = repository.findById(applicationId).orElseThrow(ApplicationNotFoundException::new);
		ApplicationRepository.Applicant applicant = repository.applicant(applicationId).orElseThrow();
		return toDetail(applicant.id(), applicant.name(), row, false);
	}

	public AttachmentDownload attachmentOf(long applicationId, long attachmentId) {
		// Removed from the dossier after a submission, it stays readable to whoever may
		// read the application: the record keeps what the reviewers saw.
		FiledAttachment filed = repository.attachment(applicationId, attachmentId)
			.orElseThrow(ApplicationNotFoundException::new);
		FileContent content = files.read(filed.fileId()).orElseThrow(ApplicationNotFoundException::new);
		return new AttachmentDownload(filed.view().fileName(), content.file().mediaType(), content.file().sha256(),
				content.bytes());
	}

	/**
	 * The same attachment for its preview: what it is now, its content read only when a
	 * page must be drawn.
	 */
	public AttachmentPreview attachmentPreviewOf(long applicationId, long attachmentId) {
		FiledAttachment filed = repository.attachment(applicationId, attachmentId)
			.orElseThrow(ApplicationNotFoundException::new);
		StoredFile file = files.describe(filed.fileId()).orElseThrow(ApplicationNotFoundException::new);
		long fileId = filed.fileId();
		return new AttachmentPreview(filed.view().fileName(), file.mediaType(), file.sha256(),
				() -> files.read(fileId).orElseThrow(ApplicationNotFoundException::new).bytes());
	}

	/** An attachment of the enterprise's own application, for its preview. */
	public AttachmentPreview attachmentPreview(Enterprise enterprise, long id, long attachmentId) {
		owned(enterprise, id, false);
		return attachmentPreviewOf(id, attachmentId);
	}

	public void hold(long applicationId) {
		repository.lock(applicationId);
	}

	public void moveTo(long applicationId, ApplicationStatus status, String message) {
		boolean moved = repository.moveTo(applicationId, status);
		if (moved && (status == ApplicationStatus.REFUSED || status == ApplicationStatus.LAPSED)) {
			funding.release(applicationId);
		}
		if (moved && message != null) {
			repository.addEvent(applicationId, "system", "审批系统", status.name(), message);
		}
	}

	public void note(long applicationId, String actor, String actorName, String action, String message) {
		repository.addEvent(applicationId, actor, actorName, action, message);
	}

	public void recordSubsidyAmount(long applicationId, BigDecimal amount) {
		repository.recordSubsidyAmount(applicationId, amount);
	}

	public void recordInterestSubsidy(long applicationId, InterestSubsidyAssessment assessment) {
		repository.recordInterestSubsidy(applicationId, assessment);
	}

	public void withholdInterestSubsidy(long applicationId) {
		repository.withholdInterestSubsidy(applicationId);
	}

	public List<Resubmission> resubmissions(long applicationId) {
		return repository.resubmissions(applicationId);
	}

	public List<SubmittedBanks> submittedBanks(long applicationId) {
		return repository.submittedBanks(applicationId);
	}

	public Map<Long, List<Resubmission>> resubmissions(Collection<Long> applicationIds) {
		return repository.resubmissions(applicationIds);
	}

	public Map<Long, String> divisions(Collection<Long> applicationIds) {
		return repository.divisions(applicationIds);
	}

	/**
	 * The review process instance recorded for the application; empty for an application
	 * not submitted, or whose review is being started in this transaction.
	 */
	public Optional<String> reviewProcess(long applicationId) {
		return repository.processInstanceId(applicationId);
	}

	/**
	 * Records the review process of an application whose submission is starting it (in
	 * this transaction, before its start returns): only while none is recorded and the
	 * application has just been submitted. Whether it is now recorded.
	 */
	public boolean pinReviewProcess(long applicationId, String processInstanceId) {
		return repository.recordProcessIfNone(applicationId, processInstanceId, ApplicationStatus.COUNTY_REVIEW);
	}

	/**
	 * The after-award process {@code processKey} the product started for the application
	 * (the latest round's, for a clawback started again); empty when none was started, or
	 * while its start is under way.
	 */
	public Optional<String> afterAwardProcess(long applicationId, String processKey) {
		return repository.afterAwardProcess(applicationId, processKey);
	}

	/** The instance of round {@code round} of {@code processKey}, if recorded. */
	public Optional<String> afterAwardProcess(long applicationId, String processKey, int round) {
		return repository.afterAwardProcess(applicationId, processKey, round);
	}

	/**
	 * Records round {@code round} of the after-award process {@code processKey} of an
	 * application while the product starts it: only while neither that round nor a later
	 * one is recorded. Whether it is now recorded.
	 */
	public boolean pinAfterAwardProcess(long applicationId, String processKey, int round, String processInstanceId) {
		return repository.recordAfterAwardProcessIfNone(applicationId, processKey, round, processInstanceId);
	}

	/**
	 * What a correction changed: each part of the dossier compared field by field with
	 * {@code submitted}, the dossier the review went on with when the correction opened
	 * (its last submission before the resubmission), and the attachments by the
	 * fingerprint kept then ({@link DossierChanges#since}). The fingerprint alone
	 * compares a digest of each part's text, which two different equipment lists can
	 * share (a model or a replaced machine may hold commas); the submission is the
	 * dossier itself. A correction opened before submissions were recorded has only the
	 * fingerprint.
	 */
	private static List<String> correctionChanges(String base, Optional<Dossier> submitted, Dossier now,
			Collection<?> attachments) {
		if (submitted.isEmpty()) {
			return DossierChanges.since(base, now, attachments);
		}
		List<String> changed = new ArrayList<>(DossierChanges.between(submitted.get(), now));
		if (DossierChanges.attachmentsChangedSince(base, attachments)) {
			changed.add(DossierChanges.ATTACHMENTS);
		}
		return changed;
	}

	public List<String> correctionEdits(long applicationId) {
		Optional<String> base = repository.correctionBase(applicationId);
		ApplicationRow row = repository.findById(applicationId).orElse(null);
		if (row == null) {
			return List.of();
		}
		if (base.isPresent()) {
			return correctionChanges(base.get(), repository.lastSubmission(applicationId, row.kind()), row.dossier(),
					attachmentIds(applicationId));
		}
		String counted = repository.correctionChanges(applicationId);
		return counted == null || counted.isBlank() ? List.of() : List.of(counted);
	}

	public void dropCorrection(long applicationId) {
		repository.dropCorrection(applicationId);
	}

	public boolean enterpriseDisabled(long applicationId) {
		return repository.enterpriseDisabled(applicationId);
	}

	public boolean suspendCorrection(long applicationId, Instant deadline) {
		return repository.suspendCorrection(applicationId, deadline);
	}

	public boolean resumeCorrection(long applicationId, Instant suspended, Instant to) {
		return repository.resumeCorrection(applicationId, suspended, to);
	}

	public boolean extendCorrectionDeadline(long applicationId, Instant from, Instant to) {
		return repository.extendCorrectionDeadline(applicationId, from, to);
	}

	public void recordCorrectionDeadline(long applicationId, Instant deadline) {
		repository.recordCorrectionDeadline(applicationId, deadline);
		if (deadline != null) {
			// A correction opens: what it changes is measured from here.
			repository.findById(applicationId).ifPresent(row -> {
				repository.recordCorrectionBase(applicationId,
						DossierChanges.fingerprint(row.dossier(), attachmentIds(applicationId)));
				// Submitted before submissions were recorded: until now the dossier could
				// not be edited, so it is the one submitted; kept before the first edit.
				if (!row.status().editable() && repository.lastSubmission(applicationId, row.kind()).isEmpty()) {
					repository.recordSubmission(applicationId,
							repository.lastSubmitted(applicationId).orElse(Instant.now()), row.dossier());
				}
			});
		}
	}

	/** The application's attachments as they count for a correction: each file once. */
	private List<String> attachmentIds(long applicationId) {
		return repository.attachments(applicationId)
			.stream()
			.map(a -> a.category() + ":" + a.fileName() + ":" + a.sha256())
			.toList();
	}

	/**
	 * The application's final stage and the time of its decision. Two statements: the
	 * stage moves only while the application has not ended, the decision time is recorded
	 * in any case.
	 */
	public void decide(long applicationId, ApplicationStatus finalStatus, String message) {
		moveTo(applicationId, finalStatus, message);
		repository.recordDecisionTime(applicationId, Instant.now());
	}

	/**
	 * A chosen bank's own decision; a grant is offered to the enterprise, which accepts
	 * at most one.
	 */
	public void recordLoanOffer(long applicationId, String bankKey, LoanOffer.Decision decision, LoanGrant grant,
			String opinion) {
		loanOffers.record(applicationId, bankKey, decision, grant, opinion);
		if (decision == LoanOffer.Decision.GRANTED) {
			repository.addEvent(applicationId, "system", "审批系统", "LOAN_OFFERED", bankName(bankKey) + "同意放贷"
					+ Money.yuan(grant.amount()) + "元，期限" + grant.termMonths() + "个月。请在申报详情中确认是否接受该行贷款。");
			// The enterprise has to act: it is told, not left to find the line.
			events.publishEvent(new CaseNews(applicationId, "银行同意放贷，请确认",
					"：" + bankName(bankKey) + "经自主审贷同意放贷" + Money.yuan(grant.amount()) + "元，期限" + grant.termMonths()
							+ "个月。请在申报详情的“银行审贷结果”中确认是否接受该行贷款；接受一家后，其他银行尚未完成的审贷将关闭。"));
		}
	}

	public List<LoanOffer> loanOffers(long applicationId) {
		return loanOffers.of(applicationId);
	}

	/**
	 * The enterprise takes one bank's grant: it becomes the loan of record, the banks
	 * that have not decided yet are closed (their review ends with the process's next
	 * step), and the review goes on to the interest subsidy.
	 */
	public void acceptLoanOffer(Enterprise enterprise, PortalUser user, long id, String bankKey) {
		ApplicationRow row = owned(enterprise, id, true);
		if (loanOffers.of(id).stream().anyMatch(o -> o.bankKey().equals(bankKey) && o.acceptedAt() != null)) {
			return; // a re-sent acceptance of the same grant: it took effect, answer as
					// it did
		}
		if (row.kind() != ApplicationKind.LOAN || row.status() != ApplicationStatus.BANK_REVIEW) {
			throw new ApplicationStateException("申报当前状态为“" + row.status().label() + "”，不能接受贷款。");
		}
		List<LoanOffer> offers = loanOffers.of(id);
		LoanOffer offer = offers.stream()
			.filter(o -> o.bankKey().equals(bankKey) && o.decision() == LoanOffer.Decision.GRANTED)
			.findFirst()
			.orElseThrow(() -> new ApplicationStateException("该银行尚未同意放贷，不能接受。"));
		// The grant was weighed against the project's other loans when the bank decided;
		// a loan on the project submitted since holds its part too.
		otherLoansOnProject(id).filter(loans -> loans.exceedsWithOthers(offer.grant().amount())).ifPresent(loans -> {
			throw new ApplicationStateException(
					loans.sumProblem("接受的贷款金额", offer.grant().amount()) + "，不能接受；请先核对该项目的其他贷款申请或联系银行。");
		});
		if (!loanOffers.accept(id, bankKey)) {
			throw new ApplicationStateException("已接受过一家银行的贷款，不能再接受其他银行的贷款。");
		}
		repository.recordLoan(id, bankKey, offer.grant());
		List<String> asked = row.dossier() instanceof LoanDossier loan ? loan.bankKeys() : List.of();
		List<String> undecided = asked.stream()
			.filter(b -> offers.stream().noneMatch(o -> o.bankKey().equals(b)))
			.toList();
		undecided.forEach(b -> loanOffers.record(id, b, LoanOffer.Decision.CLOSED, null, null));
		String closed = undecided.isEmpty() ? ""
				: "；" + String.join("、", undecided.stream().map(this::bankName).toList()) + "的审贷已关闭";
		repository.addEvent(id, user.userId(), user.displayName(), "LOAN_ACCEPTED",
				"接受" + bankName(bankKey) + "的贷款" + closed);
		audit.record(user.userId(), "LOAN_OFFER_ACCEPTED", subject(id),
				bankKey + (undecided.isEmpty() ? "" : " closed=" + undecided));
		if (!reviews.loanOfferAccepted(id)) {
			// Thrown inside the acceptance's transaction: nothing above is kept.
			throw new ApplicationStateException("各银行的审贷结果正在汇总，请稍候片刻（通常不超过一分钟）后再确认接受贷款。");
		}
	}

	private String bankName(String bankKey) {
		return organizations.bankName(bankKey);
	}

	/**
	 * The enterprise's applications that may wait for it, and those of {@code alsoIds}
	 * that are its own (see {@link ApplicationRepository#awaiting}).
	 */
	public List<AwaitingCase> awaiting(Enterprise enterprise, Collection<Long> alsoIds) {
		return repository.awaiting(enterprise.id(), alsoIds);
	}

	public List<ApplicationSummary> summaries(List<Long> ids) {
		return repository.summaries(ids);
	}

	public List<CaseListing> listings(List<Long> ids) {
		return repository.listings(ids);
	}

	private ApplicationDetail toDetail(Enterprise enterprise, ApplicationRow row) {
		return toDetail(enterprise.id(), enterprise.name(), row, true);
	}

	/**
	 * The application as its enterprise ({@code forEnterprise}) or a reviewer reads it:
	 * the enterprise is not told of the reviewers' own handling of their tasks.
	 */
	private ApplicationDetail toDetail(long enterpriseId, String enterpriseName, ApplicationRow row,
			boolean forEnterprise) {
		String projectTitle = registeredProjectName(row.dossier());
		String name = row.dossier() instanceof ProjectDossier project ? project.projectName() : projectTitle;
		ApplicationSummary summary = new ApplicationSummary(row.id(), row.referenceNo(), row.kind(),
				ApplicationRepository.title(row.kind(), name, name), row.status(), row.updatedAt(), row.submittedAt(),
				row.status() == ApplicationStatus.BANK_REVIEW && repository.grantToAccept(row.id()));
		Outcomes outcomes = repository.outcomes(row.id());
		if (row.kind() == ApplicationKind.LOAN && row.status() != ApplicationStatus.APPROVED) {
			outcomes = outcomes.withoutInterestSubsidy();
		}
		if (forEnterprise && row.kind() == ApplicationKind.SUBSIDY && row.status().endedWithoutAward()) {
			outcomes = outcomes.withoutSubsidy();
		}
		return new ApplicationDetail(summary, enterpriseId, enterpriseName, row.divisionCode(), row.version(),
				row.dossier(), projectTitle, repository.attachments(row.id()),
				repository.events(row.id()).stream().filter(e -> !forEnterprise || e.toldToApplicant()).toList(),
				List.of(), outcomes, repository.declaration(row.id()).orElse(null),
				InvoiceChecks.warnings(row.dossier()));
	}

	/**
	 * The name of the registered project a subsidy or loan builds on; none for a project.
	 */
	private String registeredProjectName(Dossier dossier) {
		return dossier.registeredProject().flatMap(repository::projectName).orElse(null);
	}

	/**
	 * The registered project's dossier: the project itself, or the one a subsidy or loan
	 * builds on; empty while a draft has chosen none. A project named but not found
	 * (which saving a dossier rules out) is refused rather than passed over, so that no
	 * amount or route is worked out without it.
	 */
	public Optional<ProjectDossier> registeredProject(Dossier dossier) {
		if (dossier instanceof ProjectDossier project) {
			return Optional.of(project);
		}
		Optional<Long> named = dossier.registeredProject();
		if (named.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(repository.findById(named.get())
			.map(ApplicationRow::dossier)
			.filter(ProjectDossier.class::isInstance)
			.map(ProjectDossier.class::cast)
			.orElseThrow(ApplicationNotFoundException::new));
	}

	/**
	 * The registered project's equipment lines, for a subsidy claim to start from; the
	 * project must be the enterprise's.
	 */
	public List<Dossier.EquipmentLine> projectEquipment(Enterprise enterprise, long projectId) {
		if (!repository.approvedProjects(enterprise.id()).containsKey(projectId)) {
			throw invalid("projectId", "请选择本企业已入库的项目");
		}
		return repository.findById(projectId).orElseThrow(ApplicationNotFoundException::new).dossier().equipmentLines();
	}

	/**
	 * The integrity declaration confirmed at the application's latest submission, as
	 * recorded; empty when none is (applications submitted before it was asked for).
	 */
	public Optional<IntegrityDeclaration> declaration(long id) {
		return repository.declaration(id);
	}

	/**
	 * The integrity declaration the submitting user confirmed (the caller has checked
	 * that it was).
	 */
	private void declare(long id, PortalUser user) {
		IntegrityDeclaration declaration = new IntegrityDeclaration(user.userId(), user.displayName(), Instant.now(),
				IntegrityDeclaration.VERSION);
		repository.recordDeclaration(id, declaration);
		repository.addEvent(id, user.userId(), user.displayName(), "DECLARED",
				"确认" + IntegrityDeclaration.TITLE + "（" + declaration.version() + " 版）");
	}

	private ApplicationRow owned(Enterprise enterprise, long id, boolean lock) {
		return repository.findOwned(id, enterprise.id(), lock).orElseThrow(ApplicationNotFoundException::new);
	}

	private static DossierInvalidException invalid(String field, String message) {
		return new DossierInvalidException(List.of(new FieldProblem(field, message)));
	}

	/**
	 * Keeps the last path segment, drops characters Windows cannot save and limits the
	 * length. A name with hidden characters is refused rather than cleaned: a bidi
	 * override shows "exe.pdf" for "fdp.exe", and silently cleaning it would store a name
	 * the enterprise never chose.
	 */
	static String cleanFileName(String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		PlainText.problem(name, false).ifPresent(problem -> {
			throw invalid("file", "文件名" + problem.replace("请删除后重新输入", "请修改文件名后重新上传"));
		});
		name = name.replaceAll("[\"<>|:*?]", "").strip();
		if (name.isEmpty()) {
			name = "附件";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static String megabytes(long bytes) {
		return String.format("%.1f", bytes / 1024.0 / 1024.0);
	}

	static String subject(long id) {
		return "application:" + id;
	}

}
