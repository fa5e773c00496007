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

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	ProcessLauncher(RuntimeService runtime, TaskService tasks, HistoryService history) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
	}

	String start(long applicationId, ApplicationKind kind, String divisionCode, String referenceNo, Dossier d) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(APPLICATION_ID, applicationId);
		variables.put("referenceNo", referenceNo);
		variables.put("kind", kind.name());
		variables.put("divisionCode", divisionCode);
		variables.put("policyTask", d.policyTask());
		variables.put("needsNewLand", d.needsNewLand());
		variables.put("needsEnergyUse", d.needsEnergyUse());
		variables.put("needsEmissionQuota", d.needsEmissionQuota());
		if (d.bankKey() != null) {
			variables.put("bankKey", d.bankKey());
		}
		if (d.loanAmount() != null) {
			variables.put("loanAmount", d.loanAmount().doubleValue());
		}
		if (!d.equipment().isEmpty()) {
			variables.put("equipmentAmount", d.equipmentTotal().doubleValue());
		}
		return runtime.startProcessInstanceByKey(kind.processKey(), Long.toString(applicationId), variables).getId();
	}

	/** Whether any reviewer has touched the case: claimed a task or completed one. */
	boolean reviewStarted(String processInstanceId) {
		boolean claimed = tasks.createTaskQuery().processInstanceId(processInstanceId).taskAssigned().count() > 0;
		boolean completed = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished().count() > 0;
		return claimed || completed;
	}

	void cancel(String processInstanceId, String reason) {
		runtime.deleteProcessInstance(processInstanceId, reason, false, true);
	}

}
