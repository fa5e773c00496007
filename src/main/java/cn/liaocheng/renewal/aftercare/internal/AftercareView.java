package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

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
 * @param paymentStopped the subsidy was recovered or revoked, or a clawback under way
 * holds its payment: what is unpaid is not paid now
 */
public record AftercareView(BigDecimal allocated, BigDecimal paid, List<Payment> payments, List<Submission> submissions,
		List<Finding> findings, String currentStep, String handledBy, LocalDate dueDate, Set<Action> actions,
		Promised promised, boolean paymentStopped) {

	public enum Action {

		APPLY_FOR_ACCEPTANCE, SUBMIT_RECTIFICATION, REPORT_PERFORMANCE

	}

	/**
	 * The outcomes the project promised when it was registered.
	 *
	 * @param outputIncrease 预计年新增产值: an increase of the annual output, not a total, so it
	 * is not comparable with the 实际年产值 (a total) a performance report states
	 * @param energySaving 预计年节能量, tonnes of standard coal a year
	 * @param bestEfficiencyGrade the best energy-efficiency grade of the equipment bought
	 */
	public record Promised(BigDecimal outputIncrease, BigDecimal energySaving, Integer bestEfficiencyGrade,
			String otherBenefits) {

		/**
		 * The name {@link #outputIncrease} had in the API before; it never was an output
		 * total.
		 */
		@Deprecated
		@JsonProperty
		@Schema(deprecated = true, description = "同 outputIncrease：预计年新增产值（新增额），不是年产值总额")
		public BigDecimal outputValue() {
			return outputIncrease;
		}

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

	/**
	 * Whether the acceptance application the enterprise is asked for is a second one: the
	 * county's check sent the last one back.
	 */
	public boolean acceptanceSentBack() {
		return sentBack(findings);
	}

	static boolean sentBack(List<Finding> findings) {
		if (findings.isEmpty()) {
			return false;
		}
		Finding last = findings.get(findings.size() - 1);
		return Finding.sendsAcceptanceBack(last.step().name(), last.result());
	}

}
