package cn.liaocheng.renewal.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Steps of a case that stay open but may not be done for now: the county finance bureau's
 * payment ({@link AfterAwardProcesses#TASK_RECORD_PAYMENT}) while a clawback holds it.
 * Such a step is not overdue, not due soon and not to be urged while it is held. The
 * after-award module answers, from what holds its payments.
 */
public interface HeldSteps {

	/**
	 * The steps (task definition keys) that something may hold; any other step is never
	 * held, and readers need ask only about these.
	 */
	Set<String> steps();

	/**
	 * Why the case's step {@code taskDefinitionKey} may not be done now, in Chinese;
	 * empty when it may.
	 */
	default Optional<String> heldFor(long applicationId, String taskDefinitionKey) {
		return Optional.ofNullable(reasons(taskDefinitionKey, List.of(applicationId)).get(applicationId));
	}

	/**
	 * Those of the cases whose step {@code taskDefinitionKey} is held now, in one query
	 * for them all (for lists and counts).
	 */
	Set<Long> held(String taskDefinitionKey, Collection<Long> applicationIds);

	/**
	 * Why each of the cases whose step {@code taskDefinitionKey} is held now may not do
	 * it, in Chinese by case, in a few queries for them all (for the cards of a list);
	 * the others are not in the map.
	 */
	Map<Long, String> reasons(String taskDefinitionKey, Collection<Long> applicationIds);

}
