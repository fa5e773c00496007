package cn.liaocheng.renewal.review.correction;

import java.time.Instant;

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

/**
 * A case returned to the enterprise for correction: the reasons are the return round's
 * opinions of record (those given since the last resubmission), the deadline
 * {@link ReviewProcesses#CORRECTION_DAYS} working days from now; both are recorded on the
 * application, which waits for the enterprise, and the enterprise is told
 * ({@link CaseReturned}).
 */
@Component
class Corrections {

	/** What the process needs of an opened correction: its deadline and reasons. */
	record Opened(Instant deadline, String reasons) {
	}

	private final WorkingDays workingDays;

	private final ApplicationStages stages;

	private final OpinionStore opinions;

	private final ApplicationEventPublisher events;

	Corrections(WorkingDays workingDays, ApplicationStages stages, OpinionStore opinions,
			ApplicationEventPublisher events) {
		this.workingDays = workingDays;
		this.stages = stages;
		this.opinions = opinions;
		this.events = events;
	}

	/** Opens the application's correction now, in the caller's transaction. */
	Opened open(long applicationId) {
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
		events.publishEvent(new CaseReturned(applicationId, deadline, reasons));
		return new Opened(deadline, reasons);
	}

}
