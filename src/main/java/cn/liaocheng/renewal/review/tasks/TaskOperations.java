package cn.liaocheng.renewal.review.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.OutsideCalendarException;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepReturnedToPrevious;
import cn.liaocheng.renewal.review.StepWithdrawn;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.TaskUrged;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.review.history.OperationView;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;
import cn.liaocheng.renewal.security.TaskClaims;

/**
 * The approval operations that move a case or press on it: 撤回 (the reviewer who completed
 * a step takes it back while the next step is unclaimed), 退回上一环节 (the holder of an
 * internal step sends the case back to the step before, not to the enterprise) and 催办 (a
 * body's lead, or the enterprise once a day, urges an open task). Each is checked here
 * against the organisation chart as administrators maintain it, recorded with its reason
 * in the case history, the operations log and the audit trail, and published as an event.
 */
@Service
public class TaskOperations {

	/** Steps reviewed in parallel: restarting one instance would restart them all. */
	private static final Set<String> PARALLEL_STEPS = Set.of(ReviewProcesses.TASK_JOINT_REVIEW,
			ReviewProcesses.TASK_BANK_DECISION);

	/**
	 * Steps whose step before is a parallel one (the finance bureau's interest review
	 * follows the banks'): there is nothing to return to.
	 */
	private static final Set<String> AFTER_PARALLEL_STEPS = Set.of(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW);

	/**
	 * 撤回 and 退回上一环节 restart a review step. After the decision (payment, acceptance,
	 * evaluation, clawback) each step's record lives in its own module, which a restart
	 * would not undo: a step there is corrected by the step after it.
	 */
	private static final String NOT_AFTER_DECISION = "后续管理和追回环节不能撤回或退回上一环节；如需更正，请在下一环节的审核意见中说明，或联系系统管理员";

	/**
	 * The operations log's name of a 催办 of a joint-review body by the bureau leading it.
	 */
	static final String JOINT_REVIEW_URGE = "JOINT_REVIEW_URGE";

	private static final Duration WITHDRAWABLE_FOR = Duration.ofDays(30);

	private static final int WITHDRAWABLE_MAX = 20;

	/**
	 * The reviewer's latest conclusions looked at for the list of
	 * {@link #WITHDRAWABLE_MAX}.
	 */
	private static final int WITHDRAWABLE_CANDIDATES = 100;

	private final TaskHandOvers handOvers;

	private final WorkingDays workingDays;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final HistoryService history;

	private final IdentityService identity;

	private final OpinionStore opinions;

	private final OperationLog operations;

	private final StepMoves moves;

	private final Directory directory;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final PublicNotices notices;

	private final OpenTasks openTasks;

	private final TaskClaims claims;

	private final HeldSteps held;

