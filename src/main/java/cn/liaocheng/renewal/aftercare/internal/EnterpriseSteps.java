package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentDownload;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.document.FileContent;
import cn.liaocheng.renewal.document.FileStore;
import cn.liaocheng.renewal.document.FileType;
import cn.liaocheng.renewal.document.Previews;
import cn.liaocheng.renewal.document.StoredFile;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * What an enterprise does after its subsidy was allocated — apply for acceptance, send
 * rectification material, report performance — and what it reads of it. Every call first
 * checks that the case is the caller's own (404 otherwise, as for the applications), then
 * that the after-award process waits for exactly this; the files, the submission and the
 * step of the process change in one transaction, so nothing is half-saved.
 */
@Service
public class EnterpriseSteps {

	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	static final int MAX_FILES = 20;

	private static final Set<EvidenceCategory> ACCEPTANCE_EVIDENCE = EnumSet.of(EvidenceCategory.COMMISSIONING,
			EvidenceCategory.PHOTO, EvidenceCategory.FINAL_ACCOUNTS);

	private final Applications applications;

	private final ApplicationStages stages;

	private final AftercareRecords records;

	private final AftercareStandings standings;

	private final FileStore files;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	EnterpriseSteps(Applications applications, ApplicationStages stages, AftercareRecords records,
			AftercareStandings standings, FileStore files, RuntimeService runtime, AuditTrail audit) {
		this.applications = applications;
		this.stages = stages;
		this.records = records;
		this.standings = standings;
		this.files = files;
		this.runtime = runtime;
		this.audit = audit;
	}

	/**
	 * The caller's own case after the award; 404 for another enterprise's case or one
	 * without an allocated subsidy.
	 */
	@Transactional(readOnly = true)
	public AftercareView view(PortalUser user, long applicationId) {
		applications.detail(user, applicationId);
		return standings.of(applicationId).orElseThrow(ApplicationNotFoundException::new);
	}

	/**
	 * Refuses another enterprise's case ("not found") before anything of a submission is
	 * read; no lock is taken.
	 */
	@Transactional(readOnly = true)
	public void requireOwnCase(PortalUser user, long applicationId) {
		applications.referenceNo(user, applicationId);
	}

	@Transactional
	public void applyForAcceptance(PortalUser user, long applicationId, String statement, List<Upload> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = statement(statement, problems);
		checkFiles(uploads, problems);
		for (EvidenceCategory required : ACCEPTANCE_EVIDENCE) {
			if (uploads.stream().noneMatch(u -> u.category() == required)) {
				problems.add(new FieldProblem(field(required), "请上传" + required.label()));
			}
		}
		submit(user, applicationId, Submission.Kind.ACCEPTANCE, AftercareModel.ACCEPTANCE_APPLIED, text, null, null,
				null, null, uploads, problems);
	}

	@Transactional
	public void submitRectification(PortalUser user, long applicationId, String statement, List<Upload> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = statement(statement, problems);
		checkFiles(uploads, problems);
		// As acceptance requires its categories: "other material" alone is not the
		// report.
		if (uploads.stream().noneMatch(u -> u.category() == EvidenceCategory.RECTIFICATION)) {
			problems.add(new FieldProblem(field(EvidenceCategory.RECTIFICATION), "请上传整改情况说明及佐证材料（其他材料不能代替）"));
		}
		submit(user, applicationId, Submission.Kind.RECTIFICATION, AftercareModel.RECTIFICATION_SUBMITTED, text, null,
				null, null, null, uploads, problems);
	}

