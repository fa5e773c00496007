package cn.liaocheng.renewal.review.process;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.CaseReviews;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.SettledPart;
import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The review processes on the engine, for the applications module: a submitted
 * application starts the process of its kind (business key = application id) with
 * references, routing inputs and what reviewers' forms and lists show; a corrected one
 * completes the enterprise's correction task; an accepted loan offer is correlated. Keys,
 * variable names and element ids come from {@link ReviewProcesses}.
 */
@Component
class CaseReviewProcesses implements CaseReviews {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final OrganizationCatalog organizations;

	private final OpenTasks openTasks;

	private final PublicNotices notices;

	CaseReviewProcesses(RuntimeService runtime, TaskService tasks, HistoryService history,
			OrganizationCatalog organizations, OpenTasks openTasks, PublicNotices notices) {
		this.notices = notices;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.organizations = organizations;
		this.openTasks = openTasks;
	}

	@Override
	public String start(Submission s) {
		Map<String, Object> variables = new HashMap<>();
		// applicationId is for Tasklist's links and display only: the delegates take the
		// case from the business key.
		variables.put(ReviewProcesses.APPLICATION_ID, s.applicationId());
		variables.put(ReviewProcesses.REFERENCE_NO, s.referenceNo());
		variables.put(ReviewProcesses.ENTERPRISE_USER, s.enterpriseUser());
		variables.put(ReviewProcesses.ENTERPRISE_NAME, s.enterpriseName());
		variables.putAll(dossierVariables(s));
		return runtime
			.startProcessInstanceByKey(ReviewProcesses.processKey(s.kind()), Long.toString(s.applicationId()),
					variables)
			.getId();
	}

