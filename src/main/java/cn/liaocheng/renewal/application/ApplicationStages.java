package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.internal.ApplicationStore;
import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * How the review processes move an application on: its stage as the enterprise sees it,
 * the outcomes of each stage, and the facts reviewers and decisions need. Called from the
 * engine's transaction, so it changes with it.
 */
@Service
public class ApplicationStages {

	private final ApplicationStore store;

	public ApplicationStages(ApplicationStore store) {
		this.store = store;
	}

	/**
	 * The review process instance started for the application when it was submitted
	 * (recorded by the application); empty while that start is under way, and for an
	 * application never submitted or not found.
	 */
	public Optional<String> reviewProcess(long applicationId) {
		return store.reviewProcess(applicationId);
	}

	/**
	 * Records, during the submission that starts it, the review process instance of the
	 * application: only while none is recorded and the application has just been
	 * submitted. Whether this instance is now the one recorded.
	 */
	public boolean pinReviewProcess(long applicationId, String processInstanceId) {
		return store.pinReviewProcess(applicationId, processInstanceId)
				|| store.reviewProcess(applicationId).filter(processInstanceId::equals).isPresent();
	}

	/**
	 * The after-award process {@code processKey} (subsidy-aftercare, clawback) the
	 * product started for the application, recorded as it started it: for a clawback
	 * started again after one was dropped, the instance of the latest round. Empty when
	 * none was started, while that start is under way, and for an application not found.
	 */
	public Optional<String> afterAwardProcess(long applicationId, String processKey) {
		return store.afterAwardProcess(applicationId, processKey);
	}

	/** The instance of round {@code round} of {@code processKey}, if recorded. */
	public Optional<String> afterAwardProcess(long applicationId, String processKey, int round) {
		return store.afterAwardProcess(applicationId, processKey, round);
	}

	/**
	 * Records, while the product starts it, round {@code round} of the after-award
	 * process {@code processKey} of the application (1 but for a clawback started again):
	 * only while neither that round nor a later one is recorded. Whether this instance is
	 * now the one recorded for that round.
	 */
	public boolean pinAfterAwardProcess(long applicationId, String processKey, int round, String processInstanceId) {
		return store.pinAfterAwardProcess(applicationId, processKey, round, processInstanceId)
				|| store.afterAwardProcess(applicationId, processKey, round)
					.filter(processInstanceId::equals)
					.isPresent();
	}

	/**
	 * The id of the application with this reference number (申报编号, as reviewers read it),
	 * for a body whose access the caller checks; empty when there is none.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> idOfReference(String referenceNo) {
		return store.idOfReference(referenceNo);
	}

	@Transactional(readOnly = true)
	public ReviewFacts facts(long applicationId) {
		return store.facts(applicationId);
	}

	/**
	 * The registered project's dossier: the project itself, or the one a subsidy or loan
	 * builds on, whose policy task, factor needs and promised outcomes go with it; empty
	 * while a draft has chosen none; {@link ApplicationNotFoundException} if the project
	 * it names is not there.
	 */
	@Transactional(readOnly = true)
	public Optional<ProjectDossier> registeredProject(Dossier dossier) {
		return store.registeredProject(dossier);
	}

	/**
	 * The integrity declaration (诚信承诺) confirmed at the application's latest submission,
	 * with its version, as recorded; empty when none is recorded (applications submitted
	 * before the declaration was asked for).
	 */
	@Transactional(readOnly = true)
	public Optional<IntegrityDeclaration> declaration(long applicationId) {
		return store.declaration(applicationId);
	}

	/** Any application's dossier, for a reviewer whose access the caller has checked. */
	@Transactional(readOnly = true)
	public ApplicationDetail dossier(long applicationId) {
		return store.dossier(applicationId);
	}

	/**
	 * The application's resubmissions after corrections, oldest first, with what each
	 * changed.
	 */
	@Transactional(readOnly = true)
	public List<Resubmission> resubmissions(long applicationId) {
		return store.resubmissions(applicationId);
	}

