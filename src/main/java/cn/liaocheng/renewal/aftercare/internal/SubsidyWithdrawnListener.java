package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.SubsidyWithdrawn;
import cn.liaocheng.renewal.application.ApplicationStages;

/**
 * Ends the after-award process of a case whose subsidy was recovered or revoked, in the
 * decision's transaction: its payment, acceptance or evaluation step would otherwise wait
 * in a body's task list for money that is no longer paid. A process already ended (an
 * acceptance that failed) is left as it is.
 */
@Component
class SubsidyWithdrawnListener {

	private final RuntimeService runtime;

	private final ApplicationStages stages;

	SubsidyWithdrawnListener(RuntimeService runtime, ApplicationStages stages) {
		this.runtime = runtime;
		this.stages = stages;
	}

	@EventListener
	void on(SubsidyWithdrawn withdrawn) {
		// The after-award process the product started for the case, not another instance
		// carrying its key.
		boolean ended = stages.afterAwardProcess(withdrawn.applicationId(), AftercareModel.PROCESS_KEY)
			.map(process -> !runtime.createMessageCorrelation(AftercareModel.SUBSIDY_WITHDRAWN)
				.processInstanceId(process)
				.correlateAllWithResult()
				.isEmpty())
			.orElse(false);
		if (ended) {
			// Held and proposed only when the decision did so: a subsidy paid in full
			// leaves nothing to hold.
			String payment = withdrawn.revocationProposedTo() == null ? ""
					: "该项目尚未拨付的奖补资金暂停拨付，已建议" + withdrawn.revocationProposedTo() + "撤销，";
			stages.note(withdrawn.applicationId(), AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "AFTERCARE_ENDED",
					"依据" + withdrawn.decisionNumber() + "决定书，" + payment + "项目后续管理（拨付、验收、绩效评价）终止。");
		}
	}

}
