package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One period of a loan's interest-subsidy ledger. */
public record LedgerRow(long id, long applicationId, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
		BigDecimal balanceBasis, int days, BigDecimal points, BigDecimal amount, LedgerStatus status,
		Instant accruedAt, String approvedBy, Instant approvedAt, LocalDate paidOn, String voucherNo, String paidBy,
		Long noticeDecisionId) {
}
