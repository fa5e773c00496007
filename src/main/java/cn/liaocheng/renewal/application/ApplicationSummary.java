package cn.liaocheng.renewal.application;

import java.time.Instant;

/** One line of an applicant's list. */
public record ApplicationSummary(long id, String referenceNo, ApplicationKind kind, String title,
		ApplicationStatus status, Instant updatedAt, Instant submittedAt) {
}
