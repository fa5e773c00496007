package cn.liaocheng.renewal.application.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.Dossier;

/**
 * The applications module's only contact with the engine: starts the review process of a submitted application
 * (business key = application id) with the routing inputs the models need, never the dossier itself.
 */
@Component
class ProcessLauncher {

	static final String APPLICATION_ID = "applicationId";

	/** The enterprise's task in the correction process (bpmn/correction.bpmn). */
	static final String CORRECTION_TASK = "Task_EnterpriseCorrection";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final cn.liaocheng.renewal.organization.OrganizationCatalog organizations;

	ProcessLauncher(RuntimeService runtime, TaskService tasks, HistoryService history,
			cn.liaocheng.renewal.organization.OrganizationCatalog organizations) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.organizations = organizations;
	}

	/** What a review process starts with: references, routing inputs and a few words to show in Tasklist. */
	record Start(long applicationId, ApplicationKind kind, String divisionCode, String referenceNo,
			String enterpriseUser, String enterpriseName, String title, Dossier dossier) {
	}

	String start(Start s) {
		Dossier d = s.dossier();
		Map<String, Object> variables = new HashMap<>();
		variables.put(APPLICATION_ID, s.applicationId());
		variables.put("referenceNo", s.referenceNo());
		variables.put("kind", s.kind().name());
		variables.put("divisionCode", s.divisionCode());
		variables.put("enterpriseUser", s.enterpriseUser());
		variables.put("enterpriseName", s.enterpriseName());
		variables.put("applicationTitle", s.title());
		variables.put("policyTask", d.policyTask());
		variables.put("needsNewLand", d.needsNewLand());
		variables.put("needsEnergyUse", d.needsEnergyUse());
		variables.put("needsEmissionQuota", d.needsEmissionQuota());
		variables.put("equipmentOrigin", origin(d));
		if (d.bankKey() != null) {
			variables.put("bankKey", d.bankKey());
			organizations.banks().stream().filter(b -> b.key().equals(d.bankKey())).findFirst()
				.ifPresent(b -> variables.put("bankName", b.name()));
		}
		if (d.loanAmount() != null) {
			variables.put("loanAmount", d.loanAmount().doubleValue());
		}
		if (!d.equipment().isEmpty()) {
			variables.put("equipmentAmount", d.equipmentTotal().doubleValue());
		}
		return runtime.startProcessInstanceByKey(s.kind().processKey(), Long.toString(s.applicationId()), variables).getId();
	}

	/** DOMESTIC, IMPORTED or MIXED: an input of the subsidy-rate table. */
	static String origin(Dossier d) {
		java.util.Set<Dossier.Origin> origins = java.util.EnumSet.noneOf(Dossier.Origin.class);
		d.equipment().forEach(line -> origins.add(line.origin()));
		return origins.size() == 1 ? origins.iterator().next().name() : origins.isEmpty() ? "DOMESTIC" : "MIXED";
	}

	/** Completes the enterprise's correction task, if one is open; false when there is none (e.g. it lapsed). */
	boolean completeCorrection(long applicationId) {
		org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(applicationId))
			.taskDefinitionKey(CORRECTION_TASK)
			.singleResult();
		if (task == null) {
			return false;
		}
		tasks.complete(task.getId());
		return true;
	}

	/** Whether any reviewer has touched the case: claimed a task or completed one, in any of its sub-processes. */
	boolean reviewStarted(long applicationId) {
		String key = Long.toString(applicationId);
		boolean claimed = tasks.createTaskQuery().processInstanceBusinessKey(key).taskAssigned().count() > 0;
		boolean completed = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key).finished().count() > 0;
		return claimed || completed;
	}

	void cancel(String processInstanceId, String reason) {
		runtime.deleteProcessInstance(processInstanceId, reason, false, true);
	}

}