	TaskOperations(TaskHandOvers handOvers, TaskService tasks, RepositoryService repository, HistoryService history,
			IdentityService identity, OpinionStore opinions, OperationLog operations, StepMoves moves,
			Directory directory, ApplicationStages stages, AuditTrail audit, ApplicationEventPublisher events,
			WorkingDays workingDays, PublicNotices notices, OpenTasks openTasks, TaskClaims claims, HeldSteps held) {
		this.held = held;
		this.claims = claims;
		this.notices = notices;
		this.openTasks = openTasks;
		this.workingDays = workingDays;
		this.handOvers = handOvers;
		this.tasks = tasks;
		this.repository = repository;
		this.history = history;
		this.identity = identity;
		this.opinions = opinions;
		this.operations = operations;
		this.moves = moves;
		this.directory = directory;
		this.stages = stages;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Which operations the caller may try on the open task, for Tasklist's panel to offer
	 * only those: the holder's (转办, 委派, 放回本部门待办, 退回上一环节, 抄送), a lead's 催办 and 改派, the
	 * city industry bureau's 加签 during the joint review, and 认领 ({@code claim}) where the
	 * engine's own checks of a claim would let the caller take the unclaimed task (not a
	 * lead who only reads it), for Tasklist to show its claim button only then, and 添加意见
	 * ({@code comment}) where the engine would let the caller write a note on the task.
	 * The operations themselves check again.
	 */
	@Transactional(readOnly = true)
	public Set<String> available(String callerId, String taskId) {
		return handOvers.withProductAuthority(() -> {
			Task task = caseTask(taskId).task();
			Set<String> candidates = candidateGroupsOf(task);
			Set<String> bodies = candidates.stream()
				.filter(g -> !g.endsWith(GroupNames.LEAD_SUFFIX))
				.collect(Collectors.toSet());
			Set<String> callerGroups = Set.copyOf(handOvers.groupsActedFor(callerId));
			Set<String> available = new TreeSet<>();
			boolean member = bodies.stream().anyMatch(callerGroups::contains);
			// The holder's operations as TaskHandOvers.heldBy allows them: a lead holding
			// an escalated task, whose lead group is then a candidate, too.
			boolean holderMember = candidates.stream().anyMatch(callerGroups::contains);
			if (holderMember && callerId.equals(task.getAssignee())
					&& task.getDelegationState() != DelegationState.PENDING) {
				available.addAll(List.of("transfer", "delegate", "release", "copy"));
				if (inReview(task.getProcessDefinitionId()) && !PARALLEL_STEPS.contains(task.getTaskDefinitionKey())
						&& !AFTER_PARALLEL_STEPS.contains(task.getTaskDefinitionKey())) {
					available.add("returnToPrevious");
				}
			}
			if (bodies.stream().anyMatch(b -> callerGroups.contains(GroupNames.lead(b)))) {
				available.add("urge");
				if (task.getDelegationState() != DelegationState.PENDING) {
					available.add("reassign");
				}
			}
			if (ReviewProcesses.TASK_JOINT_REVIEW.equals(task.getTaskDefinitionKey())
					&& callerGroups.contains(GroupNames.city("industry"))) {
				available.add("addReviewer");
			}
			if (task.getAssignee() == null && claims.mayClaim(callerId, task.getId())) {
				available.add("claim");
			}
			if (claims.mayWork(callerId, task.getId())) {
				available.add("comment");
			}
			if (!member && !holderMember && available.isEmpty()) {
				throw unknownTask();
			}
			return available;
		});
	}

	/** Every approval operation on the case, oldest first (the dossier page's 办理操作记录). */
	@Transactional(readOnly = true)
	public List<OperationView> history(long applicationId) {
		return operations.forApplication(applicationId);
	}

	/**
	 * A completed step its reviewer may take back now, with the conclusion that would be
	 * taken back as the reviewer chose it, and whether it returned the case for
	 * correction (taking it back ends the enterprise's correction).
	 */
	public record Withdrawable(String taskId, long applicationId, String referenceNo, String title, String stepName,
			Instant completedAt, String decisionLabel, boolean correction) {
	}

