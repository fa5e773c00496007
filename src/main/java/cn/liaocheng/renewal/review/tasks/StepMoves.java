package cn.liaocheng.renewal.review.tasks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;

/**
 * Moves a case back to a user task it has completed, by process instance modification:
 * the open tasks of the following step are cancelled and the earlier step starts again.
 * Within one process instance that is one modification. When the earlier step belongs to
 * a called process that has ended (县级推荐 in {@code county-review}, the open step in
 * {@code joint-review}), the calling process restarts the earlier call activity in place
 * of the later one, and the new called instance is then moved from its first task to the
 * earlier step. The models are not changed for this, so cases started on any deployed
 * version can be moved.
 */
@Component
class StepMoves {

	private static final String MULTI_INSTANCE = "#multiInstanceBody";

	private final RuntimeService runtime;

	private final HistoryService history;

	private final TaskService tasks;

	private final OpenTasks openTasks;

	StepMoves(RuntimeService runtime, HistoryService history, TaskService tasks, OpenTasks openTasks) {
		this.runtime = runtime;
		this.history = history;
		this.tasks = tasks;
		this.openTasks = openTasks;
	}

	/**
	 * Cancels {@code open} (the step after {@code earlier}) and starts {@code earlier}'s
	 * step again; its new task.
	 */
	Task moveBack(HistoricTaskInstance earlier, List<Task> open) {
		unchangedSinceRead(open);
		String step = earlier.getTaskDefinitionKey();
		String earlierInstance = earlier.getProcessInstanceId();
		Set<String> openInstances = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		if (openInstances.size() != 1) {
			throw notMovable();
		}
		String openInstance = openInstances.iterator().next();
		if (openInstance.equals(earlierInstance)) {
			ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(openInstance)
				.startBeforeActivity(step);
			cancelOpen(modification, openInstance, open);
			modification.execute(false, false);
			return onlyTask(openInstance, step);
		}
		return moveAcrossCalls(step, earlierInstance, openInstance);
	}

	/**
	 * Takes a return for correction back: the step {@code returning} starts again in its
	 * instance, and the call of the correction process whose enterprise task is
	 * {@code correction} is cancelled in the same modification (its deadline timer with
	 * it).
	 */
	Task takeBackCorrection(HistoricTaskInstance returning, Task correction) {
		unchangedSinceRead(List.of(correction));
		String step = returning.getTaskDefinitionKey();
		String reviewInstance = returning.getProcessInstanceId();
		HistoricProcessInstance called = history.createHistoricProcessInstanceQuery()
			.processInstanceId(correction.getProcessInstanceId())
			.singleResult();
		if (called == null || !reviewInstance.equals(called.getSuperProcessInstanceId())) {
			throw notMovable();
		}
		HistoricActivityInstance call = calledBy(history.createHistoricActivityInstanceQuery()
			.processInstanceId(reviewInstance)
			.activityType("callActivity")
			.unfinished()
			.list(), correction.getProcessInstanceId());
		if (call == null) {
			throw notMovable();
		}
		runtime.createProcessInstanceModification(reviewInstance)
			.startBeforeActivity(step)
			.cancelActivityInstance(call.getId())
			.execute(false, false);
		return onlyTask(reviewInstance, step);
	}

	private Task moveAcrossCalls(String step, String earlierInstance, String openInstance) {
		if (runtime.createProcessInstanceQuery().processInstanceId(earlierInstance).count() > 0) {
			throw notMovable();
		}
		HistoricProcessInstance earlierCall = history.createHistoricProcessInstanceQuery()
			.processInstanceId(earlierInstance)
			.singleResult();
		ProcessInstance openCall = runtime.createProcessInstanceQuery().processInstanceId(openInstance).singleResult();
		String caller = earlierCall == null ? null : earlierCall.getSuperProcessInstanceId();
		HistoricProcessInstance openHistory = history.createHistoricProcessInstanceQuery()
			.processInstanceId(openInstance)
			.singleResult();
		if (caller == null || openCall == null || openHistory == null
				|| !caller.equals(openHistory.getSuperProcessInstanceId())) {
			throw notMovable();
		}
		List<HistoricActivityInstance> calls = history.createHistoricActivityInstanceQuery()
			.processInstanceId(caller)
			.activityType("callActivity")
			.list();
		HistoricActivityInstance earlierActivity = calledBy(calls, earlierInstance);
		HistoricActivityInstance openActivity = calledBy(calls, openInstance);
		if (earlierActivity == null || openActivity == null || openActivity.getEndTime() != null) {
			throw notMovable();
		}
		// Started before cancelling, so the calling instance never runs out of activities
		// and ends.
		runtime.createProcessInstanceModification(caller)
			.startBeforeActivity(earlierActivity.getActivityId())
			.cancelActivityInstance(openActivity.getId())
			.execute(true, false);
		ProcessInstance restarted = runtime.createProcessInstanceQuery().superProcessInstanceId(caller).singleResult();
		List<Task> first = tasks.createTaskQuery().processInstanceId(restarted.getId()).list();
		if (first.stream().anyMatch(t -> step.equals(t.getTaskDefinitionKey()))) {
			return onlyTask(restarted.getId(), step);
		}
		ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(restarted.getId())
			.startBeforeActivity(step);
		cancelOpen(modification, restarted.getId(), first);
		modification.execute(false, false);
		return onlyTask(restarted.getId(), step);
	}

