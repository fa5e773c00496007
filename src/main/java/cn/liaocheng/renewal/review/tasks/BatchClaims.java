package cn.liaocheng.renewal.review.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.security.PlainText;

/**
 * 批量认领: a reviewer claims several tasks of their body's pool in one action. Each task is
 * checked by the rule of a single claim (the caller belongs to one of the task's
 * candidate groups, and nobody holds it yet) and claimed in a transaction of its own, so
 * one refused task does not undo the others: the answer reports each task. Every claim is
 * recorded in the case history, the operations list of the case and the audit trail.
 */
@Service
public class BatchClaims {

	/**
	 * More than a page of Tasklist's list (15) would be a mistake rather than a batch.
	 */
	public static final int MAX_TASKS = 50;

	private static final int ID_MAX = 64;

	private final TaskService tasks;

	private final ProcessEngineConfigurationImpl engine;

	private final TaskHandOvers handOvers;

	private final Directory directory;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	private final OperationLog operations;

	private final TransactionTemplate eachTask;

	BatchClaims(TaskService tasks, ProcessEngineConfigurationImpl engine, TaskHandOvers handOvers, Directory directory,
			ApplicationStages stages, AuditTrail audit, OperationLog operations,
			PlatformTransactionManager transactions) {
		this.tasks = tasks;
		this.engine = engine;
		this.handOvers = handOvers;
		this.directory = directory;
		this.stages = stages;
		this.audit = audit;
		this.operations = operations;
		this.eachTask = new TransactionTemplate(transactions);
		this.eachTask.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * What became of one task of the batch; {@code referenceNo} and {@code taskName} only
	 * for the caller's own.
	 */
	public record Result(String taskId, boolean claimed, String referenceNo, String taskName, String message) {
	}

	/**
	 * The outcome of the whole batch: how many were claimed, and each task in the order
	 * asked.
	 */
	public record Outcome(int claimed, int refused, List<Result> results) {
	}

	/**
	 * Claims each of {@code taskIds} for {@code callerId}; the answer says for each
	 * whether it worked, and why not.
	 */
	public Outcome claim(String callerId, List<String> taskIds) {
		Set<String> ids = new LinkedHashSet<>();
		for (String id : taskIds == null ? List.<String>of() : taskIds) {
			ids.add(id == null ? "" : id.strip());
		}
		if (ids.isEmpty()) {
			throw new HandOverException(HandOverException.Reason.INVALID, "taskIds", "请选择要认领的任务");
		}
		if (ids.size() > MAX_TASKS) {
			throw new HandOverException(HandOverException.Reason.INVALID, "taskIds", "一次最多认领 " + MAX_TASKS + " 个任务");
		}
		List<Result> results = new ArrayList<>();
		for (String id : ids) {
			Result result;
			try {
				result = eachTask.execute(status -> handOvers.withProductAuthority(() -> claimOne(callerId, id)));
			}
			catch (HandOverException e) {
				result = new Result(id, false, null, null, e.getMessage());
			}
			catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
				result = new Result(id, false, null, null, "该任务刚被他人认领或办理，请刷新后查看");
			}
			results.add(result);
		}
		int claimed = (int) results.stream().filter(Result::claimed).count();
		return new Outcome(claimed, results.size() - claimed, List.copyOf(results));
	}

	private Result claimOne(String callerId, String taskId) {
		Task task = taskId.isEmpty() || taskId.length() > ID_MAX || !PlainText.isClean(taskId, false) ? null
				: tasks.createTaskQuery().taskId(taskId).singleResult();
		Long applicationId = task == null ? null : handOvers.applicationOf(task);
		if (applicationId == null) {
			throw unknown();
		}
		Set<String> candidateGroups = tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.collect(Collectors.toSet());
		SortedSet<String> bodies = handOvers.groupsActedFor(callerId)
			.stream()
			.filter(candidateGroups::contains)
			.collect(Collectors.toCollection(TreeSet::new));
		if (bodies.isEmpty()) {
			if (task.getAssignee() == null && leadsOneOf(callerId, candidateGroups)) {
				// The body's lead reads the task (本部门待办 lists it) but works it only once
				// it is escalated to the lead group, which would make that a candidate.
				throw new HandOverException(HandOverException.Reason.NOT_HOLDER, null,
						"负责人对本部门未超期的任务只能查看，不能认领；需要本人办理的，请在“办理操作”中改派给本人");
			}
			// Also for a task the caller holds without belonging to its body any more: a
			// claim is a body's matter.
			throw unknown();
		}
		String referenceNo = text(tasks.getVariableLocal(task.getId(), ReviewProcesses.REFERENCE_NO));
		if (callerId.equals(task.getAssignee())) {
			return new Result(task.getId(), false, referenceNo, task.getName(), "该任务已在您名下，无需认领");
		}
		if (task.getAssignee() != null) {
			return new Result(task.getId(), false, referenceNo, task.getName(),
					"该任务已由" + directory.personName(task.getAssignee()) + "认领");
		}
		// Checked and claimed in one command: a colleague's claim in between fails on the
		// task's revision.
		engine.getCommandExecutorTxRequired().execute(context -> {
			Task current = tasks.createTaskQuery().taskId(task.getId()).singleResult();
			if (current == null || current.getAssignee() != null) {
				throw new HandOverException(HandOverException.Reason.CHANGED, null, "该任务刚被他人认领或办理，请刷新后查看");
			}
			tasks.claim(task.getId(), callerId);
			return null;
		});
		String bodyName = directory.bodyName(bodies.first());
		String callerName = directory.personName(callerId);
		stages.note(applicationId, callerId, bodyName, "TASK_CLAIM",
				bodyName + "「" + task.getName() + "」由" + callerName + "认领办理（批量认领）");
		operations.add(applicationId, "CLAIM", task.getId(), task.getName(), callerId, callerName, bodyName, "批量认领");
		audit.record(callerId, "TASK_CLAIM", "application:" + applicationId,
				"task " + task.getId() + " " + task.getTaskDefinitionKey() + " claimed in a batch");
		return new Result(task.getId(), true, referenceNo, task.getName(), "已认领");
	}

	private boolean leadsOneOf(String callerId, Set<String> candidateGroups) {
		List<String> groups = handOvers.groupsActedFor(callerId);
		return candidateGroups.stream().anyMatch(body -> groups.contains(GroupNames.lead(body)));
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static HandOverException unknown() {
		return new HandOverException(HandOverException.Reason.UNKNOWN_TASK, null, "任务不存在，或不是您所在部门的任务");
	}

}