	/**
	 * The caller's conclusions of the last 30 days that are still the case's latest step
	 * and may be taken back: approvals whose next step is unclaimed, and returns for
	 * correction whose correction the enterprise has neither changed nor resubmitted.
	 */
	@Transactional(readOnly = true)
	public List<Withdrawable> withdrawable(String callerId) {
		return handOvers.withProductAuthority(() -> {
			Instant now = Instant.now();
			// More than are shown: the newest may all be past taking back.
			List<Opinion> mine = opinions.lastTakeBackableBy(callerId, now.minus(WITHDRAWABLE_FOR),
					WITHDRAWABLE_CANDIDATES);
			if (mine.isEmpty()) {
				return List.of();
			}
			String[] keys = mine.stream().map(o -> Long.toString(o.applicationId())).distinct().toArray(String[]::new);
			Map<String, List<Task>> open = tasks.createTaskQuery()
				.processInstanceBusinessKeyIn(keys)
				.list()
				.stream()
				.collect(Collectors.groupingBy(t -> businessKeyOf(t)));
			Map<Long, ApplicationSummary> summaries = stages
				.summaries(mine.stream().map(Opinion::applicationId).toList())
				.stream()
				.collect(Collectors.toMap(ApplicationSummary::id, Function.identity()));
			Map<String, Boolean> inReview = new HashMap<>(); // one look-up per definition
			return mine.stream()
				.filter(o -> stillOf(callerId, o.bodyGroup()))
				.filter(o -> summaries.containsKey(o.applicationId()))
				.filter(o -> ReviewProcesses.RETURN.equals(o.decision())
						? !PARALLEL_STEPS.contains(o.step())
								&& openCorrectionAfter(open.getOrDefault(Long.toString(o.applicationId()), List.of()),
										o.at())
								&& summaries.get(o.applicationId()).status() == ApplicationStatus.CORRECTION
								&& !stages.facts(o.applicationId()).outcomes().correctionLapsedAt(now)
								&& untouched(o.applicationId())
						: unclaimedAfter(open.getOrDefault(Long.toString(o.applicationId()), List.of()), o.at()) && open
							.get(Long.toString(o.applicationId()))
							.stream()
							.allMatch(t -> inReview.computeIfAbsent(t.getProcessDefinitionId(), this::inReview)))
				.map(o -> new Withdrawable(o.taskId(), o.applicationId(),
						summaries.get(o.applicationId()).referenceNo(), summaries.get(o.applicationId()).title(),
						o.stepName(), o.at(), o.decisionLabel(), ReviewProcesses.RETURN.equals(o.decision())))
				.limit(WITHDRAWABLE_MAX)
				.toList();
		});
	}

	/**
	 * 撤回: the reviewer who approved {@code completedTaskId} does that step again; the
	 * next step's tasks are cancelled.
	 */
	@Transactional
	public HandOver withdraw(String callerId, String completedTaskId, String reason) {
		return handOvers.withProductAuthority(() -> {
			Opinion approved = opinions.standing(completedTaskId == null ? "" : completedTaskId)
				.orElseThrow(TaskOperations::unknownStep);
			if (!callerId.equals(approved.reviewer())) {
				if (handOvers.bodiesOf(callerId).contains(approved.bodyGroup())) {
					throw new HandOverException(Reason.NOT_HOLDER, null, "只有办理该环节的本人才能撤回");
				}
				throw unknownStep();
			}
			if (!stillOf(callerId, approved.bodyGroup())) {
				// Whoever has left the body since no longer decides its steps.
				throw new HandOverException(Reason.NOT_HOLDER, null, "您已不在" + approved.bodyName() + "，不能撤回该环节");
			}
			String why = TaskHandOvers.reason(reason);
			if (ReviewProcesses.RETURN.equals(approved.decision())) {
				return takeBackReturn(callerId, approved, why);
			}
			if (!"APPROVE".equals(approved.decision())) {
				throw changed("该环节的结论是“" + approved.decisionLabel() + "”，不能撤回");
			}
			if (PARALLEL_STEPS.contains(approved.step())) {
				throw changed("并行审查环节（联审、银行审贷）不能撤回");
			}
			HistoricTaskInstance done = historic(completedTaskId);
			if (!ReviewProcesses.REVIEW_PROCESSES.contains(done.getProcessDefinitionKey())) {
				throw changed(NOT_AFTER_DECISION);
			}
			List<Task> open = tasks.createTaskQuery()
				.processInstanceBusinessKey(Long.toString(approved.applicationId()))
				.list();
			boolean latest = opinions.forApplication(approved.applicationId())
				.stream()
				.reduce((a, b) -> b)
				.map(o -> o.taskId().equals(approved.taskId()))
				.orElse(false);
			if (!latest || open.isEmpty() || open.stream()
				.anyMatch(t -> t.getCreateTime().toInstant().isBefore(approved.at().minusSeconds(1)))) {
				throw changed("下一环节已经办理，不能撤回");
			}
			if (open.stream().anyMatch(t -> t.getAssignee() != null)) {
				throw changed("下一环节已被认领，不能撤回；如需更正，请与下一环节办理人联系");
			}
			if (open.stream().anyMatch(t -> !inReview(t.getProcessDefinitionId()))) {
				throw changed(NOT_AFTER_DECISION);
			}
			// The case's row before the tasks' rows, as every writer takes them.
			stages.hold(approved.applicationId());
			// A withdrawn objection check no longer settles the objections it ruled on:
			// reopened before the step restarts, whose task lists the open ones.
			notices.reopenSettledBy(approved.taskId());
			Task again = RestartedSteps.during(() -> moves.moveBack(done, open));
			tasks.setAssignee(again.getId(), callerId);
			opinions.supersede(approved.taskId());
			String callerName = directory.personName(callerId);
			record(approved.applicationId(), "WITHDRAW", again, callerId, approved.bodyName(),
					"由" + callerName + "撤回，重新办理。撤回原因：" + why, approved.stepName(), why);
			events.publishEvent(new StepWithdrawn(approved.applicationId(), again.getId(), callerId));
			return new HandOver(again.getId(), again.getName(), approved.bodyGroup(), approved.bodyName(), callerId,
					callerName);
		});
	}

