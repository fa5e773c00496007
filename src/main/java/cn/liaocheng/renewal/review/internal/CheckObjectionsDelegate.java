package cn.liaocheng.renewal.review.internal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;

/** Task_CheckObjections: at the end of the notice period, any unresolved objection holds the case for the lead body. */
@Component("checkObjectionsDelegate")
class CheckObjectionsDelegate implements JavaDelegate {

	private final PublicNotices notices;

	CheckObjectionsDelegate(PublicNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		List<PublicNotices.Objection> objections = notices.unresolved(applicationId);
		execution.setVariable(ReviewProcesses.HAS_OBJECTIONS, !objections.isEmpty());
		String summary = objections.stream()
			.map(o -> o.name() + (o.organisation() == null ? "" : "（" + o.organisation() + "）") + "，电话 " + o.phone() + "："
					+ o.content())
			.reduce((a, b) -> a + "\n" + b)
			.orElse("公示期内未收到异议");
		execution.setVariable(ReviewProcesses.OBJECTION_SUMMARY, summary.length() > 3000 ? summary.substring(0, 3000) : summary);
	}

}
