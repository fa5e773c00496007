package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything after the award of one case that its enterprise may see: the allocation and
 * its payments, what the enterprise sent, the bureaus' findings, where the case stands
 * now and what the enterprise can do.
 *
 * @param currentStep where the case stands, in words (e.g. 县级财政拨付中)
 * @param handledBy who handles it now, {@code 您单位} when it waits for the enterprise,
 * empty when it has ended
 * @param dueDate the day the current step is due (a reviewer's task or the rectification
 * deadline), or {@code null}
 * @param actions what the enterprise can do now
 * @param promised what the dossier promised, to compare a performance report with
 */
public record AftercareView(BigDecimal allocated, BigDecimal paid, List<Payment> payments, List<Submission> submissions,
		List<Finding> findings, String currentStep, String handledBy, LocalDate dueDate, Set<Action> actions,
		Promised promised) {

	public enum Action {

		APPLY_FOR_ACCEPTANCE, SUBMIT_RECTIFICATION, REPORT_PERFORMANCE

	}

	public record Promised(BigDecimal outputValue, BigDecimal energySaving, Integer bestEfficiencyGrade,
			String otherBenefits) {
	}

	public BigDecimal unpaid() {
		return allocated.subtract(paid);
	}

	/** Whether the enterprise can do this now (for the page: an action's name). */
	public boolean offers(String action) {
		return actions.contains(Action.valueOf(action));
	}

	public boolean awaitsEnterprise() {
		return !actions.isEmpty();
	}

}
