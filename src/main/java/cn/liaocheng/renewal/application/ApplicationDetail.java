package cn.liaocheng.renewal.application;

import java.util.List;

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
}
