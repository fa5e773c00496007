package cn.liaocheng.renewal.application;

import java.util.List;

/** Everything about one application that its enterprise may see. */
public record ApplicationDetail(ApplicationSummary summary, long enterpriseId, String enterpriseName,
		String divisionCode, int version, Dossier dossier, String projectTitle, List<AttachmentView> attachments,
		List<ApplicationEvent> history, List<FieldProblem> missingForSubmission) {
}
