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
 * @param round which clawback of the case this is, from 1: a case whose clawback was
 * dropped (经核查不予追回) may have another on new grounds, which is the current one
 */
public record ClawbackView(long id, long applicationId, String referenceNo, String enterpriseName, String projectName,
		String divisionCode, ClawbackDue.Cause cause, String facts, Instant startedAt, ClawbackStatus status,
		BigDecimal allocated, BigDecimal amount, LocalDate deadline, Integer listMonths, String repaymentAccount,
		Long decisionId, String decisionNumber, BigDecimal repaid, List<Repayment> repayments, int round) {

	public ClawbackView {
		repayments = List.copyOf(repayments);
	}

	/** The same clawback with its repayments as recorded. */
	public ClawbackView withRepayments(List<Repayment> recorded) {
		return new ClawbackView(id, applicationId, referenceNo, enterpriseName, projectName, divisionCode, cause, facts,
				startedAt, status, allocated, amount, deadline, listMonths, repaymentAccount, decisionId,
				decisionNumber, repaid, recorded, round);
	}

	/** The case's first clawback. */
	public ClawbackView(long id, long applicationId, String referenceNo, String enterpriseName, String projectName,
			String divisionCode, ClawbackDue.Cause cause, String facts, Instant startedAt, ClawbackStatus status,
			BigDecimal allocated, BigDecimal amount, LocalDate deadline, Integer listMonths, String repaymentAccount,
			Long decisionId, String decisionNumber, BigDecimal repaid, List<Repayment> repayments) {
		this(id, applicationId, referenceNo, enterpriseName, projectName, divisionCode, cause, facts, startedAt, status,
				allocated, amount, deadline, listMonths, repaymentAccount, decisionId, decisionNumber, repaid,
				repayments, 1);
	}

	/**
	 * What is still owed: the amount less the repayments a second person of the county
	 * finance bureau has checked ({@code repaid}).
	 */
	@JsonProperty
	public BigDecimal outstanding() {
		return amount == null ? null : amount.subtract(repaid).max(BigDecimal.ZERO);
	}

	/**
	 * The clawback as its enterprise reads it: the repayments that count (checked by a
	 * second person), without who in the bureau recorded or checked them; nothing of the
	 * bureau's own checking. The amount, deadline, listing and account only once decided:
	 * before, they are the bureaus' working figures (a determination the county has not
	 * confirmed, or one a statement may still change), and what the enterprise is told of
	 * the intended decision is the prior notice's text.
	 */
	public ClawbackView asToldToEnterprise() {
		List<Repayment> counted = repayments.stream()
			.filter(r -> r.state() == Repayment.State.CONFIRMED)
			.map(r -> new Repayment(r.id(), r.paidOn(), r.amount(), r.voucherNo(), null, null, r.state(), null, null,
					null))
			.toList();
		boolean decided = decisionId != null;
		return new ClawbackView(id, applicationId, referenceNo, enterpriseName, projectName, divisionCode, cause, facts,
				startedAt, status, allocated, decided ? amount : null, decided ? deadline : null,
				decided ? listMonths : null, decided ? repaymentAccount : null, decisionId, decisionNumber, repaid,
				counted, round);
	}

	/** Recorded repayments waiting for their check, which do not count yet. */
	@JsonProperty
	public BigDecimal pending() {
		return repayments.stream()
			.filter(r -> r.state() == Repayment.State.PENDING)
			.map(Repayment::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * Whether, with the deadline passed, everything still owed is recorded as paid on or
	 * before it and only waits for its check: the enterprise paid in time, and is not
	 * overdue unless the check returns part of it.
	 */
	public boolean paidInTimeAwaitingCheck() {
		BigDecimal inTime = repayments.stream()
			.filter(r -> r.state() == Repayment.State.PENDING && deadline != null && !r.paidOn().isAfter(deadline))
			.map(Repayment::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return outstanding() != null && outstanding().signum() > 0 && inTime.compareTo(outstanding()) >= 0;
	}

	@JsonProperty
	public String causeLabel() {
		return cause.label();
	}

	@JsonProperty
	public String statusLabel() {
		return status.label();
	}

	/**
	 * A repayment as the county finance bureau recorded it from the treasury's receipt,
	 * and its check by a second person of the bureau.
	 *
	 * @param checkedBy who confirmed or returned it; {@code null} while pending, and for
	 * repayments recorded before the check was required
	 * @param checkNote why it was returned
	 */
	public record Repayment(long id, LocalDate paidOn, BigDecimal amount, String voucherNo, String recordedBy,
			Instant recordedAt, State state, String checkedBy, Instant checkedAt, String checkNote) {

		/** Whether the repayment counts. */
		public enum State {

			PENDING("待复核"), CONFIRMED("已复核"), RETURNED("复核退回");

			private final String label;

			State(String label) {
				this.label = label;
			}

			public String label() {
				return label;
			}

		}

		@JsonProperty
		public String stateLabel() {
			return state.label();
		}

		/**
		 * Whether this person may check it: it waits for its check, and they did not
		 * record it (the caller has already been admitted to the bureau).
		 */
		public boolean checkableBy(String userId) {
			return state == State.PENDING && !recordedBy.equals(userId);
		}

		/**
		 * Whether it is still the entry the checker compared: its amount and its date.
		 */
		public boolean is(BigDecimal amountSeen, LocalDate paidOnSeen) {
			return amountSeen != null && amountSeen.compareTo(amount) == 0 && paidOn.equals(paidOnSeen);
		}

	}

}
