package cn.liaocheng.renewal.review.notice;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_CheckObjections: at the end of the notice period, any unresolved objection holds
 * the case for the lead body, whose task shows them ({@link ObjectionsOnTheirTask}).
 */
@Component("checkObjectionsDelegate")
class CheckObjectionsDelegate implements JavaDelegate {

	private final PublicNotices notices;

	CheckObjectionsDelegate(PublicNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		// An objection filed in the period's last moment may not have committed yet.
		notices.holdFilings(applicationId);
		List<PublicNotices.Objection> objections = notices.unresolved(applicationId);
		execution.setVariable(ReviewProcesses.HAS_OBJECTIONS, !objections.isEmpty());
		// The objections themselves go on the lead body's task only
		// (ObjectionsOnTheirTask); a summary an earlier version left on the case goes.
		execution.removeVariable(ReviewProcesses.OBJECTION_SUMMARY);
	}

}
