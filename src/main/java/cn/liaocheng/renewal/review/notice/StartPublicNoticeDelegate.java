package cn.liaocheng.renewal.review.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * Task_StartPublicNotice: the subsidy is published for 5 working days on the public
 * notice page.
 */
@Component("startPublicNoticeDelegate")
class StartPublicNoticeDelegate implements JavaDelegate {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChinaTime.ZONE);

	private final WorkingDays workingDays;

	private final PublicNotices notices;

	private final ApplicationStages stages;

	private final ApplicationEventPublisher events;

	StartPublicNoticeDelegate(WorkingDays workingDays, PublicNotices notices, ApplicationStages stages,
			ApplicationEventPublisher events) {
		this.events = events;
		this.workingDays = workingDays;
		this.notices = notices;
		this.stages = stages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = ReviewedApplication.of(execution);
		Instant now = Instant.now();
		Instant ends = workingDays.deadline(now, ReviewProcesses.NOTICE_DAYS, ChinaTime.ZONE);
		// The amount Task_ComputeSubsidy recorded on the application, not a variable a
		// task could have written.
		BigDecimal amount = stages.facts(applicationId).outcomes().subsidyAmount();
		if (amount == null) {
			throw new ProcessEngineException("No subsidy amount recorded for application " + applicationId);
		}
		notices.open(applicationId, now, ends, amount);
		stages.enter(applicationId, ApplicationStatus.PUBLIC_NOTICE,
				"拟奖补 " + Money.yuan(amount) + " 元，公示至 " + SHOWN.format(ends) + "（5 个工作日）");
		execution.setVariable(ReviewProcesses.NOTICE_ENDS, DateTimeFormatter.ISO_INSTANT.format(ends));
		events.publishEvent(new CaseNews(applicationId, "进入公示", "拟奖补 " + Money.yuan(amount) + " 元，已在公示栏公示至 "
				+ SHOWN.format(ends) + "（5 个工作日）。公示期满无异议或异议经核查不成立的，由市财政局决定是否下达奖补资金；拟奖补金额以下达通知书为准。"));
	}

}
