package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.PaymentHolds;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * Reads where a case stands after the award from its after-award process and its records;
 * the caller has checked that the reader may see the case. A handful of queries per case,
 * whatever the number of payments or files.
 */
@Component
class AftercareStandings {

	static final String YOU = "您单位";

	private static final Map<String, String> ENDINGS = Map.of("EndEvent_Evaluated", "绩效评价已完成",
			"EndEvent_AcceptanceFailed", "验收不通过，已转入奖补资金追回", "EndEvent_RectificationLapsed", "逾期未提交整改材料，已转入奖补资金追回",
			AftercareModel.WITHDRAWN_END, "已就奖补资金作出追回或处理决定，后续管理终止");

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final ManagementService management;

	private final AftercareRecords records;

	private final ApplicationStages stages;

	private final OrganizationCatalog bodies;

	private final List<PaymentHolds> holds;

	AftercareStandings(RuntimeService runtime, TaskService tasks, HistoryService history, ManagementService management,
			AftercareRecords records, ApplicationStages stages, OrganizationCatalog bodies, List<PaymentHolds> holds) {
		this.holds = holds;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.management = management;
		this.records = records;
		this.stages = stages;
		this.bodies = bodies;
	}

	/**
	 * The case's after-award record, or empty when it has none (not an allocated
	 * subsidy).
	 */
	Optional<AftercareView> of(long applicationId) {
		// The instance the product started for the case, whatever other carries its key.
		HistoricProcessInstance started = stages.afterAwardProcess(applicationId, AftercareModel.PROCESS_KEY)
			.map(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult())
			.orElse(null);
		if (started == null) {
			return Optional.empty();
		}
		ReviewFacts facts = stages.facts(applicationId);
		List<Payment> payments = records.payments(applicationId);
		List<Finding> findings = records.findings(applicationId);
		BigDecimal paid = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		Set<AftercareView.Action> actions = EnumSet.noneOf(AftercareView.Action.class);
		// A clawback under way (or decided) holds what is not yet paid.
		Optional<String> held = holds.stream().map(h -> h.heldFor(applicationId)).flatMap(Optional::stream).findFirst();
		String step;
		String handledBy = "";
		LocalDate due = null;
		ProcessInstance running = runtime.createProcessInstanceQuery()
			.processInstanceId(started.getId())
			.singleResult();
		String ended = running == null ? endEvent(started) : null;
		if (running == null) {
			step = ENDINGS.getOrDefault(ended, "后续管理已终止");
		}
		else {
			Task open = tasks.createTaskQuery()
				.processInstanceId(running.getId())
				.active()
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			if (open != null && AftercareModel.PAYMENT_TASK.equals(open.getTaskDefinitionKey()) && held.isPresent()) {
				// The county may not record a payment while a clawback holds it: nothing
				// is due from it and there is nothing to urge.
				step = held.get();
			}
			else if (open != null) {
				step = open.getName();
				handledBy = bodies.groupName(candidateGroup(open));
				due = open.getDueDate() == null ? null
						: LocalDate.ofInstant(open.getDueDate().toInstant(), WorkingDays.CHINA);
			}
			else if (waitsFor(running, AftercareModel.ACCEPTANCE_APPLIED)) {
				actions.add(AftercareView.Action.APPLY_FOR_ACCEPTANCE);
				step = AftercareView.sentBack(findings) ? "验收材料待补充" : "待企业申请项目验收";
				handledBy = YOU;
			}
			else if (waitsFor(running, AftercareModel.RECTIFICATION_SUBMITTED)) {
				due = lastAcceptance(findings).map(Finding::deadline).orElse(null);
				if (rectificationDeadlinePassed(findings).isPresent()) {
					// The deadline has passed; the timer that ends the wait runs shortly.
					step = "整改期限已过，转入奖补资金追回程序";
					handledBy = bodies.groupName(GroupNames.city("industry"));
				}
				else {
					actions.add(AftercareView.Action.SUBMIT_RECTIFICATION);
					step = "限期整改";
					handledBy = YOU;
				}
			}
			else if (waitsFor(running, AftercareModel.PERFORMANCE_REPORTED)) {
				actions.add(AftercareView.Action.REPORT_PERFORMANCE);
				step = "待企业报送绩效自评";
				handledBy = YOU;
			}
			else {
				Job timer = management.createJobQuery()
					.processInstanceId(running.getId())
					.timers()
					.list()
					.stream()
					.min(Comparator.comparing(Job::getDuedate))
					.orElse(null);
				// The timer's day is when the report may start, not a deadline.
				step = timer == null ? "系统处理中"
						: "验收已通过，请自"
								+ ChinaTime.day(LocalDate.ofInstant(timer.getDuedate().toInstant(), WorkingDays.CHINA))
								+ "起报送项目绩效自评";
			}
		}
		Dossier d = facts.dossier();
		Integer bestGrade = d.equipmentLines()
			.stream()
			.map(Dossier.EquipmentLine::efficiencyGrade)
			.filter(g -> g != null)
			.min(Integer::compare)
			.orElse(null);
		// The outcome figures were promised when the project was registered; the subsidy
		// claim lists what was bought. The output promised is an increase (预计年新增产值).
		Optional<ProjectDossier> project = stages.registeredProject(d);
		AftercareView.Promised promised = new AftercareView.Promised(
				project.map(ProjectDossier::expectedOutputValue).orElse(null),
				project.map(ProjectDossier::expectedEnergySaving).orElse(null), bestGrade,
				project.map(ProjectDossier::otherBenefits).orElse(null));
		return Optional.of(new AftercareView(facts.outcomes().subsidyAmount(), paid, payments,
				records.submissions(applicationId), findings, step, handledBy, due, actions, promised,
				AftercareModel.WITHDRAWN_END.equals(ended) || held.isPresent()));
	}

	/**
	 * The end event the process reached: the instance names it, except when an event
	 * sub-process ended it.
	 */
	private String endEvent(HistoricProcessInstance ended) {
		if (ENDINGS.containsKey(ended.getEndActivityId())) {
			return ended.getEndActivityId();
		}
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(ended.getId())
			.activityId(AftercareModel.WITHDRAWN_END)
			.count() > 0 ? AftercareModel.WITHDRAWN_END : ended.getEndActivityId();
	}

	private boolean waitsFor(ProcessInstance instance, String message) {
		return runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.messageEventSubscriptionName(message)
			.count() > 0;
	}

	private String candidateGroup(Task task) {
		// Not the lead group an overdue task gains as a second candidate.
		return GroupNames
			.bodyOf(tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
				.map(IdentityLink::getGroupId)
				.toList())
			.orElse("");
	}

	static Optional<Finding> lastAcceptance(List<Finding> findings) {
		return findings.stream().filter(f -> f.step() == Finding.Step.CITY_ACCEPTANCE).reduce((a, b) -> b);
	}

	/**
	 * The last day of the rectification the on-site acceptance ordered, once it has
	 * passed in Beijing: the recorded deadline rules, not the timer that ends the wait,
	 * which runs after the day has ended (seconds or, with a node down, longer after).
	 */
	static Optional<LocalDate> rectificationDeadlinePassed(List<Finding> findings) {
		return lastAcceptance(findings).map(Finding::deadline).filter(day -> day.isBefore(ChinaTime.today()));
	}

}
