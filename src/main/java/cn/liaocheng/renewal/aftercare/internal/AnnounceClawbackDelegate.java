package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.review.StepRefused;

/**
 * Task_AnnounceAcceptanceFailed and Task_AnnounceRectificationLapsed: the subsidy must be
 * recovered, for the cause the step names; announced in the engine's transaction if the
 * record supports it ({@link ClawbackAnnouncements}), else the job fails with the reason
 * (an incident once its retries are spent).
 */
@Component("announceClawbackDelegate")
class AnnounceClawbackDelegate implements JavaDelegate {

	private final ClawbackAnnouncements announcements;

	AnnounceClawbackDelegate(ClawbackAnnouncements announcements) {
		this.announcements = announcements;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = AftercareCase.of(execution);
		ClawbackDue.Cause cause = ClawbackDue.Cause
			.valueOf(String.valueOf(execution.getVariableLocal(AftercareModel.CLAWBACK_CAUSE)));
		try {
			announcements.announce(applicationId, cause);
		}
		catch (StepRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

}
