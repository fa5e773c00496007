package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.liaocheng.renewal.review.CaseOfStep;

/**
 * The application an after-award step acts on is its instance's business key, as for the
 * review processes, and only in the after-award process the product started for it
 * ({@link CaseOfStep}): a step of any other instance carrying that key fails. Nothing a
 * task completion sends can change which case that is.
 */
final class AftercareCase {

	/** How the system signs the steps it takes itself in the case history. */
	static final String SYSTEM = "system";

	static final String SYSTEM_NAME = "系统";

	private AftercareCase() {
	}

	static long of(DelegateExecution execution) {
		return CaseOfStep.afterAward(execution, AftercareModel.PROCESS_KEY);
	}

	static long of(DelegateTask task) {
		return CaseOfStep.afterAward(task, AftercareModel.PROCESS_KEY);
	}

}
