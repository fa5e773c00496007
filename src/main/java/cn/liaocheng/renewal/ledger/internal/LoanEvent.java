package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded fact of a loan's life; {@code amount} is principal (none for a default).
 */
public record LoanEvent(long id, LoanEventType type, LocalDate date, BigDecimal amount, String contractNo, String note,
		String recordedBy, Instant recordedAt) {

	/** The change to the outstanding principal. */
	BigDecimal balanceChange() {
		return switch (type) {
			case DISBURSEMENT -> amount;
			case REPAYMENT, EARLY_REPAYMENT -> amount.negate();
			case DEFAULT -> BigDecimal.ZERO;
		};
	}

}
