package cn.liaocheng.renewal.aftercare.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.PaymentHolds;
import cn.liaocheng.renewal.review.HeldSteps;

/**
 * The payment step is held while something holds the case's payment (a clawback): the
 * county finance bureau may not record an instalment then ({@link SubsidyInstalments}),
 * so the step is not overdue, not due soon and not to be urged.
 */
@Component
class HeldPaymentStep implements HeldSteps {

	private final List<PaymentHolds> holds;

	HeldPaymentStep(List<PaymentHolds> holds) {
		this.holds = holds;
	}

	@Override
	public Set<String> steps() {
		return Set.of(AftercareModel.PAYMENT_TASK);
	}

	@Override
	public Set<Long> held(String taskDefinitionKey, Collection<Long> applicationIds) {
		if (!AftercareModel.PAYMENT_TASK.equals(taskDefinitionKey) || applicationIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> held = new HashSet<>();
		holds.forEach(h -> held.addAll(h.held(applicationIds)));
		return held;
	}

	/**
	 * The first hold's reason for each case, as the bureau recording the payment is told
	 * ({@link SubsidyInstalments}).
	 */
	@Override
	public Map<Long, String> reasons(String taskDefinitionKey, Collection<Long> applicationIds) {
		if (!AftercareModel.PAYMENT_TASK.equals(taskDefinitionKey) || applicationIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> reasons = new HashMap<>();
		holds.forEach(h -> h.reasons(applicationIds).forEach(reasons::putIfAbsent));
		return reasons;
	}

}
