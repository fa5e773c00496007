package cn.liaocheng.renewal.clawback;

import java.time.LocalDate;

/**
 * Published in the transaction in which the city industry bureau lifted a negative-list
 * entry before its last day: the enterprise, told of the listing, is told of its end.
 *
 * @param enterpriseUserId the enterprise's account
 * @param applicationId the case the listing arose from, if any
 * @param reason why the enterprise was listed, as the listing said it
 * @param liftReason why the bureau lifted it
 * @param liftedOn the day it was lifted (Beijing)
 * @param stillListedUntil the last day of another entry that still keeps the enterprise
 * from submitting, {@code null} when none does
 */
public record NegativeListLifted(String enterpriseUserId, Long applicationId, String reason, String liftReason,
		LocalDate liftedOn, LocalDate stillListedUntil) {
}
