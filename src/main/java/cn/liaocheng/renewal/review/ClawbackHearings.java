package cn.liaocheng.renewal.review;

import java.time.Instant;
import java.util.Optional;

/**
 * The record of a clawback's prior notice (事先告知) and the enterprise's answer, as the
 * clawback module keeps it, read by the issuing rules ({@link DecisionGrounds}) before a
 * clawback decision is numbered or signed. The clawback module provides it from its
 * tables; nothing in it comes from process variables.
 */
public interface ClawbackHearings {

	/** The clawback of the application, empty when it has none. */
	Optional<Hearing> of(long applicationId);

	/**
	 * @param required whether the decision must rest on a notice: every clawback started
	 * since notices are given; one started before is completed as it was
	 * @param determinedAt the determination in force, {@code null} before one
	 * @param notice the latest notice, {@code null} when none was given
	 */
	record Hearing(boolean required, Instant determinedAt, Notice notice) {
	}

	/**
	 * @param processInstanceId the clawback instance the notice was given in
	 * @param determinedAt the determination it notified
	 * @param endsAt the end of the statement period
	 * @param answer {@code STATEMENT}, {@code WAIVED}, or {@code null} while none
	 */
	record Notice(String number, String processInstanceId, Instant determinedAt, Instant issuedAt, Instant endsAt,
			String answer, Instant answeredAt) {
	}

}
