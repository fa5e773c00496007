package cn.liaocheng.renewal.review.tasks;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.TaskDelegated;
import cn.liaocheng.renewal.review.TaskReassigned;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PlainText;

/**
 * Handing a review task over within the body that works it: its assignee gives it to a
 * colleague of the same candidate group, or puts it back into the group's pool, always
 * with a reason that goes into the case history and the audit trail. Reviewers hold only
 * {@code TASK_WORK} on tasks, so this is the one door for reassigning: the checks are
 * made here, on the identity store as administrators maintain it now, and the engine
 * calls then run with the product's authority (no authenticated user).
 */
@Service
public class TaskHandOvers {

	static final int REASON_MIN = 2;

	static final int REASON_MAX = 200;

	private static final int ID_MAX = 64;

	private static final Set<GroupType> BODIES = EnumSet.of(GroupType.COUNTY, GroupType.CITY, GroupType.BANK);

	static final String ADMINISTRATOR_TARGET = "系统管理员账号不能办理审核任务，请选择本部门其他工作人员";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ProcessEngineConfigurationImpl engine;

	private final Directory directory;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	private final OperationLog operations;

	private final ApplicationEventPublisher events;

	TaskHandOvers(TaskService tasks, RuntimeService runtime, IdentityService identity,
			ProcessEngineConfigurationImpl engine, Directory directory, ApplicationStages stages, AuditTrail audit,
			OperationLog operations, ApplicationEventPublisher events) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.engine = engine;
		this.directory = directory;
		this.stages = stages;
		this.audit = audit;
		this.operations = operations;
		this.events = events;
	}

	/** Gives the task {@code callerId} holds to {@code to}, a member of the same body. */
	@Transactional
	public HandOver transfer(String callerId, String taskId, String to, String reason) {
		return toColleague(callerId, taskId, to, reason, Passing.TRANSFER);
	}

	/**
	 * Delegates the task {@code callerId} holds to {@code to}, a member of the same body
	 * (委派): the colleague works it and completes it in Tasklist, which resolves it back
	 * to the caller, who then completes it with their opinion.
	 */
	@Transactional
	public HandOver delegate(String callerId, String taskId, String to, String reason) {
		return toColleague(callerId, taskId, to, reason, Passing.DELEGATE);
	}

	/** How a task passes to a colleague: 转办 for good, or 委派 and back. */
	private enum Passing {

		TRANSFER, DELEGATE

	}

	private HandOver toColleague(String callerId, String taskId, String to, String reason, Passing passing) {
		return withProductAuthority(() -> {
			HeldTask held = heldBy(callerId, taskId);
			String why = reason(reason);
			Colleague colleague = colleague(held, callerId, to);
			Task task = held.task();
			String callerName = directory.personName(callerId);
			String bodyName = directory.bodyName(colleague.body());
			String toName = directory.personName(colleague.userId());
			if (passing == Passing.TRANSFER) {
				assign(task.getId(), callerId, colleague.userId());
				record(held, callerId, bodyName, "TASK_TRANSFER", "由" + callerName + "转交" + toName + "办理。转交原因：" + why,
						"to " + colleague.userId() + "; reason: " + why);
			}
			else {
				delegateTo(task.getId(), callerId, colleague.userId());
				record(held, callerId, bodyName, "TASK_DELEGATE",
						"由" + callerName + "委派" + toName + "协助办理，办理后交还委派人。委派原因：" + why,
						"delegated to " + colleague.userId() + "; reason: " + why);
			}
			operations.add(held.applicationId(), passing.name(), task.getId(), task.getName(), callerId, callerName,
					toName, why);
			events.publishEvent(passing == Passing.TRANSFER
					? new ReviewTaskEvent(ReviewTaskEvent.Kind.TRANSFERRED, task.getId(), task.getName(),
							held.applicationId(), colleague.userId(), List.copyOf(held.bodies()),
							task.getDueDate() == null ? null : task.getDueDate().toInstant(), callerId, why)
					: new TaskDelegated(held.applicationId(), task.getId(), task.getName(), callerId,
							colleague.userId(), why));
			return new HandOver(task.getId(), task.getName(), colleague.body(), bodyName, colleague.userId(), toName);
		});
	}

	/**
	 * Puts the task {@code callerId} holds back into its body's pool, for any member to
	 * claim.
	 */
	@Transactional
	public HandOver release(String callerId, String taskId, String reason) {
		return withProductAuthority(() -> {
			HeldTask held = heldBy(callerId, taskId);
			String why = reason(reason);
			assign(held.task().getId(), callerId, null);
			String body = held.bodies().first();
			String bodyName = directory.bodyName(body);
			record(held, callerId, bodyName, "TASK_RELEASE",
					"由" + directory.personName(callerId) + "放回本部门待办，待同事认领。原因：" + why,
					"back to the pool; reason: " + why);
			operations.add(held.applicationId(), "RELEASE", held.task().getId(), held.task().getName(), callerId,
					directory.personName(callerId), bodyName, why);
			events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.RELEASED, held.task().getId(),
					held.task().getName(), held.applicationId(), null, List.copyOf(held.bodies()),
					held.task().getDueDate() == null ? null : held.task().getDueDate().toInstant(), callerId, why));
			return new HandOver(held.task().getId(), held.task().getName(), body, bodyName, null, null);
		});
	}

	/**
	 * 改派 by a body's lead (负责人): a member of the lead group of one of the task's bodies
	 * gives the task, held by someone or waiting in the pool, to a member of that body or
	 * to themselves, or takes it back into the body's pool ({@code to} blank), say for a
	 * holder who is away. A task delegated (委派) and not yet handed back is left alone:
	 * its holder is waiting for it.
	 */
	@Transactional
	public HandOver reassignAsLead(String callerId, String taskId, String to, String reason) {
		return withProductAuthority(() -> {
			HeldTask led = ledBy(callerId, taskId);
			Task task = led.task();
			String why = reason(reason);
			String from = task.getAssignee();
			String target = to == null ? "" : to.strip();
			String body = led.bodies().first();
			String newHolder;
			if (target.isEmpty()) {
				if (from == null) {
					throw invalid("to", "该任务已在本部门待办中，无需收回");
				}
				newHolder = null;
			}
			else if (target.equals(from)) {
				throw invalid("to", "该任务已由" + directory.personName(from) + "办理");
			}
			else if (target.equals(callerId)) {
				if (directory.isAdministrator(callerId)) {
					throw invalid("to", ADMINISTRATOR_TARGET);
				}
				newHolder = callerId;
			}
			else {
				Colleague colleague = colleague(led, "", target);
				body = colleague.body();
				newHolder = colleague.userId();
			}
			assign(task.getId(), from, newHolder);
			String bodyName = directory.bodyName(body);
			String callerName = directory.personName(callerId);
			String fromText = from == null ? "本部门待办中" : directory.personName(from) + "名下";
			String toName = newHolder == null ? null : directory.personName(newHolder);
			String what = newHolder == null ? "由负责人" + callerName + "从" + fromText + "收回本部门待办，待同事认领。原因：" + why
					: "由负责人" + callerName + "从" + fromText + "改派" + toName + "办理。改派原因：" + why;
			record(led, callerId, bodyName, "TASK_REASSIGN", what,
					"from " + from + " to " + (newHolder == null ? "the pool" : newHolder) + "; reason: " + why);
			operations.add(led.applicationId(), "REASSIGN", task.getId(), task.getName(), callerId, callerName,
					newHolder == null ? bodyName + "待办" : toName, why);
			events.publishEvent(new TaskReassigned(led.applicationId(), task.getId(), task.getName(), body, from,
					newHolder, callerId, why, task.getDueDate() == null ? null : task.getDueDate().toInstant()));
			return new HandOver(task.getId(), task.getName(), body, bodyName, newHolder, toName);
		});
	}

	/**
	 * Whom a lead may give the task to: the members of the bodies they lead among the
	 * task's, and themselves.
	 */
	@Transactional(readOnly = true)
	public List<Person> reassignees(String callerId, String taskId) {
		return withProductAuthority(() -> {
			HeldTask led = ledBy(callerId, taskId);
			String holder = led.task().getAssignee();
			Set<String> administrators = administrators();
			return Stream.concat(led.bodies()
				.stream()
				.flatMap(body -> identity.createUserQuery().memberOfGroup(body).orderByUserId().asc().list().stream()),
					identity.createUserQuery().userId(callerId).list().stream())
				.filter(u -> !u.getId().equals(holder))
				.filter(u -> !administrators.contains(u.getId()))
				.map(u -> new Person(u.getId(), Accounts.shownName(u)))
				.distinct()
				.toList();
		});
	}

	/**
	 * The case task with the bodies among its candidate groups that the caller leads;
	 * refused if there are none.
	 */
	private HeldTask ledBy(String callerId, String taskId) {
		CaseTask found = caseTask(taskId);
		Task task = found.task();
		long applicationId = found.applicationId();
		Set<String> candidateGroups = found.candidateGroups();
		Set<String> callerGroups = Set.copyOf(groupsActedFor(callerId));
		SortedSet<String> led = candidateGroups.stream()
			.filter(body -> callerGroups.contains(GroupNames.lead(body)))
			.collect(Collectors.toCollection(TreeSet::new));
		if (led.isEmpty()) {
			if (candidateGroups.stream().anyMatch(callerGroups::contains)) {
				throw new HandOverException(Reason.NOT_HOLDER, null, "只有本部门负责人可以改派或收回任务");
			}
			throw unknownTask();
		}
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw new HandOverException(Reason.CHANGED, null, "该任务由" + directory.personName(task.getOwner()) + "委派"
					+ directory.personName(task.getAssignee()) + "协助办理，尚未交还，暂不能改派");
		}
		return new HeldTask(task, applicationId, led);
	}

	/**
	 * The caller's colleagues in the bodies of the task they hold: whom they may transfer
	 * it to.
	 */
	@Transactional(readOnly = true)
	public List<Person> colleagues(String callerId, String taskId) {
		return withProductAuthority(() -> {
			HeldTask held = heldBy(callerId, taskId);
			Set<String> administrators = administrators();
			return held.bodies()
				.stream()
				.flatMap(body -> identity.createUserQuery().memberOfGroup(body).orderByUserId().asc().list().stream())
				.filter(u -> !u.getId().equals(callerId))
				.filter(u -> !administrators.contains(u.getId()))
				.map(u -> new Person(u.getId(), Accounts.shownName(u)))
				.distinct()
				.toList();
		});
	}

	/** The administrators' accounts, whom no task is handed to. */
	private Set<String> administrators() {
		return identity.createUserQuery()
			.memberOfGroup(GroupNames.ADMINISTRATORS)
			.list()
			.stream()
			.map(User::getId)
			.collect(Collectors.toSet());
	}

	/** A colleague as the transfer dialog offers them. */
	public record Person(String userId, String name) {
	}

	/**
	 * The task, if the caller holds it and belongs to one of its candidate groups;
	 * refused otherwise.
	 */
	public HeldTask heldBy(String callerId, String taskId) {
		CaseTask found = caseTask(taskId);
		Task task = found.task();
		long applicationId = found.applicationId();
		Set<String> candidateGroups = found.candidateGroups();
		SortedSet<String> bodies = new TreeSet<>(bodiesOf(callerId));
		bodies.retainAll(candidateGroups);
		boolean holds = callerId.equals(task.getAssignee());
		if (bodies.isEmpty() && !holds) {
			throw unknownTask();
		}
		if (!holds) {
			throw new HandOverException(Reason.NOT_HOLDER, null, "只有该任务的当前办理人才能办理此操作");
		}
		if (bodies.isEmpty()) {
			throw new HandOverException(Reason.NOT_HOLDER, null, "您不在该任务的办理部门中，不能办理此操作");
		}
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw new HandOverException(Reason.NOT_HOLDER, null,
					"该任务是" + directory.personName(task.getOwner()) + "委派给您的，请填写意见后点击“完成”交还委派人");
		}
		return new HeldTask(task, applicationId, bodies);
	}

	/** An open task of a case, with its candidate groups. */
	private record CaseTask(Task task, long applicationId, Set<String> candidateGroups) {
	}

	/** The open task of a case by its id, or refused as unknown. */
	private CaseTask caseTask(String taskId) {
		Task task = taskId == null || taskId.length() > ID_MAX ? null
				: tasks.createTaskQuery().taskId(taskId).singleResult();
		Long applicationId = task == null ? null : applicationOf(task);
		if (applicationId == null) {
			throw unknownTask();
		}
		Set<String> candidateGroups = tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.collect(Collectors.toSet());
		return new CaseTask(task, applicationId, candidateGroups);
	}

	/**
	 * The application is the business key of the task's process instance; a task outside
	 * one is none of ours.
	 */
	public Long applicationOf(Task task) {
		if (task.getProcessInstanceId() == null) {
			return null;
		}
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		try {
			return instance == null || instance.getBusinessKey() == null ? null
					: Long.valueOf(instance.getBusinessKey());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/**
	 * The ids of the groups the user belongs to now, as administrators maintain them (the
	 * engine is asked each time, so that a change in Admin applies at once).
	 */
	public List<String> groupsOf(String userId) {
		return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

	/**
	 * The groups the user acts for now ({@link #groupsOf}): none for an administrator (a
	 * member of {@code camunda-admin}), whom the engine refuses any body's work
	 * ({@code AssigneeWorkChecker}); the product's own doors keep the same rule, even for
	 * an administrator added to a body's group.
	 */
	public List<String> groupsActedFor(String userId) {
		List<String> groups = groupsOf(userId);
		return groups.contains(GroupNames.ADMINISTRATORS) ? List.of() : groups;
	}

	/**
	 * The review groups (bodies) the user acts for now, as administrators maintain them:
	 * none for an administrator ({@link #groupsActedFor}).
	 */
	public Set<String> bodiesOf(String userId) {
		List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
		if (groups.stream().anyMatch(g -> GroupNames.ADMINISTRATORS.equals(g.getId()))) {
			return Set.of();
		}
		return groups.stream()
			.filter(g -> BODIES.contains(GroupType.of(g.getType())))
			.map(Group::getId)
			.collect(Collectors.toSet());
	}

	private Colleague colleague(HeldTask held, String callerId, String to) {
		String id = to == null ? "" : to.strip();
		if (id.isEmpty()) {
			throw invalid("to", "请填写转交对象（同事的登录账号）");
		}
		if (id.equals(callerId)) {
			throw invalid("to", "任务已在您名下，不能转交给自己");
		}
		// One answer for unknown ids, other bodies and enterprises: the reply does not
		// tell which.
		HandOverException outside = invalid("to",
				"转交对象必须是" + held.bodies().stream().map(directory::bodyName).collect(Collectors.joining("、")) + "的在册人员");
		if (id.length() > ID_MAX || !PlainText.isClean(id, false)
				|| identity.createUserQuery().userId(id).count() == 0) {
			throw outside;
		}
		List<Group> groups = identity.createGroupQuery().groupMember(id).list();
		if (groups.stream()
			.anyMatch(g -> GroupType.of(g.getType()) == GroupType.ENTERPRISE
					|| GroupNames.ENTERPRISES.equals(g.getId()))) {
			throw outside;
		}
		String body = groups.stream()
			.map(Group::getId)
			.filter(held.bodies()::contains)
			.sorted()
			.findFirst()
			.orElseThrow(() -> outside);
		// An administrator who is also a member of the body could not complete the task
		// (no administrator gives a body's opinion): it would wait in their name. Asked
		// only of the body's members, so that the answer tells nobody outside the body
		// who administers the system.
		if (groups.stream().anyMatch(g -> GroupNames.ADMINISTRATORS.equals(g.getId()))) {
			throw invalid("to", ADMINISTRATOR_TARGET);
		}
		return new Colleague(id, body);
	}

	public static String reason(String reason) {
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw invalid("reason", "请填写原因");
		}
		PlainText.problem(text, true).ifPresent(problem -> {
			throw invalid("reason", "原因" + problem);
		});
		int length = text.codePointCount(0, text.length());
		if (length < REASON_MIN) {
			throw invalid("reason", "原因至少 " + REASON_MIN + " 个字");
		}
		if (length > REASON_MAX) {
			throw invalid("reason", "原因不能超过 " + REASON_MAX + " 个字");
		}
		return text;
	}

	/**
	 * One command, so the holder ({@code null}: the pool) is checked on the very row that
	 * is then updated: a concurrent claim or hand-over makes it fail on the task's
	 * revision instead of being overwritten.
	 */
	private void assign(String taskId, String holder, String newAssignee) {
		try {
			engine.getCommandExecutorTxRequired().execute(context -> {
				Task current = tasks.createTaskQuery().taskId(taskId).singleResult();
				if (current == null || !Objects.equals(holder, current.getAssignee())) {
					throw changed();
				}
				tasks.setAssignee(taskId, newAssignee);
				return null;
			});
		}
		catch (OptimisticLockingException e) {
			throw changed();
		}
	}

	/**
	 * As {@link #assign}: the holder checked on the row that the delegation then changes.
	 */
	private void delegateTo(String taskId, String holder, String delegate) {
		try {
			engine.getCommandExecutorTxRequired().execute(context -> {
				Task current = tasks.createTaskQuery().taskId(taskId).singleResult();
				if (current == null || !holder.equals(current.getAssignee())) {
					throw changed();
				}
				tasks.delegateTask(taskId, delegate);
				return null;
			});
		}
		catch (OptimisticLockingException e) {
			throw changed();
		}
	}

	private void record(HeldTask held, String callerId, String bodyName, String action, String what, String details) {
		Task task = held.task();
		stages.note(held.applicationId(), callerId, bodyName, action, bodyName + "「" + task.getName() + "」" + what);
		audit.record(callerId, action, "application:" + held.applicationId(),
				"task " + task.getId() + " " + task.getTaskDefinitionKey() + " " + details);
	}

	public <T> T withProductAuthority(Supplier<T> work) {
		return ProductAuthority.call(identity, work);
	}

	private static HandOverException unknownTask() {
		return new HandOverException(Reason.UNKNOWN_TASK, null, "任务不存在，或不是您所在部门的任务");
	}

	private static HandOverException changed() {
		return new HandOverException(Reason.CHANGED, null, "该任务刚被他人办理或转交，请刷新后重试");
	}

	private static HandOverException invalid(String field, String message) {
		return new HandOverException(Reason.INVALID, field, message);
	}

	public record HeldTask(Task task, long applicationId, SortedSet<String> bodies) {
	}

	private record Colleague(String userId, String body) {
	}

}
