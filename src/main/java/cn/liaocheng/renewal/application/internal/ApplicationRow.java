package cn.liaocheng.renewal.application.internal;

import java.time.Instant;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Dossier;

/** An application as stored. */
record ApplicationRow(long id, String referenceNo, ApplicationKind kind, long enterpriseId, String divisionCode,
		ApplicationStatus status, int version, Dossier dossier, String processInstanceId, Instant updatedAt,
		Instant submittedAt) {
}
