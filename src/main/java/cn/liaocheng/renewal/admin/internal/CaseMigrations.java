package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.review.ReviewTaskTimers;

/**
 * Moves running cases from one version of a process to another with Camunda's migration
 * API: activities are mapped by equal id. The dry run migrates each case in a transaction
 * that is always rolled back, so it names exactly the cases the real run would refuse,
 * and why.
 */
@Service
class CaseMigrations {

	static final String CASES_MIGRATED = "CASES_MIGRATED";

	/**
	 * A dry run looks at this many cases at most; larger moves are done in several
	 * rounds.
	 */
	static final int MAX_CASES = 500;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ActingUser actingUser;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final ReviewTaskTimers timers;

	CaseMigrations(RuntimeService runtime, RepositoryService repository, ActingUser actingUser, AuditTrail audit,
			PlatformTransactionManager transactionManager, ReviewTaskTimers timers) {
		this.runtime = runtime;
		this.repository = repository;
		this.actingUser = actingUser;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.timers = timers;
	}

	DryRun dryRun(String sourceId, String targetId) {
		MigrationPlan plan;
		try {
			plan = plan(sourceId, targetId);
		}
		catch (MigrationPlanValidationException e) {
			return new DryRun(planProblems(e), List.of(), List.of());
		}
		List<CaseCheck> movable = new ArrayList<>();
		List<CaseCheck> blocked = new ArrayList<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processDefinitionId(sourceId)
			.orderByProcessInstanceId()
			.asc()
			.listPage(0, MAX_CASES)) {
			List<String> reasons = transactions.execute(status -> {
				status.setRollbackOnly();
				try {
					runtime.newMigration(plan)
						.processInstanceIds(instance.getId())
						.skipCustomListeners()
						.skipIoMappings()
						.execute();
					return List.<String>of();
				}
				catch (MigratingProcessInstanceValidationException e) {
					return reasons(e.getValidationReport());
				}
			});
			CaseCheck check = new CaseCheck(instance.getId(), instance.getBusinessKey(), reasons);
			(reasons.isEmpty() ? movable : blocked).add(check);
		}
		return new DryRun(List.of(), movable, blocked);
	}

	/**
	 * Moves the cases in one transaction: all of them or, if one cannot move any more,
	 * none.
	 */
	int migrate(String userId, String sourceId, String targetId, List<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return 0;
		}
		return actingUser.as(userId, () -> transactions.execute(status -> {
			runtime.newMigration(plan(sourceId, targetId))
				.processInstanceIds(processInstanceIds)
				.skipCustomListeners()
				.skipIoMappings()
				.execute();
			// A task that gains an overdue timer by the move gets it on its own due date.
			timers.followDueDates(processInstanceIds);
			ProcessDefinition source = repository.getProcessDefinition(sourceId);
			ProcessDefinition target = repository.getProcessDefinition(targetId);
			audit.record(userId, CASES_MIGRATED, "process:" + source.getKey(),
					"从版本 " + source.getVersion() + "（" + sourceId + "）迁移到版本 " + target.getVersion() + "（" + targetId
							+ "）：" + processInstanceIds.size() + " 个案件：" + String.join(",", processInstanceIds));
			return processInstanceIds.size();
		}));
	}

	private MigrationPlan plan(String sourceId, String targetId) {
		return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().updateEventTriggers().build();
	}

	private static List<String> planProblems(MigrationPlanValidationException e) {
		List<String> problems = new ArrayList<>();
		for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
			String from = report.getMigrationInstruction().getSourceActivityId();
			String to = report.getMigrationInstruction().getTargetActivityId();
			report.getFailures().forEach(f -> problems.add("环节 " + from + " → " + to + "：" + f));
		}
		e.getValidationReport()
			.getVariableReports()
			.forEach((name, report) -> report.getFailures().forEach(f -> problems.add("变量 " + name + "：" + f)));
		if (problems.isEmpty()) {
			problems.add(e.getMessage());
		}
		return problems;
	}

	private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
		List<String> reasons = new ArrayList<>(report.getFailures());
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			activity.getFailures().forEach(f -> reasons.add(atActivity(activity.getSourceScopeId(), f)));
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			transition.getFailures().forEach(f -> reasons.add(atActivity(transition.getSourceScopeId(), f)));
		}
		return reasons;
	}

	/** The engine's reasons are in English; the commonest one is said in Chinese. */
	private static String atActivity(String activityId, String failure) {
		if (failure.contains("no migration instruction")) {
			return "案件正停在环节 " + activityId + "，新版本中没有同一 id 的环节，无法对应";
		}
		return "环节 " + activityId + "：" + failure;
	}

	/**
	 * The result of a dry run: problems of the plan as a whole, or the cases that can and
	 * cannot move.
	 */
	record DryRun(List<String> planProblems, List<CaseCheck> movable, List<CaseCheck> blocked) {
	}

	record CaseCheck(String processInstanceId, String businessKey, List<String> reasons) {
	}

}
