package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.OpenCorrections;
import cn.liaocheng.renewal.application.OpenCorrections.OpenCorrection;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.enterprise.EnterpriseAccountChanged;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * A correction (补正) while the enterprise's account is disabled: the enterprise cannot
 * resubmit, so the time does not count against it. When the county disables the account,
 * each open correction's deadline stops ({@link ApplicationStages#suspendCorrection}: no
 * deadline in force, so nothing treats the case as lapsed) and its timer is suspended (a
 * case does not lapse for a failure the authority caused); when it restores the account,
 * each deadline comes back moved later by the working days the account was disabled (the
 * day of disabling and the day of restoring counted whole), its timer with it, and the
 * case's history and the enterprise say so. No case is returned for correction while the
 * account is disabled ({@code RecordOpinionListener}). In the transaction that changes
 * the account, on the product's own authority: the county officer may not suspend or move
 * jobs.
 */
@Component
class DisabledAccountCorrections {

	private static final Logger LOG = LoggerFactory.getLogger(DisabledAccountCorrections.class);

	private final OpenCorrections corrections;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final IdentityService identity;

	private final ApplicationStages stages;

	private final WorkingDays workingDays;

	private final ApplicationEventPublisher events;

	DisabledAccountCorrections(OpenCorrections corrections, TaskService tasks, RuntimeService runtime,
			ManagementService management, IdentityService identity, ApplicationStages stages, WorkingDays workingDays,
			ApplicationEventPublisher events) {
		this.corrections = corrections;
		this.tasks = tasks;
		this.runtime = runtime;
		this.management = management;
		this.identity = identity;
		this.stages = stages;
		this.workingDays = workingDays;
		this.events = events;
	}

	@EventListener
	void on(EnterpriseAccountChanged event) {
		ProductAuthority.run(identity, () -> {
			if (event.disabled()) {
				corrections.ofEnterprise(event.userId()).forEach(correction -> suspend(correction, event));
			}
			else if (event.disabledSince() != null) {
				corrections.suspendedOf(event.userId()).forEach(correction -> resume(correction, event));
			}
		});
	}

	private void suspend(OpenCorrection c, EnterpriseAccountChanged event) {
		if (Outcomes.correctionLapsed(c.deadline(), event.at())) {
			return;
		}
		List<Job> timers = timersAt(c).stream().filter(job -> !job.isSuspended()).toList();
		if (timers.isEmpty() || !stages.suspendCorrection(c.applicationId(), c.deadline())) {
			return;
		}
		timers.forEach(job -> management.suspendJobById(job.getId()));
		stages.note(c.applicationId(), "system", "审批系统", "CORRECTION_SUSPENDED",
				"企业账户于 " + ChinaTime.minute(event.at()) + " 由" + event.body() + "停用；停用期间企业不能重新提交，补正期限（"
						+ ChinaTime.minute(c.deadline()) + "）暂停计算，账户恢复后按停用的工作日数顺延。");
		events.publishEvent(new CaseNews(c.applicationId(), "补正期限暂停计算",
				"的补正期限（" + ChinaTime.minute(c.deadline()) + "）在账户停用期间暂停计算，不会因此逾期；账户恢复后按停用的工作日数顺延，届时另行告知新的期限。"));
	}

	private void resume(OpenCorrection c, EnterpriseAccountChanged event) {
		List<Job> timers = timersAt(c);
		Optional<Task> task = correctionTask(c);
		if (task.isEmpty()) {
			return;
		}
		LocalDate first = LocalDate.ofInstant(event.disabledSince(), ChinaTime.ZONE);
		LocalDate last = LocalDate.ofInstant(event.at(), ChinaTime.ZONE);
		ZonedDateTime deadline = c.deadline().atZone(ChinaTime.ZONE);
		WorkingDays.Postponed postponed = workingDays.postpone(deadline.toLocalDate(), first, last);
		int days = postponed.days();
		Instant to = deadline.with(postponed.to()).toInstant();
		if (!stages.resumeCorrection(c.applicationId(), c.deadline(), to)) {
			return;
		}
		timers.forEach(job -> {
			management.setJobDuedate(job.getId(), Date.from(to));
			management.activateJobById(job.getId());
		});
		String was = ChinaTime.minute(c.deadline());
		String period = ChinaTime.minute(event.disabledSince()) + " 至 " + ChinaTime.minute(event.at());
		if (days == 0) {
			// The suspension promised the new deadline would be told: it is the old one.
			stages.note(c.applicationId(), "system", "审批系统", "CORRECTION_RESUMED",
					"企业账户于 " + ChinaTime.minute(event.at()) + " 恢复。账户停用期间（" + period + "）没有工作日，补正期限仍为 " + was + "。");
			events.publishEvent(new CaseNews(c.applicationId(), "补正期限恢复计算",
					"的补正期限不变：账户停用期间（" + period + "）没有工作日，补正期限仍为 " + was + "，请在期限前修改并重新提交。"));
			return;
		}
		runtime.setVariable(task.get().getProcessInstanceId(), ReviewProcesses.CORRECTION_DEADLINE,
				DateTimeFormatter.ISO_INSTANT.format(to));
		String until = ChinaTime.minute(to);
		stages.note(c.applicationId(), "system", "审批系统", "CORRECTION_EXTENDED", "企业账户于 " + ChinaTime.minute(event.at())
				+ " 恢复。账户停用期间（" + period + "，" + days + " 个工作日）不计入补正期限，补正期限由 " + was + " 顺延至 " + until + "。");
		events.publishEvent(new CaseNews(c.applicationId(), "补正期限顺延",
				"的补正期限因账户停用期间（" + period + "）不计入，由 " + was + " 顺延至 " + until + "，请在新期限前修改并重新提交。"));
		LOG.info("Correction of application {} extended from {} to {}: account disabled {} working days",
				c.applicationId(), c.deadline(), to, days);
	}

	/** The correction task of the case's process of record. */
	private Optional<Task> correctionTask(OpenCorrection c) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(c.applicationId()))
			.taskDefinitionKey(ReviewProcesses.TASK_ENTERPRISE_CORRECTION)
			.list()
			.stream()
			.filter(t -> stages.reviewProcess(c.applicationId())
				.filter(root -> root.equals(rootOf(t.getProcessInstanceId())))
				.isPresent())
			.findFirst();
	}

	private String rootOf(String processInstanceId) {
		var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
		return instance == null ? null : instance.getRootProcessInstanceId();
	}

	/**
	 * The timers of the correction waiting on its recorded deadline, suspended or not.
	 */
	private List<Job> timersAt(OpenCorrection c) {
		return correctionTask(c)
			.map(task -> management.createJobQuery()
				.processInstanceId(task.getProcessInstanceId())
				.timers()
				.list()
				.stream()
				.filter(job -> job.getDuedate() != null && job.getDuedate().toInstant().equals(c.deadline()))
				.toList())
			.orElse(List.of());
	}

}