	/**
	 * Cancels exactly the activity instances that hold the tasks the caller checked: a
	 * parallel step as a whole (its multi-instance body), a single task by its own
	 * instance. A task completed since it was read no longer has one, and the move is
	 * refused; one completed after this look fails the modification, which cancels an
	 * activity instance that no longer exists, or the completion, on the execution's
	 * revision. Cancelling by activity instead would cancel nothing in that case and
	 * leave the case at two steps (the restarted one and the one after the completed
	 * task).
	 */
	private void cancelOpen(ProcessInstanceModificationBuilder modification, String instance, List<Task> open) {
		ActivityInstance tree = runtime.getActivityInstance(instance);
		if (tree == null) {
			throw notMovable();
		}
		Set<String> cancelled = new TreeSet<>();
		for (Task task : open) {
			ActivityInstance holding = holding(tree, null, task);
			if (holding == null) {
				throw notMovable();
			}
			cancelled.add(holding.getId());
		}
		cancelled.forEach(modification::cancelActivityInstance);
	}

	/**
	 * The activity instance under {@code node} that holds {@code task}, or, for a task of
	 * a parallel step, that step's multi-instance body; none when the task is no longer
	 * in the tree.
	 */
	private static ActivityInstance holding(ActivityInstance node, ActivityInstance parent, Task task) {
		if (task.getTaskDefinitionKey().equals(node.getActivityId())
				&& List.of(node.getExecutionIds()).contains(task.getExecutionId())) {
			return parent != null && (task.getTaskDefinitionKey() + MULTI_INSTANCE).equals(parent.getActivityId())
					? parent : node;
		}
		for (ActivityInstance child : node.getChildActivityInstances()) {
			ActivityInstance found = holding(child, node, task);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static HistoricActivityInstance calledBy(List<HistoricActivityInstance> calls, String instance) {
		return calls.stream().filter(a -> instance.equals(a.getCalledProcessInstanceId())).findFirst().orElse(null);
	}

	/**
	 * The restarted step's one task, which must be the instance's only open task: a case
	 * is at one step of a process after it was moved back, and anything else rolls the
	 * move back.
	 */
	private Task onlyTask(String instance, String step) {
		List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
		if (open.size() != 1 || !step.equals(open.get(0).getTaskDefinitionKey())) {
			throw notMovable();
		}
		return open.get(0);
	}

	/**
	 * Holds the open tasks and reads them again: a claim or hand-over committed since the
	 * caller read them (and checked, say, that nobody had claimed the next step) refuses
	 * the move, and one that comes now waits for this transaction and then finds its task
	 * gone. A completion meanwhile is refused by the modification itself.
	 */
	private void unchangedSinceRead(List<Task> open) {
		for (Task task : open) {
			if (!openTasks.hold(task.getId())) {
				throw notMovable();
			}
		}
		Map<String, Task> now = tasks.createTaskQuery()
			.taskIdIn(open.stream().map(Task::getId).toArray(String[]::new))
			.list()
			.stream()
			.collect(Collectors.toMap(Task::getId, t -> t));
		for (Task task : open) {
			Task again = now.get(task.getId());
			if (again == null) {
				throw notMovable();
			}
			if (!Objects.equals(again.getAssignee(), task.getAssignee())) {
				throw new HandOverException(Reason.CHANGED, null, "该案件的待办刚刚已被他人认领或转办，本次操作未执行，请刷新后查看");
			}
		}
	}

	private static HandOverException notMovable() {
		return new HandOverException(Reason.CHANGED, null, "该案件当前所处环节不支持此操作，请刷新后查看");
	}

}
