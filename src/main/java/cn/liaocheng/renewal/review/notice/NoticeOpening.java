package cn.liaocheng.renewal.review.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRefused;

/**
 * A subsidy published on the public notice page for {@link ReviewProcesses#NOTICE_DAYS}
 * working days, with the amount recorded on the application (by Task_ComputeSubsidy), not
 * one a task could have written: the notice's period, the case's stage and the news the
 * enterprise gets.
 */
@Component
class NoticeOpening {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChinaTime.ZONE);

	private final WorkingDays workingDays;

	private final PublicNotices notices;

	private final ApplicationStages stages;

	private final ApplicationEventPublisher events;

	NoticeOpening(WorkingDays workingDays, PublicNotices notices, ApplicationStages stages,
			ApplicationEventPublisher events) {
		this.workingDays = workingDays;
		this.notices = notices;
		this.stages = stages;
		this.events = events;
	}

	/**
	 * Opens the application's notice now, in the caller's transaction; returns its end.
	 */
	Instant open(long applicationId) {
		Instant now = Instant.now();
		Instant ends = workingDays.deadline(now, ReviewProcesses.NOTICE_DAYS, ChinaTime.ZONE);
		BigDecimal amount = stages.facts(applicationId).outcomes().subsidyAmount();
		if (amount == null) {
			throw new StepRefused("No subsidy amount recorded for application " + applicationId);
		}
		notices.open(applicationId, now, ends, amount);
		stages.enter(applicationId, ApplicationStatus.PUBLIC_NOTICE, "拟奖补 " + Money.yuan(amount) + " 元，公示至 "
				+ SHOWN.format(ends) + "（" + ReviewProcesses.NOTICE_DAYS + " 个工作日）");
		events.publishEvent(new CaseNews(applicationId, "进入公示",
				"拟奖补 " + Money.yuan(amount) + " 元，已在公示栏公示至 " + SHOWN.format(ends) + "（" + ReviewProcesses.NOTICE_DAYS
						+ " 个工作日）。公示期满无异议或异议经核查不成立的，由市财政局决定是否下达奖补资金；拟奖补金额以下达通知书为准。"));
		return ends;
	}

}
