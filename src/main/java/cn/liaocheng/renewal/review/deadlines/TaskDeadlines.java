package cn.liaocheng.renewal.review.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.OutsideCalendarException;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;
import cn.liaocheng.renewal.security.PlainText;

/**
 * How many working days remain until the due date of the review tasks a reviewer sees in
 * Tasklist's list. Counted when asked (the figure changes every working day, so it cannot
 * be stored on the task) on the China working-day calendar. Only tasks the caller could
 * find through the reviewers' filters are answered: tasks of one of their groups or of a
 * body they lead (claimed or not), tasks they hold and tasks they delegated; any other id
 * is left out of the answer, as if it did not exist.
 */
@Service
public class TaskDeadlines {

	/**
	 * Tasklist shows at most 15 tasks a page; a little more leaves room for a list that
	 * grew while it was open.
	 */
	public static final int MAX_IDS = 50;

	private static final int ID_MAX = 64;

	/** What a held step's card says instead of its working days. */
	static final String HELD = "暂停办理";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final WorkingDays workingDays;

	private final TaskHandOvers handOvers;

	private final HeldSteps heldSteps;

	private final Clock clock;

	@Autowired
	TaskDeadlines(TaskService tasks, RuntimeService runtime, WorkingDays workingDays, TaskHandOvers handOvers,
			HeldSteps heldSteps) {
		this(tasks, runtime, workingDays, handOvers, heldSteps, Clock.system(ChinaTime.ZONE));
	}

	TaskDeadlines(TaskService tasks, RuntimeService runtime, WorkingDays workingDays, TaskHandOvers handOvers,
			HeldSteps heldSteps, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.workingDays = workingDays;
		this.handOvers = handOvers;
		this.heldSteps = heldSteps;
		this.clock = clock;
	}

	/**
	 * A task's due date and the working days left (negative: overdue by that many), with
	 * the words to show. A held step ({@link HeldSteps}: the payment while a clawback
	 * holds it) is neither due soon nor overdue: its working days are 0, its text
	 * {@value #HELD} and {@code held} says why (null for any other step); its due date is
	 * the one recorded, which is counted again when the hold ends.
	 */
	public record Remaining(String taskId, Instant due, int workingDays, boolean overdue, String text, String held) {

		Remaining(String taskId, Instant due, int workingDays, boolean overdue, String text) {
			this(taskId, due, workingDays, overdue, text, null);
		}

		Remaining heldFor(String reason) {
			return new Remaining(taskId, due, 0, false, HELD, reason);
		}

	}

	/**
	 * The remaining working days of those of {@code taskIds} the caller may see, in the
	 * order asked; refused when more than {@link #MAX_IDS} ids are asked at once.
	 */
	@Transactional(readOnly = true)
	public List<Remaining> remaining(String callerId, List<String> taskIds) {
		List<Task> visible = visible(callerId, taskIds);
		Instant now = clock.instant();
		Map<String, String> held = held(visible, casesOf(visible));
		List<Remaining> answer = new ArrayList<>();
		for (Task task : visible) {
			remaining(task, now, held.get(task.getId())).ifPresent(answer::add);
		}
		return answer;
	}