	/**
	 * The variables of a case that follow from its dossier: the routing inputs the models
	 * read (county, kind) and what the forms show (title, loan amount); the delegates
	 * read everything else from the dossier. Set at the first submission and again at
	 * every resubmission, so that the stages after a correction see the corrected
	 * dossier.
	 */
	private Map<String, Object> dossierVariables(Submission s) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ReviewProcesses.KIND, s.kind().name());
		variables.put(ReviewProcesses.DIVISION_CODE, s.divisionCode());
		variables.put(ReviewProcesses.APPLICATION_TITLE, s.title());
		// Not the banks a loan is pushed to: every step of the case, a bank's own, reads
		// the case's variables, and no bank is to learn which others compete
		// (reviewRouting.banks reads them from the dossier, ReviewSteps names them on the
		// steps that show them).
		// Shown, never read: as the reviewers read amounts elsewhere, 15,000,000.00.
		variables.put(ReviewProcesses.LOAN_AMOUNT, s.loanAmount() == null ? null : Money.yuan(s.loanAmount()));
		return variables;
	}

	@Override
	public boolean resume(Submission corrected) {
		String key = Long.toString(corrected.applicationId());
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(ReviewProcesses.TASK_ENTERPRISE_CORRECTION)
			.singleResult();
		if (task == null) {
			return false;
		}
		// The main process is the root instance with the case's key; the correction and
		// review processes it called hold copies of what they were started with and pass
		// nothing back.
		String processKey = ReviewProcesses.processKey(corrected.kind());
		ProcessInstance main = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(key)
			.processDefinitionKey(processKey)
			.rootProcessInstances()
			.singleResult();
		if (main == null) {
			throw new IllegalStateException(
					"Application " + key + " has a correction task but no " + processKey + " instance");
		}
		Map<String, Object> variables = dossierVariables(corrected);
		if (runtime.getVariable(main.getId(), ReviewProcesses.BANK_KEYS) != null) {
			// A case started before the banks were read from the dossier runs on a model
			// version that reads them from here until it ends: kept as submitted.
			variables.put(ReviewProcesses.BANK_KEYS, String.join(",", corrected.bankKeys()));
			variables.put(ReviewProcesses.BANK_NAMES, organizations.bankNames(corrected.bankKeys()));
		}
		runtime.setVariables(main.getId(), variables);
		// A called review process (the county's, the joint review) running under it keeps
		// its own copy of the title its later tasks show: a project renamed in the
		// correction is named anew there too. Only the title: what the steps decide on is
		// read from the dossier.
		for (ProcessInstance called : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(key)
			.superProcessInstanceId(main.getId())
			.list()) {
			runtime.setVariable(called.getId(), ReviewProcesses.APPLICATION_TITLE, corrected.title());
		}
		tasks.complete(task.getId());
		return true;
	}

	/**
	 * Read from the engine: the correction call activity that waits for the enterprise
	 * names the step it goes back to. The invoices are settled after a return from the
	 * county's recommendation or later (the invoice check is not run again), the routing
	 * after a return from the joint review or the lead's decision (the bodies are not
	 * routed again); a correction this method does not know settles both.
	 */
	@Override
	public Set<SettledPart> settledInCorrection(long applicationId, ApplicationKind kind) {
		String key = Long.toString(applicationId);
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(ReviewProcesses.TASK_ENTERPRISE_CORRECTION)
			.singleResult();
		if (task == null) {
			return Set.of();
		}
		ProcessInstance caller = runtime.createProcessInstanceQuery()
			.subProcessInstanceId(task.getProcessInstanceId())
			.singleResult();
		String correction = caller == null ? null : openCorrection(runtime.getActivityInstance(caller.getId()));
		Set<SettledPart> settled = EnumSet.noneOf(SettledPart.class);
		if (kind == ApplicationKind.SUBSIDY && !ReviewProcesses.CORRECTIONS_BEFORE_INVOICE_CHECK.contains(correction)) {
			settled.add(SettledPart.INVOICES);
		}
		if (!ReviewProcesses.CORRECTIONS_BEFORE_ROUTING.contains(correction)) {
			settled.add(SettledPart.ROUTING);
		}
		return settled;
	}

	/**
	 * The id of the correction call activity open in this tree of activities, or null.
	 */
	private static String openCorrection(ActivityInstance activity) {
		if (activity == null) {
			return null;
		}
		if ("callActivity".equals(activity.getActivityType())
				&& activity.getActivityId().startsWith("CallActivity_Correction")) {
			return activity.getActivityId();
		}
		for (ActivityInstance child : activity.getChildActivityInstances()) {
			String found = openCorrection(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	@Override
	public boolean started(long applicationId) {
		String key = Long.toString(applicationId);
		boolean claimed = tasks.createTaskQuery().processInstanceBusinessKey(key).taskAssigned().count() > 0;
		boolean completed = history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(key)
			.finished()
			.count() > 0;
		return claimed || completed;
	}

	@Override
	public void holdOpenTasks(long applicationId) {
		for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(applicationId)).list()) {
			openTasks.hold(task.getId());
		}
	}

	/**
	 * The enterprise withdrew: the review ends, and objections to its notice that were
	 * not ruled on are closed with it.
	 */
	@Override
	public void cancel(String processInstanceId, String reason) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		runtime.deleteProcessInstance(processInstanceId, reason, false, true);
		if (instance != null && instance.getBusinessKey() != null) {
			notices.closeWithCase(Long.parseLong(instance.getBusinessKey()), "申请人已撤回申报");
		}
	}

	@Override
	public boolean loanOfferAccepted(long applicationId) {
		String key = Long.toString(applicationId);
		// The bank review's boundary event, or the wait after it; neither while the
		// decisions are summed up.
		if (runtime.createExecutionQuery()
			.processInstanceBusinessKey(key)
			.messageEventSubscriptionName(ReviewProcesses.LOAN_OFFER_ACCEPTED)
			.count() == 0) {
			return false;
		}
		runtime.createMessageCorrelation(ReviewProcesses.LOAN_OFFER_ACCEPTED)
			.processInstanceBusinessKey(key)
			.correlate();
		return true;
	}

}
