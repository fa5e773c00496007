package cn.liaocheng.renewal.review.notice;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_StartPublicNotice: the subsidy is published on the public notice page
 * ({@link NoticeOpening}); the process waits for the notice's end.
 */
@Component("startPublicNoticeDelegate")
class StartPublicNoticeDelegate implements JavaDelegate {

	private final NoticeOpening opening;

	StartPublicNoticeDelegate(NoticeOpening opening) {
		this.opening = opening;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			execution.setVariable(ReviewProcesses.NOTICE_ENDS,
					DateTimeFormatter.ISO_INSTANT.format(opening.open(ReviewedApplication.of(execution))));
		}
		catch (StepRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

}
