package cn.liaocheng.renewal.clawback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.liaocheng.renewal.aftercare.ClawbackDue;

/**
 * A clawback as its enterprise and the bodies concerned see it.
 *
 * @param amount the amount to recover, once determined; none when nothing of the
 * allocation was paid and it is revoked instead ({@link ClawbackStatus#REVOKED})
 * @param deadline the last day of payment (inclusive), once determined; none for a
 * revocation
 * @param listMonths months on the negative list decided with it; {@code null} when not
 * listed
 * @param decisionId the signed decision, once issued
 */
public record ClawbackView(long id, long applicationId, String referenceNo, String enterpriseName, String projectName,
		String divisionCode, ClawbackDue.Cause cause, String facts, Instant startedAt, ClawbackStatus status,
		BigDecimal allocated, BigDecimal amount, LocalDate deadline, Integer listMonths, String repaymentAccount,
		Long decisionId, String decisionNumber, BigDecimal repaid, List<Repayment> repayments) {

	public ClawbackView {
		repayments = List.copyOf(repayments);
	}

	@JsonProperty
	public BigDecimal outstanding() {
		return amount == null ? null : amount.subtract(repaid).max(BigDecimal.ZERO);
	}

	@JsonProperty
	public String causeLabel() {
		return cause.label();
	}

	@JsonProperty
	public String statusLabel() {
		return status.label();
	}

	public record Repayment(long id, LocalDate paidOn, BigDecimal amount, String voucherNo, String recordedBy,
			Instant recordedAt) {
	}

}