	@Transactional
	public void reportPerformance(PortalUser user, long applicationId, PerformanceReport report, List<Upload> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = statement(report.statement(), problems);
		BigDecimal output = amount(report.outputValue(), "outputValue", "实际年产值（总额，元）", true, problems);
		BigDecimal energy = amount(report.energySaving(), "energySaving", "年节能量（吨标准煤）", false, problems);
		Integer grade = null;
		if (report.efficiencyGrade() != null && !report.efficiencyGrade().isBlank()) {
			try {
				grade = Integer.valueOf(report.efficiencyGrade().strip());
				if (grade < 1 || grade > 5) {
					problems.add(new FieldProblem("efficiencyGrade", "能效等级应为 1–5 级"));
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("efficiencyGrade", "能效等级应为 1–5 级"));
			}
		}
		String digital = report.digitalIndicators() == null ? null : report.digitalIndicators().strip();
		if (digital != null && (digital.length() > 1000 || !PlainText.isClean(digital, true))) {
			problems.add(new FieldProblem("digitalIndicators", "数字化指标完成情况不超过 1000 字，且不含控制字符"));
		}
		checkFiles(uploads, problems);
		submit(user, applicationId, Submission.Kind.PERFORMANCE, AftercareModel.PERFORMANCE_REPORTED, text, output,
				energy, grade, digital == null || digital.isEmpty() ? null : digital, uploads, problems);
	}

	/** A file of the caller's own case; 404 for another enterprise's case or file. */
	@Transactional(readOnly = true)
	public AttachmentDownload evidence(PortalUser user, long applicationId, long evidenceId) {
		applications.detail(user, applicationId);
		return download(applicationId, evidenceId);
	}

	/** A file of a case whose access the caller (a reviewer's page) has checked. */
	@Transactional(readOnly = true)
	AttachmentDownload download(long applicationId, long evidenceId) {
		Submission.Evidence e = records.evidence(applicationId, evidenceId)
			.orElseThrow(ApplicationNotFoundException::new);
		FileContent content = files.read(e.fileId()).orElseThrow(ApplicationNotFoundException::new);
		return new AttachmentDownload(e.fileName(), content.file().mediaType(), content.file().sha256(),
				content.bytes());
	}

