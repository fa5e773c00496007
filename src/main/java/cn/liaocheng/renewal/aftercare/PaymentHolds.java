package cn.liaocheng.renewal.aftercare;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why the county finance bureau may not pay (more of) a case's allocated subsidy now, if
 * anything holds it: the clawback module answers while a clawback of the case runs or
 * after it decided one.
 */
public interface PaymentHolds {

	/** The reason shown to the finance bureau, or empty when the payment may go ahead. */
	default Optional<String> heldFor(long applicationId) {
		return Optional.ofNullable(reasons(List.of(applicationId)).get(applicationId));
	}

	/**
	 * Those of the cases whose payment is held now, in one query for them all (for lists
	 * and counts).
	 */
	Set<Long> held(Collection<Long> applicationIds);

	/**
	 * Why each of the cases whose payment is held now is held, the reason shown to the
	 * finance bureau by case, in a few queries for them all (for the cards of a list);
	 * the others are not in the map.
	 */
	Map<Long, String> reasons(Collection<Long> applicationIds);

}
