package cn.liaocheng.renewal.review.notice;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On completing Task_ResolveObjections: the objections are marked resolved with the lead
 * body's opinion, by this task (its ruling stops counting if the step is done again).
 */
@Component("resolveObjectionsListener")
class ResolveObjectionsListener implements TaskListener {

	private final PublicNotices notices;

	ResolveObjectionsListener(PublicNotices notices) {
		this.notices = notices;
	}

	@Override
	public void notify(DelegateTask task) {
		long applicationId = ReviewedApplication.of(task);
		Object opinion = task.getVariable(ReviewProcesses.OPINION);
		notices.resolveAll(applicationId, task.getId(), opinion == null ? "" : opinion.toString());
	}

}
