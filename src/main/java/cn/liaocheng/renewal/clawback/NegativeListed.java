package cn.liaocheng.renewal.clawback;

import java.time.LocalDate;

/**
 * Published in the transaction that put an enterprise on the negative list, by a
 * clawback's decision or by the city industry bureau: the enterprise is told before a
 * refused submission would tell it.
 *
 * @param enterpriseUserId the enterprise's account
 * @param applicationId the case it arose from, if any
 */
public record NegativeListed(String enterpriseUserId, Long applicationId, String reason, LocalDate until) {
}
