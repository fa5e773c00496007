package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A loan as its pages show it: the grant, what the bank recorded, the balance now, the
 * subsidy window and the ledger.
 *
 * @param subsidyUntil the last day the subsidy can cover, or {@code null} before the
 * first disbursement
 * @param tranches what each disbursement accrues under, in words, by the event's id: the
 * rate of the rule in force on its day, or why it gets nothing; empty unless the interest
 * subsidy was decided and granted
 * @param mayRecord the viewer is an officer of the granting bank and the loan is still
 * open
 * @param mayPay the viewer is of the finance bureau
 * @param periodEnd when a ledger period ends, in words: 每月末, or 每季度末 where periods are
 * quarters
 */
public record LoanView(GrantedLoan loan, String bankName, List<LoanEvent> events, BigDecimal disbursed,
		BigDecimal balance, String state, boolean closed, LocalDate subsidyFrom, LocalDate subsidyUntil,
		Map<Long, String> tranches, List<LedgerRow> rows, BigDecimal accrued, BigDecimal paid, boolean mayRecord,
		boolean mayPay, String periodEnd) {
}
