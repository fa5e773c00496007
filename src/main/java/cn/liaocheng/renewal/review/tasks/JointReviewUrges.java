package cn.liaocheng.renewal.review.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;
import cn.liaocheng.renewal.engine.OpenTasks;

/**
 * 催办联审单位: the city industry bureau, which leads the joint review and decides, urges a
 * body whose joint-review opinion is still outstanding, from the case rather than from a
 * task of its own (its own opinion may be given long before). Any member of the bureau or
 * of its lead group may; once a day (Beijing time) per body and case, so that a body is
 * not flooded; the body's holder, or its whole pool while unclaimed, is told. The
 * bureau's own step is urged by its own lead (TaskOperations#urgeAsLead).
 */
@Service
public class JointReviewUrges {

	static final String COORDINATOR = GroupNames.city("industry");

	private final TaskOperations operations;

	private final TaskHandOvers handOvers;

	private final OperationLog log;

	private final ApplicationStages stages;

	private final Directory directory;

	private final OpenTasks openTasks;

	JointReviewUrges(TaskOperations operations, TaskHandOvers handOvers, OperationLog log, ApplicationStages stages,
			Directory directory, OpenTasks openTasks) {
		this.operations = operations;
		this.handOvers = handOvers;
		this.log = log;
		this.stages = stages;
		this.directory = directory;
		this.openTasks = openTasks;
	}

	/**
	 * A body whose joint-review opinion is outstanding: whether someone holds its step,
	 * by when it is due, and whether the bureau urged it today already.
	 */
	public record Outstanding(String body, String bodyName, boolean claimed, LocalDate due, boolean urgedToday) {
	}

	/** Whether the user acts for the bureau leading the joint review. */
	public boolean mayUrge(String userId) {
		List<String> groups = handOvers.groupsActedFor(userId);
		return groups.contains(COORDINATOR) || groups.contains(GroupNames.lead(COORDINATOR));
	}

	/**
	 * The other bodies whose joint-review opinion on the case is outstanding; none for a
	 * user who does not act for the bureau.
	 */
	@Transactional(readOnly = true)
	public List<Outstanding> outstanding(String userId, long applicationId) {
		if (!mayUrge(userId)) {
			return List.of();
		}
		return handOvers.withProductAuthority(() -> {
			Instant today = startOfToday();
			return steps(applicationId).stream()
				.map(step -> new Outstanding(step.body(), directory.bodyName(step.body()),
						step.task().getAssignee() != null,
						step.task().getDueDate() == null ? null
								: LocalDate.ofInstant(step.task().getDueDate().toInstant(), ChinaTime.ZONE),
						log.hadSince(applicationId, step.task().getId(), TaskOperations.JOINT_REVIEW_URGE, today)))
				.toList();
		});
	}

	/**
	 * Urges {@code body}'s outstanding joint-review step of the case.
	 * @throws HandOverException when the caller does not act for the bureau, the body has
	 * no outstanding step (any more), or it was urged today
	 */
	@Transactional
	public HandOver urge(String callerId, long applicationId, String body, String reason) {
		if (!mayUrge(callerId)) {
			throw new HandOverException(Reason.NOT_HOLDER, null, "只有市工业和信息化局可以催办联审单位");
		}
		return handOvers.withProductAuthority(() -> {
			String why = TaskHandOvers.reason(reason);
			if (COORDINATOR.equals(body)) {
				throw new HandOverException(Reason.INVALID, "body", "本局的联审环节由本局负责人在 Tasklist 中催办");
			}
			// The case's row first, as every writer of a case and its tasks: two urges of
			// one body at once wait for each other, and the second finds the first.
			stages.hold(applicationId);
			Step step = steps(applicationId).stream()
				.filter(s -> s.body().equals(body))
				.findFirst()
				.orElseThrow(() -> new HandOverException(Reason.CHANGED, null, "该单位没有待提出的联审意见（已提出或本轮联审已结束），无需催办"));
			if (log.hadSince(applicationId, step.task().getId(), TaskOperations.JOINT_REVIEW_URGE, startOfToday())) {
				throw new HandOverException(Reason.TOO_OFTEN, null,
						directory.bodyName(body) + "今天已催办过，每个联审单位每天只能催办一次，请明天再试");
			}
			operations.urgeForBody(applicationId, step.task(), body, callerId, directory.bodyName(COORDINATOR), why);
			// Held last, after the case's rows the urge wrote: a step ending meanwhile
			// takes the urge back with this transaction.
			if (!openTasks.hold(step.task().getId())) {
				throw new HandOverException(Reason.CHANGED, null, "该单位刚刚已提出联审意见，无需催办");
			}
			Task task = step.task();
			return new HandOver(task.getId(), task.getName(), body, directory.bodyName(body), task.getAssignee(),
					task.getAssignee() == null ? null : directory.personName(task.getAssignee()));
		});
	}

	/** An outstanding joint-review step of another body. */
	private record Step(Task task, String body) {
	}

	private List<Step> steps(long applicationId) {
		return operations.openSteps(applicationId, false)
			.stream()
			.filter(task -> ReviewProcesses.TASK_JOINT_REVIEW.equals(task.getTaskDefinitionKey()))
			.map(task -> new Step(task,
					operations.bodiesOfTask(task).stream().sorted().findFirst().orElse(COORDINATOR)))
			.filter(step -> !COORDINATOR.equals(step.body()))
			.sorted(Comparator.comparing(Step::body))
			.toList();
	}

	private static Instant startOfToday() {
		return LocalDate.now(ChinaTime.ZONE).atStartOfDay(ChinaTime.ZONE).toInstant();
	}

}
