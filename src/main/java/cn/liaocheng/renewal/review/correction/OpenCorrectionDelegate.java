package cn.liaocheng.renewal.review.correction;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_OpenCorrection: the application waits for the enterprise ({@link Corrections});
 * the deadline drives the timer that lapses the application, and the reasons are shown on
 * the enterprise's correction task (the first 1,000 characters; the application's history
 * keeps them whole).
 */
@Component("openCorrectionDelegate")
class OpenCorrectionDelegate implements JavaDelegate {

	private final Corrections corrections;

	OpenCorrectionDelegate(Corrections corrections) {
		this.corrections = corrections;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Corrections.Opened opened = corrections.open(ReviewedApplication.of(execution));
		execution.setVariable(ReviewProcesses.CORRECTION_DEADLINE,
				DateTimeFormatter.ISO_INSTANT.format(opened.deadline()));
		String reasons = opened.reasons();
		execution.setVariable(ReviewProcesses.CORRECTION_REASONS,
				reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons);
	}

}
