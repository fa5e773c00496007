package cn.liaocheng.renewal.application.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * The applications module's only contact with the engine: starts the review process of a submitted application
 * (business key = application id) with the routing inputs the models need, never the dossier itself.
 */
@Component
class ProcessLauncher {

	static final String APPLICATION_ID = "applicationId";

	/** The enterprise's task in the correction process (bpmn/correction.bpmn). */
	static final String CORRECTION_TASK = "Task_EnterpriseCorrection";

	/** The message the loan process waits for once a bank granted (bpmn/loan-application.bpmn). */
	static final String LOAN_OFFER_ACCEPTED = "LoanOfferAccepted";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final OrganizationCatalog organizations;

	ProcessLauncher(RuntimeService runtime, TaskService tasks, HistoryService history, OrganizationCatalog organizations) {
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
		Map<String, Object> variables = new HashMap<>();
		// applicationId is for Tasklist's links and display only: the delegates take the case from the business key.
		variables.put(APPLICATION_ID, s.applicationId());
		variables.put("referenceNo", s.referenceNo());
		variables.put("enterpriseUser", s.enterpriseUser());
		variables.put("enterpriseName", s.enterpriseName());
		variables.putAll(dossierVariables(s.kind(), s.divisionCode(), s.title(), s.dossier()));
		return runtime.startProcessInstanceByKey(s.kind().processKey(), Long.toString(s.applicationId()), variables).getId();
	}

	/**
	 * The variables of a case that follow from its dossier: the routing inputs the models read (county, kind, bank)
	 * and what the forms show (title, bank name, loan amount); the delegates read everything else from the dossier. Set at the first submission and
	 * again at every resubmission, so that the stages after a correction see the corrected dossier.
	 */
	Map<String, Object> dossierVariables(ApplicationKind kind, String divisionCode, String title, Dossier d) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("kind", kind.name());
		variables.put("divisionCode", divisionCode);
		variables.put("applicationTitle", title);
		// The banks a listed loan is pushed to, one parallel review each (comma-separated: the variable stays plain).
		variables.put("bankKeys", d.bankKeys().isEmpty() ? null : String.join(",", d.bankKeys()));
		variables.put("bankNames", d.bankKeys().isEmpty() ? null : organizations.bankNames(d.bankKeys()));
		variables.put("loanAmount", d.loanAmount() == null ? null : d.loanAmount().doubleValue());
		return variables;
	}

	/**
	 * Takes a corrected dossier back into review: the case's main process gets the variables of the dossier as it
	 * now stands, then the enterprise's correction task completes. False when no correction task is open (e.g. it
	 * lapsed).
	 */
	boolean resubmit(long applicationId, ApplicationKind kind, String divisionCode, String title, Dossier corrected) {
		String key = Long.toString(applicationId);
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(CORRECTION_TASK).singleResult();
		if (task == null) {
			return false;
		}
		// The main process is the root instance with the case's key; the correction and review processes it called
		// hold copies of what they were started with and pass nothing back.
		ProcessInstance main = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
			.processDefinitionKey(kind.processKey()).rootProcessInstances().singleResult();
		if (main == null) {
			throw new IllegalStateException("Application " + applicationId + " has a correction task but no "
					+ kind.processKey() + " instance");
		}
		runtime.setVariables(main.getId(), dossierVariables(kind, divisionCode, title, corrected));
		tasks.complete(task.getId());
		return true;
	}

	/** The enterprise accepted a bank's grant: the loan review stops waiting for the other banks. */
	void loanOfferAccepted(long applicationId) {
		runtime.createMessageCorrelation(LOAN_OFFER_ACCEPTED)
			.processInstanceBusinessKey(Long.toString(applicationId))
			.correlate();
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
