package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.review.DueReviewTasks;
import cn.liaocheng.renewal.review.HeldSteps;

/**
 * The engine's open tasks in a due-date window, with their cases and candidate groups in
 * three statements for the whole window (the tasks, their processes' business keys, their
 * candidate links) and one for the payments a clawback holds, which are not due
 * ({@link HeldSteps}), read in slices so that no statement names more than
 * {@value #SLICE} ids.
 */
@Service
class DueTaskQuery implements DueReviewTasks {

	static final int SLICE = 500;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final JdbcClient jdbc;

	private final HeldSteps held;

	DueTaskQuery(TaskService tasks, RuntimeService runtime, JdbcClient jdbc, HeldSteps held) {
		this.held = held;
		this.tasks = tasks;
		this.runtime = runtime;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DueTask> dueBetween(Instant after, Instant until) {
		// dueBefore is exclusive: one millisecond on makes "at the latest" inclusive.
		List<Task> due = tasks.createTaskQuery()
			.active()
			.dueAfter(Date.from(after))
			.dueBefore(Date.from(until.plusMillis(1)))
			.orderByDueDate()
			.asc()
			.orderByTaskId()
			.asc()
			.list();
		if (due.isEmpty()) {
			return List.of();
		}
		Map<String, List<String>> groups = candidateGroups(due.stream().map(Task::getId).toList());
		Map<String, Long> cases = cases(
				due.stream().map(Task::getProcessInstanceId).filter(id -> id != null).collect(Collectors.toSet()));
		// A held step (a payment a clawback holds) is not due: one question a step for
		// all of them.
		Set<String> holdable = held.steps();
		Map<String, Set<Long>> heldCases = new HashMap<>();
		due.stream()
			.filter(t -> t.getTaskDefinitionKey() != null && holdable.contains(t.getTaskDefinitionKey())
					&& cases.get(t.getProcessInstanceId()) != null)
			.collect(Collectors.groupingBy(Task::getTaskDefinitionKey,
					Collectors.mapping(t -> cases.get(t.getProcessInstanceId()), Collectors.toSet())))
			.forEach((step, stepCases) -> heldCases.put(step, held.held(step, stepCases)));
		List<DueTask> answer = new ArrayList<>();
		for (Task task : due) {
			List<String> of = groups.getOrDefault(task.getId(), List.of());
			Long caseId = cases.get(task.getProcessInstanceId());
			boolean isHeld = caseId != null
					&& heldCases.getOrDefault(task.getTaskDefinitionKey(), Set.of()).contains(caseId);
			if (!of.isEmpty() && !isHeld) {
				answer.add(new DueTask(task.getId(), task.getName(), task.getDueDate().toInstant(),
						cases.get(task.getProcessInstanceId()), task.getAssignee(), of));
			}
		}
		return answer;
	}

	private Map<String, List<String>> candidateGroups(List<String> taskIds) {
		Map<String, List<String>> groups = new HashMap<>();
		for (int from = 0; from < taskIds.size(); from += SLICE) {
			jdbc.sql("""
					SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK
					WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:ids)
					ORDER BY TASK_ID_, GROUP_ID_""")
				.param("ids", taskIds.subList(from, Math.min(from + SLICE, taskIds.size())))
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list()
				.forEach(link -> groups.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
		}
		return groups;
	}

	private Map<String, Long> cases(Set<String> processInstanceIds) {
		List<String> ids = List.copyOf(processInstanceIds);
		Map<String, Long> cases = new HashMap<>();
		for (int from = 0; from < ids.size(); from += SLICE) {
			for (ProcessInstance instance : runtime.createProcessInstanceQuery()
				.processInstanceIds(Set.copyOf(ids.subList(from, Math.min(from + SLICE, ids.size()))))
				.list()) {
				try {
					if (instance.getBusinessKey() != null) {
						cases.put(instance.getId(), Long.valueOf(instance.getBusinessKey()));
					}
				}
				catch (NumberFormatException e) {
					// a process of no case: the task is reminded without one
				}
			}
		}
		return cases;
	}

}