	private void submit(PortalUser user, long applicationId, Submission.Kind kind, String message, String statement,
			BigDecimal output, BigDecimal energy, Integer grade, String digital, List<Upload> uploads,
			List<FieldProblem> problems) {
		// The caller's own case, of an enterprise that may act (a disabled one may not);
		// its row is held from here, before the case's.
		applications.requireMayAct(user, applicationId);
		// Refused early, before any file is stored, when it cannot be submitted now.
		waiting(applicationId, message, kind);
		if (kind == Submission.Kind.RECTIFICATION) {
			rectificationStillOpen(applicationId);
		}
		if (!problems.isEmpty()) {
			throw new DossierInvalidException(problems);
		}
		// The files first: they may take a while to store and refer to nothing of the
		// case. Then the case's row, before any row that refers to it (on PostgreSQL an
		// insert referring to it would take a share lock that a later hold would have to
		// upgrade) and before the engine's rows, as every writer of the case takes it:
		// the deadline reminders wait for the submission instead of reminding of it, and
		// a second submission waits for the first. The state is checked again under it.
		List<StoredFile> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			stored.add(files.store(upload.content(), FileType.of(upload.content()).orElseThrow().mediaType()));
		}
		stages.hold(applicationId);
		Execution waiting = waiting(applicationId, message, kind);
		if (kind == Submission.Kind.RECTIFICATION) {
			rectificationStillOpen(applicationId);
		}
		long submissionId = records.insertSubmission(applicationId, kind, statement, output, energy, grade, digital,
				user.userId());
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			records.addEvidence(submissionId, upload.category(), cleanName(upload.fileName()), stored.get(i).id());
			audit.record(user.userId(), "AFTERCARE_EVIDENCE_ADDED", "application:" + applicationId,
					upload.category().name() + " " + cleanName(upload.fileName()) + " sha256="
							+ stored.get(i).sha256());
		}
		String history = kind.label() + (uploads.isEmpty() ? "" : "，附材料 " + uploads.size() + " 份")
				+ (output == null ? "" : "，实际年产值（总额）" + Money.yuan(output) + " 元") + "。说明：" + statement;
		stages.note(applicationId, user.userId(), user.displayName(), "AFTERCARE_" + kind.name(), history);
		audit.record(user.userId(), "AFTERCARE_" + kind.name(), "application:" + applicationId,
				"submission " + submissionId);
		runtime.setVariable(waiting.getProcessInstanceId(), summaryVariable(kind), history);
		try {
			runtime.createMessageCorrelation(message).processInstanceId(waiting.getProcessInstanceId()).correlate();
		}
		catch (MismatchingMessageCorrelationException meanwhile) {
			throw new ApplicationStateException("该事项已在其他窗口提交，请刷新页面后查看。");
		}
	}

	/**
	 * Refused from the day after the recorded deadline, even before the timer has run.
	 */
	private void rectificationStillOpen(long applicationId) {
		AftercareStandings.rectificationDeadlinePassed(records.findings(applicationId)).ifPresent(deadline -> {
			throw new ApplicationStateException(
					"整改期限（" + ChinaTime.day(deadline) + "，含当日）已过，不能再提交整改材料；逾期未整改的，转入奖补资金追回程序。");
		});
	}

	private static String summaryVariable(Submission.Kind kind) {
		return kind == Submission.Kind.PERFORMANCE ? AftercareModel.PERFORMANCE_SUMMARY
				: AftercareModel.ACCEPTANCE_SUMMARY;
	}

	private Execution waiting(long applicationId, String message, Submission.Kind kind) {
		// Only the after-award process the product started for the case.
		Execution waiting = stages.afterAwardProcess(applicationId, AftercareModel.PROCESS_KEY)
			.map(process -> runtime.createExecutionQuery()
				.processInstanceId(process)
				.messageEventSubscriptionName(message)
				.singleResult())
			.orElse(null);
		if (waiting == null) {
			throw new ApplicationStateException("该项目当前不能" + kind.label() + "，请查看“项目后续管理”中的当前环节。");
		}
		return waiting;
	}

	private static String statement(String statement, List<FieldProblem> problems) {
		String text = statement == null ? "" : statement.strip();
		if (text.length() < 2 || text.length() > 2000) {
			problems.add(new FieldProblem("statement", "请填写情况说明（2–2000 字）"));
		}
		else {
			PlainText.problem(text, true).ifPresent(p -> problems.add(new FieldProblem("statement", "情况说明" + p)));
		}
		return text;
	}

	private static BigDecimal amount(String value, String field, String label, boolean required,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写" + label));
			}
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value.strip().replace(",", ""));
			if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
					|| amount.precision() - amount.scale() > 14) {
				problems.add(new FieldProblem(field, label + "应为不小于 0 的数，最多保留 2 位小数"));
				return null;
			}
			return amount;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, label + "应为数字"));
			return null;
		}
	}

	private static void checkFiles(List<Upload> uploads, List<FieldProblem> problems) {
		if (uploads.size() > MAX_FILES) {
			problems.add(new FieldProblem("files", "一次最多上传 " + MAX_FILES + " 个文件"));
			return;
		}
		for (Upload upload : uploads) {
			String field = field(upload.category());
			String name = upload.fileName() == null ? "" : upload.fileName();
			if (!PlainText.isClean(name, false)) {
				problems.add(new FieldProblem(field, "文件名含有不可见或改变文字方向的字符，请修改文件名后重新上传"));
			}
			else if (upload.content() == null || upload.content().length == 0) {
				problems.add(new FieldProblem(field, "文件“" + cleanName(name) + "”是空文件，请重新选择"));
			}
			else if (upload.content().length > MAX_FILE_BYTES) {
				problems.add(new FieldProblem(field, "单个文件不能超过 10 MB（“" + cleanName(name) + "”）"));
			}
			else if (FileType.of(upload.content()).isEmpty()) {
				problems.add(new FieldProblem(field, "“" + cleanName(name) + "”不是 PDF、JPEG 或 PNG 文件（按文件内容识别），请转换后上传"));
			}
			else {
				Previews.uploadProblem(cleanName(name), upload.content())
					.ifPresent(tooLarge -> problems.add(new FieldProblem(field, tooLarge)));
			}
		}
	}

	/** The form field (and API part) a category's files are sent in. */
	static String field(EvidenceCategory category) {
		return switch (category) {
			case COMMISSIONING -> "commissioning";
			case PHOTO -> "photos";
			case FINAL_ACCOUNTS -> "finalAccounts";
			case RECTIFICATION -> "rectification";
			case OTHER -> "other";
		};
	}

	/**
	 * The last path segment, without characters Windows cannot save, at most 200
	 * characters.
	 */
	static String cleanName(String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\"<>|:*?]", "").strip();
		if (name.isEmpty()) {
			name = "材料";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