	/**
	 * 撤回 of a 退回补正: while the enterprise has neither changed nor resubmitted anything,
	 * the reviewer who returned the case does the step again; the correction ends, with
	 * its deadline, and the enterprise is told it need not correct. The returning opinion
	 * stays on record, superseded.
	 */
	private HandOver takeBackReturn(String callerId, Opinion returned, String why) {
		if (PARALLEL_STEPS.contains(returned.step())) {
			throw changed("并行审查环节（联审、银行审贷）不能撤回");
		}
		HistoricTaskInstance done = historic(returned.taskId());
		if (!ReviewProcesses.REVIEW_PROCESSES.contains(done.getProcessDefinitionKey())) {
			throw changed(NOT_AFTER_DECISION);
		}
		long applicationId = returned.applicationId();
		// The case's row before the tasks' rows, as every writer takes them; held, no
		// edit or resubmission of the enterprise slips in until this ends, and what
		// follows is read after it.
		stages.hold(applicationId);
		if (opinions.standing(returned.taskId()).isEmpty()) {
			throw changed("该退回补正已经撤回");
		}
		boolean latest = opinions.forApplication(applicationId)
			.stream()
			.reduce((a, b) -> b)
			.map(o -> o.taskId().equals(returned.taskId()))
			.orElse(false);
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(applicationId)).list();
		Optional<ApplicationSummary> summary = stages.summaries(List.of(applicationId)).stream().findFirst();
		if (!latest || summary.isEmpty()) {
			throw changed("该环节之后案件已有新的办理，不能撤回");
		}
		if (summary.get().status() != ApplicationStatus.CORRECTION) {
			throw changed("企业已重新提交或补正已结束，不能撤回");
		}
		if (!openCorrectionAfter(open, returned.at())) {
			throw changed(open.isEmpty() ? "系统正在通知企业补正，请稍后再试" : "企业已重新提交或补正已结束，不能撤回");
		}
		if (stages.facts(applicationId).outcomes().correctionLapsedAt(Instant.now())) {
			throw changed("补正期限已届满，申报按逾期未补正处理，不能撤回");
		}
		List<String> edits = stages.correctionEdits(applicationId);
		if (!edits.isEmpty()) {
			throw changed("企业已开始补正（已修改：" + String.join("、", edits) + "），不能撤回；请待企业重新提交后继续审核");
		}
		Task again = RestartedSteps.during(() -> moves.takeBackCorrection(done, open.get(0)));
		tasks.setAssignee(again.getId(), callerId);
		opinions.supersede(returned.taskId());
		stages.dropCorrection(applicationId);
		// Told to the enterprise on its case page (the operation's own line is staff's).
		stages.note(applicationId, "system", returned.bodyName(), "CORRECTION_WITHDRAWN",
				"退回补正已由" + returned.bodyName() + "撤回，无需补正，此前的补正期限不再适用；申报回到“" + returned.stepName() + "”环节继续审核。");
		String callerName = directory.personName(callerId);
		record(applicationId, "WITHDRAW", again, callerId, returned.bodyName(),
				"由" + callerName + "撤回退回补正，重新办理。撤回原因：" + why, returned.stepName(), why);
		events.publishEvent(new StepWithdrawn(applicationId, again.getId(), callerId));
		events.publishEvent(new CaseNews(applicationId, "退回补正已撤回",
				"的退回补正已由" + returned.bodyName() + "撤回，您无需补正，此前的补正期限不再适用；申报已回到“" + returned.stepName() + "”环节继续审核。"));
		return new HandOver(again.getId(), again.getName(), returned.bodyGroup(), returned.bodyName(), callerId,
				callerName);
	}

	/**
	 * The case waits for the enterprise's correction only, opened by the return of
	 * {@code returned}: one open task, the enterprise's, made after it.
	 */
	private static boolean openCorrectionAfter(List<Task> open, Instant returned) {
		return open.size() == 1 && ReviewProcesses.TASK_ENTERPRISE_CORRECTION.equals(open.get(0).getTaskDefinitionKey())
				&& !open.get(0).getCreateTime().toInstant().isBefore(returned.minusSeconds(1));
	}

	/** The enterprise has changed nothing in its open correction. */
	private boolean untouched(long applicationId) {
		return stages.correctionEdits(applicationId).isEmpty();
	}

	/**
	 * 退回上一环节: the holder of {@code taskId} sends the case back to the internal step
	 * before it.
	 */
	@Transactional
	public HandOver returnToPrevious(String callerId, String taskId, String reason) {
		return handOvers.withProductAuthority(() -> {
			TaskHandOvers.HeldTask held = handOvers.heldBy(callerId, taskId);
			String why = TaskHandOvers.reason(reason);
			Task current = held.task();
			if (!inReview(current.getProcessDefinitionId())) {
				throw changed(NOT_AFTER_DECISION);
			}
			if (PARALLEL_STEPS.contains(current.getTaskDefinitionKey())) {
				throw changed("并行审查环节（联审、银行审贷）不能退回上一环节；需要企业补正材料的，请选择“退回补正”");
			}
			Opinion previous = opinions.forApplication(held.applicationId())
				.stream()
				.filter(o -> !o.step().equals(current.getTaskDefinitionKey()))
				.reduce((a, b) -> b)
				.orElseThrow(() -> changed("该环节是本案件的第一个审核环节，没有可退回的上一环节"));
			if (AFTER_PARALLEL_STEPS.contains(current.getTaskDefinitionKey())) {
				throw changed("上一环节是各银行并行的自主审贷，不能退回上一环节");
			}
			if (PARALLEL_STEPS.contains(previous.step()) || !"APPROVE".equals(previous.decision())) {
				throw changed("上一环节是并行审查环节，不能退回；需要企业补正材料的，请选择“退回补正”");
			}
			HistoricTaskInstance before = historic(previous.taskId());
			if (!ReviewProcesses.REVIEW_PROCESSES.contains(before.getProcessDefinitionKey())) {
				throw changed(NOT_AFTER_DECISION);
			}
			stages.hold(held.applicationId());
			// Before the step restarts, whose task lists the open objections.
			notices.reopenSettledBy(previous.taskId());
			Task again = RestartedSteps.during(() -> moves.moveBack(before, List.of(current)));
			boolean stillThere = identity.createUserQuery()
				.userId(previous.reviewer())
				.memberOfGroup(previous.bodyGroup())
				.count() > 0;
			String assignee = stillThere ? previous.reviewer() : null;
			if (assignee != null) {
				tasks.setAssignee(again.getId(), assignee);
			}
			opinions.supersede(previous.taskId());
			String bodyName = directory.bodyName(held.bodies().first());
			record(held.applicationId(), "RETURN_TO_PREVIOUS", again, callerId, bodyName,
					"由" + directory.personName(callerId) + "在「" + current.getName() + "」环节退回上一环节「" + previous.stepName()
							+ "」（" + previous.bodyName() + "）重新办理。退回原因：" + why,
					previous.bodyName() + "「" + previous.stepName() + "」", why);
			events.publishEvent(new StepReturnedToPrevious(held.applicationId(), again.getId(), callerId, assignee,
					previous.bodyGroup(), again.getName(), current.getName(), why,
					again.getDueDate() == null ? null : again.getDueDate().toInstant()));
			return new HandOver(again.getId(), again.getName(), previous.bodyGroup(), previous.bodyName(), assignee,
					assignee == null ? null : directory.personName(assignee));
		});
	}

	/** 催办 by a lead: a member of the lead group of one of the task's bodies urges it. */
	@Transactional
	public HandOver urgeAsLead(String callerId, String taskId, String reason) {
		return handOvers.withProductAuthority(() -> {
			CaseTask found = caseTask(taskId);
			Task task = found.task();
			long applicationId = found.applicationId();
			Set<String> bodies = bodiesOfTask(task);
			Set<String> callerGroups = Set.copyOf(handOvers.groupsActedFor(callerId));
			String body = bodies.stream()
				.filter(b -> callerGroups.contains(GroupNames.lead(b)))
				.sorted()
				.findFirst()
				.orElse(null);
			if (body == null) {
				if (bodies.stream().anyMatch(callerGroups::contains)) {
					throw new HandOverException(Reason.NOT_HOLDER, null, "只有本部门负责人可以催办");
				}
				throw unknownTask();
			}
			String why = TaskHandOvers.reason(reason);
			urge(applicationId, task, body, callerId, directory.personName(callerId), false, why);
			// Held last, after the case's rows the urge wrote, as every writer takes
			// them: a step ending meanwhile takes the urge back with this transaction.
			if (!openTasks.hold(task.getId())) {
				throw changed("该任务已办结，无需催办");
			}
			return handOverOf(task, body);
		});
	}

	/**
	 * 催办 by the enterprise that owns the case: once a day (Beijing time), every open task
	 * of its review and of its after-award process (payment, acceptance, evaluation), in
	 * the instances the product recorded for the case; not its clawback's steps, which
	 * are the authority's case against it, nor a payment that clawback holds
	 * ({@link HeldSteps}), nor an instance someone started by hand with its key.
	 */
	@Transactional
	public List<HandOver> urgeAsEnterprise(String enterpriseUser, String enterpriseName, long applicationId,
			String reason) {
		return handOvers.withProductAuthority(() -> {
			String why = TaskHandOvers.reason(reason);
			List<Task> all = openSteps(applicationId, true);
			List<Task> open = all.stream()
				.filter(t -> held.heldFor(applicationId, t.getTaskDefinitionKey()).isEmpty())
				.toList();
			if (open.isEmpty() && !all.isEmpty()) {
				// A payment a clawback holds may not be made: nothing to urge.
				throw changed(held.heldFor(applicationId, all.get(0).getTaskDefinitionKey())
					.map(hold -> hold + "该环节暂停办理，无需催办。")
					.orElse("该申请目前没有正在审核的环节，无需催办"));
			}
			if (open.isEmpty()) {
				throw changed("该申请目前没有正在审核的环节，无需催办");
			}
			if (!operations.takeEnterpriseUrge(applicationId, urgeDay(LocalDate.now(ChinaTime.ZONE)))) {
				throw new HandOverException(Reason.TOO_OFTEN, null, "每件申请每个工作日只能催办一次，请下一个工作日再试");
			}
			List<HandOver> urged = open.stream().map(task -> {
				String body = bodiesOfTask(task).stream().sorted().findFirst().orElseThrow();
				urge(applicationId, task, body, enterpriseUser, enterpriseName, true, why);
				return handOverOf(task, body);
			}).toList();
			// Held last and in the order of their ids (two urges at once wait for each
			// other): a step ending meanwhile takes the whole urge back, the day's urge
			// included.
			if (!open.stream().map(Task::getId).allMatch(openTasks::hold)) {
				throw changed("审核环节刚刚有变化，请刷新页面后重新催办");
			}
			return urged;
		});
	}

	/**
	 * The open steps of the review the product recorded for the case (and of its
	 * after-award process with {@code afterAward}), in the order of their ids: those with
	 * a body, in those instances only, not in one someone started by hand with the case's
	 * key.
	 */
	List<Task> openSteps(long applicationId, boolean afterAward) {
		Set<String> instances = new HashSet<>();
		Stream
			.of(stages.reviewProcess(applicationId),
					afterAward ? stages.afterAwardProcess(applicationId, AfterAwardProcesses.AFTERCARE)
							: Optional.<String>empty())
			.flatMap(Optional::stream)
			.forEach(root -> history.createHistoricProcessInstanceQuery()
				.rootProcessInstanceId(root)
				.unfinished()
				.list()
				.forEach(instance -> instances.add(instance.getId())));
		if (instances.isEmpty()) {
			return List.of();
		}
		return tasks.createTaskQuery()
			.processInstanceIdIn(instances.toArray(String[]::new))
			.orderByTaskId()
			.asc()
			.list()
			.stream()
			.filter(t -> !bodiesOfTask(t).isEmpty())
			.toList();
	}

	/**
	 * The working day an enterprise's urge counts for: today, or on a weekend or holiday
	 * the next working day, so urging on Saturday uses up Monday's. Outside the
	 * calendar's years, the day itself.
	 */
	private LocalDate urgeDay(LocalDate today) {
		try {
			return workingDays.plusWorkingDays(today, 0);
		}
		catch (OutsideCalendarException e) {
			return today;
		}
	}

	private void urge(long applicationId, Task task, String body, String by, String byName, boolean enterprise,
			String why) {
		String bodyName = directory.bodyName(body);
		// The enterprise reads this line: it learns whether someone holds the step, not
		// who.
		String holder = task.getAssignee() == null ? "（待认领）"
				: enterprise ? "（已有人办理）" : "（办理人：" + directory.personName(task.getAssignee()) + "）";
		String target = bodyName + "「" + task.getName() + "」";
		if (enterprise) {
			// The enterprise's own reminder is told to it; a lead's stays with the
			// reviewers. It names the body urged, so that a bank reading the case does
			// not read the enterprise urging the other banks it chose.
			recordAs(applicationId, "URGE", "ENTERPRISE_URGE", task, by, byName,
					byName + "催办" + target + holder + "。催办事由：" + why, target, why);
		}
		else {
			record(applicationId, "URGE", task, by, bodyName, "由" + byName + "催办" + holder + "。催办事由：" + why, target,
					why);
		}
		events.publishEvent(new TaskUrged(applicationId, task.getId(), task.getName(), by,
				enterprise ? byName : bodyName, enterprise, task.getAssignee(), body, why));
	}

	/**
	 * 催办 of another body's open step by {@code actorBody} (the city industry bureau,
	 * which leads the joint review), by one of its people: recorded as that bureau's, and
	 * told to the step's holder or, unclaimed, to the step's body.
	 */
	void urgeForBody(long applicationId, Task task, String body, String by, String actorBody, String why) {
		String holder = task.getAssignee() == null ? "（待认领）" : "（办理人：" + directory.personName(task.getAssignee()) + "）";
		String target = directory.bodyName(body) + "「" + task.getName() + "」";
		recordAs(applicationId, JOINT_REVIEW_URGE, "TASK_" + JOINT_REVIEW_URGE, task, by, actorBody,
				actorBody + "催办" + target + holder + "。催办事由：" + why, target, why);
		events.publishEvent(new TaskUrged(applicationId, task.getId(), task.getName(), by, actorBody, false,
				task.getAssignee(), body, why));
	}

	private void record(long applicationId, String operation, Task task, String actor, String actorBody, String what,
			String target, String why) {
		record(applicationId, operation, "TASK_" + operation, task, actor, actorBody, what, target, why);
	}

	/**
	 * An operation on the case's record, its history ({@code historyAction}: the
	 * reviewers' own operations are {@code TASK_*}, which the enterprise is not shown)
	 * and the audit trail.
	 */
	private void record(long applicationId, String operation, String historyAction, Task task, String actor,
			String actorBody, String what, String target, String why) {
		recordAs(applicationId, operation, historyAction, task, actor, actorBody,
				actorBody + "「" + task.getName() + "」" + what, target, why);
	}

	/** {@link #record} with the history's line as given ({@code line}). */
	private void recordAs(long applicationId, String operation, String historyAction, Task task, String actor,
			String actorBody, String line, String target, String why) {
		String actorName = directory.personName(actor);
		operations.add(applicationId, operation, task.getId(), task.getName(), actor, actorName, target, why);
		stages.note(applicationId, actor, actorBody, historyAction, line);
		audit.record(actor, "TASK_" + operation, "application:" + applicationId, "task " + task.getId() + " "
				+ task.getTaskDefinitionKey() + "; target: " + target + "; reason: " + why);
	}

	Set<String> bodiesOfTask(Task task) {
		return candidateGroupsOf(task).stream()
			.filter(g -> !g.endsWith(GroupNames.LEAD_SUFFIX))
			.collect(Collectors.toSet());
	}

	private Set<String> candidateGroupsOf(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.collect(Collectors.toSet());
	}

	private HandOver handOverOf(Task task, String body) {
		return new HandOver(task.getId(), task.getName(), body, directory.bodyName(body), task.getAssignee(),
				task.getAssignee() == null ? null : directory.personName(task.getAssignee()));
	}

	/**
	 * Whether the reviewer still belongs to the body a step was done for, as a member or
	 * as its lead (a lead completes an escalated step under the body's name).
	 */
	private boolean stillOf(String userId, String bodyGroup) {
		List<String> groups = handOvers.groupsActedFor(userId);
		return groups.contains(bodyGroup) || groups.contains(GroupNames.lead(bodyGroup));
	}

	/** Whether a task belongs to the review of an application, before its decision. */
	private boolean inReview(String processDefinitionId) {
		return ReviewProcesses.REVIEW_PROCESSES.contains(repository.getProcessDefinition(processDefinitionId).getKey());
	}

	private HistoricTaskInstance historic(String taskId) {
		HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw changed("该环节的办理记录已不存在，不能办理此操作");
		}
		return task;
	}

	private String businessKeyOf(Task task) {
		Long id = handOvers.applicationOf(task);
		return id == null ? "" : id.toString();
	}

	private static boolean unclaimedAfter(List<Task> open, Instant completed) {
		return !open.isEmpty() && open.stream()
			.allMatch(
					t -> t.getAssignee() == null && !t.getCreateTime().toInstant().isBefore(completed.minusSeconds(1)));
	}

	private static HandOverException unknownStep() {
		return new HandOverException(Reason.UNKNOWN_TASK, null, "没有找到您办理过的该环节");
	}

	/**
	 * The task of a case with this id; refused as unknown if there is none (or the id is
	 * longer than any the engine makes).
	 */
	private CaseTask caseTask(String taskId) {
		Task task = taskId == null || taskId.length() > 64 ? null
				: tasks.createTaskQuery().taskId(taskId).singleResult();
		Long applicationId = task == null ? null : handOvers.applicationOf(task);
		if (applicationId == null) {
			throw unknownTask();
		}
		return new CaseTask(task, applicationId);
	}

	private record CaseTask(Task task, long applicationId) {
	}

	private static HandOverException unknownTask() {
		return new HandOverException(Reason.UNKNOWN_TASK, null, "任务不存在，或不是您所在部门的任务");
	}

	private static HandOverException changed(String message) {
		return new HandOverException(Reason.CHANGED, null, message);
	}

}