	/**
	 * The banks a loan was sent for review with at its submission and at each
	 * resubmission, oldest first (none for loans submitted before this was recorded while
	 * they waited for a correction, until they are resubmitted).
	 */
	@Transactional(readOnly = true)
	public List<SubmittedBanks> submittedBanks(long applicationId) {
		return store.submittedBanks(applicationId);
	}

	/**
	 * The resubmissions of each of the applications that was resubmitted, oldest first;
	 * one query for a list of cases.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Resubmission>> resubmissions(Collection<Long> applicationIds) {
		return store.resubmissions(applicationIds);
	}

	/**
	 * The division (所在县市区: a GB/T 2260 county code or a development zone's code) each of
	 * the applications belongs to, as its record holds it; one query for a list of cases.
	 * Ids of no application are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> divisions(Collection<Long> applicationIds) {
		return store.divisions(applicationIds);
	}

	@Transactional(readOnly = true)
	public AttachmentDownload attachment(long applicationId, long attachmentId) {
		return store.attachmentOf(applicationId, attachmentId);
	}

	/** The same attachment for its preview, its content read only to draw a page. */
	@Transactional(readOnly = true)
	public AttachmentPreview attachmentPreview(long applicationId, long attachmentId) {
		return store.attachmentPreviewOf(applicationId, attachmentId);
	}

	/**
	 * Locks the application's row until the caller's transaction ends (it needs one):
	 * taken by whoever will change both the case and its tasks before any task row, the
	 * order every writer keeps, so that two such changes wait for each other instead of
	 * deadlocking.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void hold(long applicationId) {
		store.hold(applicationId);
	}

	/**
	 * Records that the application entered a stage; says so in its history when
	 * {@code message} is given.
	 */
	@Transactional
	public void enter(long applicationId, ApplicationStatus status, String message) {
		store.moveTo(applicationId, status, message);
	}

	/**
	 * Double funding and implausible amounts in the application as it stands (for
	 * reviewers before they approve).
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> fundingProblems(long applicationId) {
		return store.fundingProblems(applicationId);
	}

	@Transactional
	public void note(long applicationId, String actor, String actorName, String action, String message) {
		store.note(applicationId, actor, actorName, action, message);
	}

	@Transactional
	public void recordSubsidyAmount(long applicationId, BigDecimal amount) {
		store.recordSubsidyAmount(applicationId, amount);
	}

	@Transactional
	public void recordLoanOffer(long applicationId, String bankKey, LoanOffer.Decision decision, LoanGrant grant,
			String opinion) {
		store.recordLoanOffer(applicationId, bankKey, decision, grant, opinion);
	}

	/**
	 * The loans on the registered project of loan application {@code applicationId} other
	 * than this one, against the project's total investment, holding the project's row
	 * until the caller's transaction ends (a grant on another loan of the project waits);
	 * empty when the loan names no registered project.
	 */
	@Transactional
	public Optional<ProjectLoans> otherLoansOnProject(long applicationId) {
		return store.otherLoansOnProject(applicationId);
	}

	@Transactional(readOnly = true)
	public List<LoanOffer> loanOffers(long applicationId) {
		return store.loanOffers(applicationId);
	}

	/**
	 * The interest subsidy computed for the accepted grant, with the terms and grounds of
	 * the rule that gave it; the city finance bureau reviews it before it is decided.
	 */
	@Transactional
	public void recordInterestSubsidy(long applicationId, InterestSubsidyAssessment assessment) {
		store.recordInterestSubsidy(applicationId, assessment);
	}

	/**
	 * The city finance bureau refused the interest subsidy: nothing is granted, whatever
	 * was computed (the terms stay on record).
	 */
	@Transactional
	public void withholdInterestSubsidy(long applicationId) {
		store.withholdInterestSubsidy(applicationId);
	}