	/**
	 * The case of each of the tasks that has one (its process's business key), asked in
	 * one query for them all.
	 */
	public Map<String, Long> casesOf(Collection<Task> visible) {
		Set<String> instances = new LinkedHashSet<>();
		visible.stream().map(Task::getProcessInstanceId).filter(id -> id != null).forEach(instances::add);
		if (instances.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> caseOfInstance = new HashMap<>();
		handOvers.withProductAuthority(() -> runtime.createProcessInstanceQuery().processInstanceIds(instances).list())
			.forEach(instance -> {
				try {
					if (instance.getBusinessKey() != null) {
						caseOfInstance.put(instance.getId(), Long.valueOf(instance.getBusinessKey()));
					}
				}
				catch (NumberFormatException e) {
					// not a case
				}
			});
		Map<String, Long> caseOfTask = new HashMap<>();
		for (Task task : visible) {
			Long id = caseOfInstance.get(task.getProcessInstanceId());
			if (id != null) {
				caseOfTask.put(task.getId(), id);
			}
		}
		return caseOfTask;
	}

	/**
	 * Why each of the tasks whose step is held may not be done now ({@link HeldSteps}),
	 * by task id: one question per step for them all.
	 */
	public Map<String, String> held(Collection<Task> visible, Map<String, Long> caseOfTask) {
		Map<String, List<Task>> byStep = new LinkedHashMap<>();
		for (Task task : visible) {
			if (caseOfTask.containsKey(task.getId()) && task.getTaskDefinitionKey() != null) {
				byStep.computeIfAbsent(task.getTaskDefinitionKey(), key -> new ArrayList<>()).add(task);
			}
		}
		Map<String, String> held = new HashMap<>();
		byStep.forEach((step, stepTasks) -> {
			Map<Long, String> reasons = heldSteps.reasons(step,
					stepTasks.stream().map(t -> caseOfTask.get(t.getId())).toList());
			for (Task task : stepTasks) {
				String reason = reasons.get(caseOfTask.get(task.getId()));
				if (reason != null) {
					held.put(task.getId(), reason);
				}
			}
		});
		return held;
	}

	/**
	 * Those of {@code taskIds} the caller may see, in the order asked: tasks of one of
	 * their groups or of a body they lead (claimed or not: a lead reads every task of the
	 * body, Tasklist's 本部门在办), tasks they hold and tasks they delegated. Any other id,
	 * and an id that cannot be a task's, is left out; refused when more than
	 * {@link #MAX_IDS} ids are asked at once.
	 */
	@Transactional(readOnly = true)
	public List<Task> visible(String callerId, List<String> taskIds) {
		Set<String> ids = wanted(taskIds);
		if (ids.isEmpty()) {
			return List.of();
		}
		return handOvers.withProductAuthority(() -> {
			Map<String, Task> visible = new LinkedHashMap<>();
			List<String> groups = GroupNames.withLedBodies(handOvers.groupsOf(callerId));
			String[] idArray = ids.toArray(String[]::new);
			if (!groups.isEmpty()) {
				tasks.createTaskQuery()
					.taskIdIn(idArray)
					.taskCandidateGroupIn(groups)
					.includeAssignedTasks()
					.list()
					.forEach(t -> visible.put(t.getId(), t));
			}
			tasks.createTaskQuery()
				.taskIdIn(idArray)
				.taskAssignee(callerId)
				.list()
				.forEach(t -> visible.put(t.getId(), t));
			tasks.createTaskQuery()
				.taskIdIn(idArray)
				.taskOwner(callerId)
				.list()
				.forEach(t -> visible.put(t.getId(), t));
			List<Task> answer = new ArrayList<>();
			for (String id : ids) {
				Task task = visible.get(id);
				if (task != null) {
					answer.add(task);
				}
			}
			return answer;
		});
	}

	/**
	 * The figure for a task seen at {@code now}, held for {@code heldFor} (null when its
	 * step is not held, {@link #held}); none for a task without a due date.
	 */
	public Optional<Remaining> remaining(Task task, Instant now, String heldFor) {
		if (task.getDueDate() == null) {
			return Optional.empty();
		}
		Remaining remaining = remaining(task.getId(), task.getDueDate().toInstant(), now);
		return Optional.of(heldFor == null ? remaining : remaining.heldFor(heldFor));
	}

	/** Now, by the clock the figures are counted with. */
	public Instant now() {
		return clock.instant();
	}

	/**
	 * The figure for one due date, seen at {@code now}. Across a year whose holidays are
	 * not loaded yet the working days cannot be counted: the due day is named, with the
	 * calendar days to it (more than the working days could be) for the list's colours.
	 */
	Remaining remaining(String taskId, Instant due, Instant now) {
		try {
			return counted(taskId, due, now);
		}
		catch (OutsideCalendarException e) {
			LocalDate dueDay = LocalDate.ofInstant(due, ChinaTime.ZONE);
			int days = (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ChinaTime.ZONE), dueDay);
			return new Remaining(taskId, due, days, now.isAfter(due),
					(now.isAfter(due) ? "已超期（" : "") + dueDay.getYear() + "年" + dueDay.getMonthValue() + "月"
							+ dueDay.getDayOfMonth() + "日到期" + (now.isAfter(due) ? "）" : "")
							+ "（该年度节假日安排尚未载入，工作日无法计算）");
		}
	}

	private Remaining counted(String taskId, Instant due, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
		LocalDate dueDay = LocalDate.ofInstant(due, ChinaTime.ZONE);
		if (now.isAfter(due)) {
			int late = dueDay.isBefore(today) ? workingDays.workingDaysBetween(dueDay, today) : 0;
			// Due on a working day, looked at on the rest day after it: late, though no
			// working day has passed since.
			String text = late > 0 ? "已超期 " + late + " 个工作日" : dueDay.isBefore(today)
					? "已超期（" + dueDay.getMonthValue() + "月" + dueDay.getDayOfMonth() + "日到期）" : "已超期（今日到期）";
			return new Remaining(taskId, due, -late, true, text);
		}
		int left = dueDay.isAfter(today) ? workingDays.workingDaysBetween(today, dueDay) : 0;
		return new Remaining(taskId, due, left, false, left == 0 ? "今日到期" : "剩余 " + left + " 个工作日");
	}

	private static Set<String> wanted(List<String> taskIds) {
		Set<String> ids = new LinkedHashSet<>();
		for (String id : taskIds == null ? List.<String>of() : taskIds) {
			String trimmed = id == null ? "" : id.strip();
			if (!trimmed.isEmpty()) {
				ids.add(trimmed);
			}
		}
		if (ids.size() > MAX_IDS) {
			throw new HandOverException(HandOverException.Reason.INVALID, "ids", "一次最多查询 " + MAX_IDS + " 个任务");
		}
		// An id that cannot be a task id cannot be a visible task either: left out like
		// any other.
		ids.removeIf(id -> id.length() > ID_MAX || !PlainText.isClean(id, false));
		return ids;
	}

}
