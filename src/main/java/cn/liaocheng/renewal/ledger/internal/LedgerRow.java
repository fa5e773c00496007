package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One period of a loan's interest-subsidy ledger; who approved and paid it stays in the
 * records and the audit trail, not in answers to banks.
 */
public record LedgerRow(long id, long applicationId, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
		BigDecimal balanceBasis, int days, BigDecimal points, BigDecimal amount, LedgerStatus status, Instant accruedAt,
		@JsonIgnore String approvedBy, Instant approvedAt, LocalDate paidOn, String voucherNo,
		@JsonIgnore String paidBy, Long noticeDecisionId) {
}