	@Transactional
	public void recordCorrectionDeadline(long applicationId, Instant deadline) {
		store.recordCorrectionDeadline(applicationId, deadline);
	}

	/**
	 * The parts of the dossier (and its attachments) the enterprise has changed since the
	 * open correction began, in the form's order; empty when it changed nothing yet. A
	 * caller that acts on the answer holds the application's row first ({@link #hold}).
	 */
	@Transactional(readOnly = true)
	public List<String> correctionEdits(long applicationId) {
		return store.correctionEdits(applicationId);
	}

	/**
	 * Ends the record of the application's open correction (its deadline and what it
	 * changed) when the return is taken back before the enterprise acted on it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void dropCorrection(long applicationId) {
		store.dropCorrection(applicationId);
	}

	/**
	 * Moves the deadline of the application's open correction from {@code from} to
	 * {@code to} (a corrected working-day calendar counts it later); false, and nothing
	 * changed, unless the application is in correction with that deadline.
	 */
	@Transactional
	public boolean extendCorrectionDeadline(long applicationId, Instant from, Instant to) {
		return store.extendCorrectionDeadline(applicationId, from, to);
	}

	/**
	 * Whether the account of the application's enterprise is disabled: it can read and
	 * withdraw, but neither correct nor rectify.
	 */
	@Transactional(readOnly = true)
	public boolean enterpriseDisabled(long applicationId) {
		return store.enterpriseDisabled(applicationId);
	}

	/**
	 * Stops the deadline {@code deadline} of the application's open correction while the
	 * enterprise cannot act: none is in force (nothing lapses) until
	 * {@link #resumeCorrection}; false, and nothing changed, unless the application is in
	 * correction with that deadline.
	 */
	@Transactional
	public boolean suspendCorrection(long applicationId, Instant deadline) {
		return store.suspendCorrection(applicationId, deadline);
	}

	/**
	 * Puts the stopped deadline {@code suspended} back in force as {@code to}; false, and
	 * nothing changed, unless the application is in correction with that deadline
	 * stopped.
	 */
	@Transactional
	public boolean resumeCorrection(long applicationId, Instant suspended, Instant to) {
		return store.resumeCorrection(applicationId, suspended, to);
	}

	/** The application's final stage, with the time of the decision. */
	@Transactional
	public void decide(long applicationId, ApplicationStatus finalStatus, String message) {
		store.decide(applicationId, finalStatus, message);
	}

	/**
	 * The enterprise's drafts, not yet submitted, if its account is activated (one not
	 * yet activated may save drafts but not submit them), for the 需要您处理 list while a
	 * window of their kind is open; one query.
	 */
	@Transactional(readOnly = true)
	public List<ApplicationSummary> drafts(long enterpriseId) {
		return store.drafts(enterpriseId);
	}

	/**
	 * The drafts of {@code kind} not yet submitted whose enterprises may submit them
	 * (accounts activated), each with its enterprise's account: whom to remind before a
	 * window of that kind closes; one query.
	 */
	@Transactional(readOnly = true)
	public List<OwnedDraft> submittableDrafts(ApplicationKind kind) {
		return store.submittableDrafts(kind);
	}

	/**
	 * Whether the application is still a draft, its row held until the caller's
	 * transaction ends: a submission or deletion since it was read answers false, one
	 * under way now waits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stillDraft(long applicationId) {
		return store.stillDraft(applicationId);
	}

	/** Ids of applications; convenience for lists of many (one query). */
	@Transactional(readOnly = true)
	public List<ApplicationSummary> summaries(List<Long> ids) {
		return store.summaries(ids);
	}

	/**
	 * Applications with their applicants' names, for a reviewer's list whose access the
	 * caller has checked.
	 */
	@Transactional(readOnly = true)
	public List<CaseListing> listings(List<Long> ids) {
		return store.listings(ids);
	}

}
