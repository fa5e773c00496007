package cn.liaocheng.renewal.review;

import java.util.Collection;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Puts the overdue timers of open review tasks on the tasks' due dates, for tasks that
 * got their timer without their own listeners running: a case migrated from a model
 * version without overdue timers gets one from the engine, computed from the standard
 * deadline at the time of the migration, not from the task's due date.
 */
@Service
public class ReviewTaskTimers {

	private final TaskService tasks;

	private final ManagementService management;

	ReviewTaskTimers(TaskService tasks, ManagementService management) {
		this.tasks = tasks;
		this.management = management;
	}

	/**
	 * Moves the overdue timers of the open tasks of these process instances to each
	 * task's due date; returns how many.
	 */
	public int followDueDates(Collection<String> processInstanceIds) {
		int moved = 0;
		for (String instance : processInstanceIds) {
			for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
				if (task.getDueDate() == null) {
					continue;
				}
				// A task's own timers are its timeout listeners' (a boundary timer's
				// activity is the boundary event).
				for (Job timer : management.createJobQuery()
					.processInstanceId(instance)
					.activityId(task.getTaskDefinitionKey())
					.timers()
					.list()) {
					if (!task.getDueDate().equals(timer.getDuedate())) {
						management.setJobDuedate(timer.getId(), task.getDueDate());
						moved++;
					}
				}
			}
		}
		return moved;
	}

}
