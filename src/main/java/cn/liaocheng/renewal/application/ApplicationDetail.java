package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * Everything about one application that its enterprise may see: the dossier, what the
 * review decided so far ({@code outcomes}: granted amounts, the loan's terms, the
 * interest subsidy, the correction deadline), the integrity declaration confirmed at the
 * latest submission ({@code null} before), and warnings that do not block submission
 * ({@code invoiceWarnings}).
 */
public record ApplicationDetail(ApplicationSummary summary, long enterpriseId, String enterpriseName,
		String divisionCode, int version, Dossier dossier, String projectTitle, List<AttachmentView> attachments,
		List<ApplicationEvent> history, List<FieldProblem> missingForSubmission, Outcomes outcomes,
		IntegrityDeclaration declaration, List<FieldProblem> invoiceWarnings) {

	/** When the dossier was last submitted again after a correction; empty if never. */
	public Optional<Instant> lastResubmission() {
		return history.stream()
			.filter(e -> ApplicationEvent.RESUBMITTED.equals(e.action()))
			.map(ApplicationEvent::at)
			.max(Instant::compareTo);
	}

	/**
	 * When the dossier or its attachments were last saved after its last submission: a
	 * correction not (yet) resubmitted leaves edits that no submission carried, and a
	 * page or print must not pass them off as submitted. Empty when there are none.
	 */
	public Optional<Instant> savedSinceSubmission() {
		Optional<Instant> submitted = history.stream()
			.filter(e -> ApplicationEvent.SUBMITTED.equals(e.action())
					|| ApplicationEvent.RESUBMITTED.equals(e.action()))
			.map(ApplicationEvent::at)
			.max(Instant::compareTo);
		Optional<Instant> saved = history.stream()
			.filter(e -> ApplicationEvent.UPDATED.equals(e.action())
					|| ApplicationEvent.ATTACHMENT_ADDED.equals(e.action())
					|| ApplicationEvent.ATTACHMENT_REMOVED.equals(e.action()))
			.map(ApplicationEvent::at)
			.max(Instant::compareTo);
		return submitted.isPresent() && saved.isPresent() && saved.get().isAfter(submitted.get()) ? saved
				: Optional.empty();
	}

}
