package cn.liaocheng.renewal.aftercare.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.OpenRectifications;
import cn.liaocheng.renewal.aftercare.OpenRectifications.OpenRectification;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.enterprise.EnterpriseAccountChanged;

/**
 * A rectification (限期整改) while the enterprise's account is disabled: it cannot submit its
 * rectification, so the time does not count against it, as for a correction. When the
 * county disables the account, the timer that would send the project to clawback is
 * suspended; when it restores the account, the deadline moves later by the working days
 * the account was disabled (the day of disabling and the day of restoring counted whole),
 * the finding's deadline and the timer with it, and the case's history and the enterprise
 * say so. In the transaction that changes the account, on the product's own authority.
 */
@Component
class DisabledAccountRectifications {

	private static final Logger LOG = LoggerFactory.getLogger(DisabledAccountRectifications.class);

	private final OpenRectifications rectifications;

	private final ApplicationStages stages;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final IdentityService identity;

	private final WorkingDays workingDays;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DisabledAccountRectifications(OpenRectifications rectifications, ApplicationStages stages, RuntimeService runtime,
			ManagementService management, IdentityService identity, WorkingDays workingDays, JdbcClient jdbc,
			ApplicationEventPublisher events) {
		this.rectifications = rectifications;
		this.stages = stages;
		this.runtime = runtime;
		this.management = management;
		this.identity = identity;
		this.workingDays = workingDays;
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void on(EnterpriseAccountChanged event) {
		ProductAuthority.run(identity, () -> {
			for (OpenRectification rectification : rectifications.ofEnterprise(event.userId())) {
				Optional<String> instance = stages.afterAwardProcess(rectification.applicationId(),
						AftercareModel.PROCESS_KEY);
				if (instance.isEmpty()) {
					continue;
				}
				if (event.disabled()) {
					suspend(rectification, instance.get(), event);
				}
				else if (event.disabledSince() != null) {
					resume(rectification, instance.get(), event);
				}
			}
		});
	}

	private void suspend(OpenRectification r, String instance, EnterpriseAccountChanged event) {
		List<Job> timers = timers(instance).stream().filter(job -> !job.isSuspended()).toList();
		if (timers.isEmpty() || !due(r.deadline()).isAfter(event.at())) {
			return;
		}
		timers.forEach(job -> management.suspendJobById(job.getId()));
		stages.note(r.applicationId(), "system", "审批系统", "RECTIFICATION_SUSPENDED",
				"企业账户于 " + ChinaTime.minute(event.at()) + " 由" + event.body() + "停用；停用期间企业不能提交整改材料，整改期限（"
						+ ChinaTime.day(r.deadline()) + "）暂停计算，账户恢复后按停用的工作日数顺延。");
		events.publishEvent(new CaseNews(r.applicationId(), "整改期限暂停计算",
				"的整改期限（" + ChinaTime.day(r.deadline()) + "）在账户停用期间暂停计算，不会因此转入追回程序；账户恢复后按停用的工作日数顺延，届时另行告知新的期限。"));
	}

	private void resume(OpenRectification r, String instance, EnterpriseAccountChanged event) {
		List<Job> timers = timers(instance);
		if (timers.isEmpty() || timers.stream().noneMatch(Job::isSuspended)) {
			return;
		}
		LocalDate first = LocalDate.ofInstant(event.disabledSince(), ChinaTime.ZONE);
		LocalDate last = LocalDate.ofInstant(event.at(), ChinaTime.ZONE);
		WorkingDays.Postponed postponed = workingDays.postpone(r.deadline(), first, last);
		int days = postponed.days();
		LocalDate moved = postponed.to();
		if (days > 0 && moveDeadline(r, moved)) {
			Instant due = due(moved);
			timers.forEach(job -> management.setJobDuedate(job.getId(), java.util.Date.from(due)));
			runtime.setVariable(instance, AftercareModel.RECTIFICATION_DUE, DateTimeFormatter.ISO_INSTANT.format(due));
			String period = ChinaTime.minute(event.disabledSince()) + " 至 " + ChinaTime.minute(event.at());
			stages.note(r.applicationId(), "system", "审批系统", "RECTIFICATION_EXTENDED",
					"企业账户于 " + ChinaTime.minute(event.at()) + " 恢复。账户停用期间（" + period + "，" + days
							+ " 个工作日）不计入整改期限，整改期限由 " + ChinaTime.day(r.deadline()) + " 顺延至 " + ChinaTime.day(moved)
							+ "（含当日）。");
			events.publishEvent(new CaseNews(r.applicationId(), "整改期限顺延", "的整改期限因账户停用期间（" + period + "）不计入，由 "
					+ ChinaTime.day(r.deadline()) + " 顺延至 " + ChinaTime.day(moved) + "（含当日），请在新期限前提交整改材料。"));
			LOG.info("Rectification of application {} extended from {} to {}: account disabled {} working days",
					r.applicationId(), r.deadline(), moved, days);
		}
		else if (days == 0) {
			// The suspension promised the new deadline would be told: it is the old one.
			String period = ChinaTime.minute(event.disabledSince()) + " 至 " + ChinaTime.minute(event.at());
			stages.note(r.applicationId(), "system", "审批系统", "RECTIFICATION_RESUMED",
					"企业账户于 " + ChinaTime.minute(event.at()) + " 恢复。账户停用期间（" + period + "）没有工作日，整改期限仍为 "
							+ ChinaTime.day(r.deadline()) + "（含当日）。");
			events.publishEvent(new CaseNews(r.applicationId(), "整改期限恢复计算", "的整改期限不变：账户停用期间（" + period
					+ "）没有工作日，整改期限仍为 " + ChinaTime.day(r.deadline()) + "（含当日），请在期限前提交整改材料。"));
		}
		timers.forEach(job -> management.activateJobById(job.getId()));
	}

	/** The latest on-site acceptance finding's deadline, if it is still the one read. */
	private boolean moveDeadline(OpenRectification r, LocalDate to) {
		return jdbc.sql("""
				UPDATE aftercare_finding SET deadline = :to
				WHERE application_id = :application AND step = :step AND deadline = :from
				  AND recorded_at = (SELECT MAX(l.recorded_at) FROM aftercare_finding l
				                     WHERE l.application_id = :application AND l.step = :step)""")
			.param("to", Date.valueOf(to))
			.param("application", r.applicationId())
			.param("step", Finding.Step.CITY_ACCEPTANCE.name())
			.param("from", Date.valueOf(r.deadline()))
			.update() == 1;
	}

	/** The timer fires when the deadline day has ended in Beijing. */
	private static Instant due(LocalDate deadline) {
		return deadline.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
	}

	private List<Job> timers(String instance) {
		return management.createJobQuery()
			.processInstanceId(instance)
			.timers()
			.activityId(AftercareModel.RECTIFICATION_LAPSED_EVENT)
			.list();
	}

}
