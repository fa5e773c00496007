package cn.liaocheng.renewal.review.correction;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.CaseReturned;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.opinions.ReturnRound;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_OpenCorrection: the application waits for the enterprise, with the reasons of the
 * return and a deadline of 10 working days; the deadline drives the timer that lapses the
 * application.
 */
@Component("openCorrectionDelegate")
class OpenCorrectionDelegate implements JavaDelegate {

	private final WorkingDays workingDays;

	private final ApplicationStages stages;

	private final OpinionStore opinions;

	private final ApplicationEventPublisher events;

	OpenCorrectionDelegate(WorkingDays workingDays, ApplicationStages stages, OpinionStore opinions,
			ApplicationEventPublisher events) {
		this.workingDays = workingDays;
		this.stages = stages;
		this.opinions = opinions;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		Instant deadline = workingDays.deadline(Instant.now(), ReviewProcesses.CORRECTION_DAYS, ChinaTime.ZONE);
		Instant lastSubmitted = stages.resubmissions(applicationId)
			.stream()
			.map(Resubmission::at)
			.reduce((a, b) -> b)
			.orElse(null);
		String reasons = ReturnRound.of(opinions.forApplication(applicationId), lastSubmitted).reasons();
		stages.recordCorrectionDeadline(applicationId, deadline);
		stages.enter(applicationId, ApplicationStatus.CORRECTION,
				"申报被退回补正，请于 " + ChinaTime.minute(deadline) + " 前修改并重新提交，逾期申报失效。退回理由：" + reasons);
		execution.setVariable(ReviewProcesses.CORRECTION_DEADLINE, DateTimeFormatter.ISO_INSTANT.format(deadline));
		execution.setVariable(ReviewProcesses.CORRECTION_REASONS,
				reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons);
		events.publishEvent(new CaseReturned(applicationId, deadline, reasons));
	}

}
