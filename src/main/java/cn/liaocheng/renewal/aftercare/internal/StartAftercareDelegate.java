package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.CaseOfStep;

/**
 * Task_StartAftercare of subsidy-application: once the allocation decision is issued, the
 * after-award process starts for the same application, in the same transaction
 * ({@link AftercareMilestones#start}). The step must run in the application's own review
 * process.
 */
@Component("startAftercareDelegate")
class StartAftercareDelegate implements JavaDelegate {

	private final AftercareMilestones milestones;

	StartAftercareDelegate(AftercareMilestones milestones) {
		this.milestones = milestones;
	}

	@Override
	public void execute(DelegateExecution execution) {
		milestones.start(CaseOfStep.review(execution));
	}

}
