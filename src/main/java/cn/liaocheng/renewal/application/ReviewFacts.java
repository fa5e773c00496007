package cn.liaocheng.renewal.application;

/**
 * What the review processes and decisions need to know of an application and its
 * applicant.
 */
public record ReviewFacts(long applicationId, String referenceNo, ApplicationKind kind, ApplicationStatus status,
		String divisionCode, String title, String projectName, long enterpriseId, String enterpriseName,
		String creditCode, String enterpriseUser, Dossier dossier, Outcomes outcomes) {
}
