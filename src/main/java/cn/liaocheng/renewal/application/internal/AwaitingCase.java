package cn.liaocheng.renewal.application.internal;

import java.time.Instant;

import cn.liaocheng.renewal.application.ApplicationStatus;

/**
 * An enterprise's application as its 需要您处理 list names it, with what the application
 * itself may ask of the enterprise: a correction (by {@code correctionDeadline}) or a
 * bank's grant to accept.
 */
public record AwaitingCase(long id, String referenceNo, String title, ApplicationStatus status,
		Instant correctionDeadline, boolean grantToAccept) {
}
