package cn.liaocheng.renewal.aftercare;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Why the county finance bureau may not pay (more of) a case's allocated subsidy now, if
 * anything holds it: the clawback module answers while a clawback of the case runs or
 * after it decided one.
 */
public interface PaymentHolds {

	/** The reason shown to the finance bureau, or empty when the payment may go ahead. */
	Optional<String> heldFor(long applicationId);

	/**
	 * Those of the cases whose payment is held now, in one query for them all (for lists
	 * and counts).
	 */
	Set<Long> held(Collection<Long> applicationIds);

}
