package cn.liaocheng.renewal.aftercare;

import java.util.Optional;

/**
 * Why the county finance bureau may not pay (more of) a case's allocated subsidy now, if
 * anything holds it: the clawback module answers while a clawback of the case runs or
 * after it decided one.
 */
public interface PaymentHolds {

	/** The reason shown to the finance bureau, or empty when the payment may go ahead. */
	Optional<String> heldFor(long applicationId);

}
