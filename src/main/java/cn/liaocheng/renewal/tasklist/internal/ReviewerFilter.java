package cn.liaocheng.renewal.tasklist.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A Tasklist filter every reviewer gets, or every body's lead ({@link #forLeads()}). The
 * queries use only these exact expressions, each evaluated for the user who runs the
 * filter, at their top level and in the one or-query of {@link #MY_DEPARTMENT}: the
 * engine refuses any other expression in a stored filter, or-queries included (security's
 * query expression guard lists the same strings), so a change here must be made there
 * too.
 */
enum ReviewerFilter {

	/**
	 * Tasks the reviewer has claimed or been given. No order of its own: Tasklist adds
	 * the order chosen in its list (newest first unless the reviewer picks another) after
	 * the filter's, so an order here would make every other choice (申报编号, enterprise,
	 * kind) ineffective.
	 */
	MY_TASKS("我的待办", "分配给我本人办理的任务", 10, "#1f5fa8",
			tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),

	/**
	 * Every task of the reviewer's groups, claimed or not: the department sees what is
	 * waiting and who works on it. For a body's lead, who is in the lead group and not
	 * the body's, also the body's tasks that nobody has claimed yet: the body's backlog,
	 * which the lead supervises (all the body's open tasks, claimed ones too, are in
	 * {@link #LED_DEPARTMENT}). One query gives both, with the bodies a user works for,
	 * {@code currentUserBodies()} (their groups and the bodies they lead), and an
	 * or-query: a task of those bodies that is either of the user's own groups or
	 * unclaimed. For a user who leads no body the two lists of groups are the same, so
	 * the filter lists what it always did. No order of its own, as {@link #MY_TASKS}.
	 */
	MY_DEPARTMENT("本部门待办", "本部门（我所在的组）的全部任务，含已被同事认领的任务；负责人另见本人负责的部门尚未认领的任务", 20, "#2e7d32",
			tasks -> tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserBodies()}")
				.includeAssignedTasks()
				.or()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks()
				.taskUnassigned()
				.endOr()),

	/**
	 * Tasks of the reviewer's groups, and of the bodies a lead leads, with at most two
	 * working days left (or overdue), claimed or not, the most urgent first (this filter
	 * keeps its order by due date, so a sorting chosen in Tasklist applies among tasks
	 * due at the same time): each review task's follow-up date is set to that moment when
	 * it is created (review's task listener). For a user who leads no body,
	 * {@code currentUserBodies()} is {@code currentUserGroups()}.
	 */
	DUE_SOON("即将超期", "本部门（负责人为本人负责的部门）剩余不超过两个工作日或已超期的任务，按截止日期排序", 30, "#b5152b",
			tasks -> tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserBodies()}")
				.includeAssignedTasks()
				.followUpBeforeExpression("${now()}")
				.orderByDueDate()
				.asc()),

	/**
	 * For a body's lead (负责人): every open task of the bodies they lead, waiting or held
	 * by a colleague, from the moment it is created, so that they can reassign, take back
	 * or urge it (改派, 收回, 催办) before it is overdue. {@code currentUserBodies()} is the
	 * runner's groups and the bodies of their lead groups (security's filter functions);
	 * the lead reads these tasks by the grant every body's task gives its lead group, and
	 * works one only once it is escalated or given to them. Shared with the lead groups
	 * only: for anyone else it would list what 本部门待办 lists. No order of its own, as
	 * {@link #MY_TASKS}.
	 */
	LED_DEPARTMENT("本部门在办", "本人负责的部门正在办理的全部任务，含同事已认领的任务：负责人可在“办理操作”中改派、收回或催办", 40, "#6a1b9a",
			tasks -> tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserBodies()}")
				.includeAssignedTasks());

	/**
	 * The query a filter was first shipped with, where a later release changed it: 我的待办
	 * and 本部门待办 ordered newest first, 即将超期 counting calendar days. Empty for
	 * {@link #LED_DEPARTMENT}, shipped as it is.
	 */
	static Optional<TaskQuery> asFirstShipped(ReviewerFilter filter, TaskService tasks) {
		return switch (filter) {
			case MY_TASKS, MY_DEPARTMENT -> Optional
				.of(ownGroupsOnly(filter, tasks).orElseGet(() -> filter.query(tasks)).orderByTaskCreateTime().desc());
			case DUE_SOON -> Optional.of(tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks()
				.dueBeforeExpression("${dateTime().plusDays(2)}")
				.orderByDueDate()
				.asc());
			case LED_DEPARTMENT -> Optional.empty();
		};
	}

	/**
	 * The query {@link #MY_DEPARTMENT} and {@link #DUE_SOON} were shipped with before
	 * they showed a lead the bodies they lead: the runner's own groups only. Empty for
	 * the other filters.
	 */
	static Optional<TaskQuery> ownGroupsOnly(ReviewerFilter filter, TaskService tasks) {
		return switch (filter) {
			case MY_DEPARTMENT -> Optional.of(tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks());
			case DUE_SOON -> Optional.of(tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks()
				.followUpBeforeExpression("${now()}")
				.orderByDueDate()
				.asc());
			default -> Optional.empty();
		};
	}

	/**
	 * The descriptions {@link #MY_DEPARTMENT} and {@link #DUE_SOON} were shipped with
	 * while they held {@link #ownGroupsOnly} (即将超期's first one spoke of two days; its
	 * query moved to working days without it): none for the other filters.
	 */
	static Set<String> ownGroupsOnlyDescriptions(ReviewerFilter filter) {
		return switch (filter) {
			case MY_DEPARTMENT -> Set.of("本部门（我所在的组）的全部任务，含已被同事认领的任务");
			case DUE_SOON -> Set.of("本部门两天内到期或已超期的任务，按截止日期排序", "本部门剩余不超过两个工作日或已超期的任务，按截止日期排序");
			default -> Set.of();
		};
	}

	private final String filterName;

	private final String description;

	private final int priority;

	private final String color;

	private final Function<TaskService, TaskQuery> query;

	ReviewerFilter(String filterName, String description, int priority, String color,
			Function<TaskService, TaskQuery> query) {
		this.filterName = filterName;
		this.description = description;
		this.priority = priority;
		this.color = color;
		this.query = query;
	}

	String filterName() {
		return filterName;
	}

	String description() {
		return description;
	}

	/** Whether the filter is shared with the lead groups ({@code …-lead}) only. */
	boolean forLeads() {
		return this == LED_DEPARTMENT;
	}

	TaskQuery query(TaskService tasks) {
		return query.apply(tasks);
	}

	/**
	 * The properties Tasklist reads: lower priority comes first in the list of filters.
	 */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("color", color);
		properties.put("refresh", true);
		properties.put("variables", CASE_VARIABLES);
		return properties;
	}

	/**
	 * What Tasklist shows under each task so that a reviewer recognises the case without
	 * opening it: reference number, enterprise, kind and the application (the project).
	 * Review's task listener copies them onto every review task as task-local variables;
	 * Tasklist's search offers them by these labels (任务变量) and its sorting by task
	 * variable uses the same names.
	 */
	static final List<Map<String, String>> CASE_VARIABLES = List.of(Map.of("name", "referenceNo", "label", "申报编号"),
			Map.of("name", "enterpriseName", "label", "申报企业"), Map.of("name", "kindName", "label", "申报类型"),
			Map.of("name", "applicationTitle", "label", "申报事项"));

	/**
	 * The list as first shipped, without the kind: filters still showing exactly this get
	 * the kind added.
	 */
	static final List<Map<String, String>> CASE_VARIABLES_WITHOUT_KIND = List.of(
			Map.of("name", "referenceNo", "label", "申报编号"), Map.of("name", "enterpriseName", "label", "申报企业"),
			Map.of("name", "applicationTitle", "label", "申报事项"));

}
