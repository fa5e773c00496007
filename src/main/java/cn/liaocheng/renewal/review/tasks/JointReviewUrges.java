package cn.liaocheng.renewal.review.tasks;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;

/**
 * 催办联审单位: the city industry bureau, which leads the joint review and decides, urges a
 * body whose joint-review opinion is still outstanding, from the case rather than from a
 * task of its own (its own opinion may be given long before). Any member of the bureau or
 * of its lead group may; once a day (Beijing time) per body and case, so that a body is
 * not flooded; the body's holder, or its whole pool while unclaimed, is told. The
 * bureau's own step is urged by its own lead (TaskOperations#urgeAsLead).
 *
 * <p>
 * Takes no lock on the case's row: the day's urge is a row of its own whose key refuses a
 * second, and the step's row is held last, after the rows the urge wrote, as the lead's
 * and the enterprise's urges do; a step handed over or ended meanwhile makes the urge
 * refused and undone rather than addressed to whoever held it before.
 */
@Service
public class JointReviewUrges {

	static final String COORDINATOR = GroupNames.city("industry");

	private final TaskOperations operations;

	private final TaskHandOvers handOvers;

	private final OperationLog log;

	private final Directory directory;

	private final OpenTasks openTasks;

	private final TaskService tasks;

	JointReviewUrges(TaskOperations operations, TaskHandOvers handOvers, OperationLog log, Directory directory,
			OpenTasks openTasks, TaskService tasks) {
		this.operations = operations;
		this.handOvers = handOvers;
		this.log = log;
		this.directory = directory;
		this.openTasks = openTasks;
		this.tasks = tasks;
	}

	/**
	 * A body whose joint-review opinion is outstanding: whether someone holds its step,
	 * by the end of which day it is due, and whether the bureau urged it today already.
	 */
	public record Outstanding(String body, String bodyName, boolean claimed, LocalDate due, boolean urgedToday) {
	}

	/**
	 * What an urge reached: the body's step, and whether it is held by someone (who is
	 * not named to another body).
	 */
	public record Urged(String body, String bodyName, String taskName, boolean claimed) {
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
			List<Step> steps = steps(applicationId);
			Set<String> urged = steps.isEmpty() ? Set.of() : log.jointReviewUrgesOf(applicationId, ChinaTime.today());
			return steps.stream()
				.map(step -> new Outstanding(step.body(), directory.bodyName(step.body()),
						step.task().getAssignee() != null,
						step.task().getDueDate() == null ? null
								: LocalDate.ofInstant(step.task().getDueDate().toInstant(), ChinaTime.ZONE),
						urged.contains(step.body())))
				.toList();
		});
	}

	/**
	 * Urges {@code body}'s outstanding joint-review step of the case.
	 * @throws HandOverException when the caller does not act for the bureau, no body is
	 * named, the body has no outstanding step (any more), it was urged today, or its step
	 * changed hands or ended meanwhile
	 */
	@Transactional
	public Urged urge(String callerId, long applicationId, String body, String reason) {
		if (!mayUrge(callerId)) {
			throw new HandOverException(Reason.NOT_HOLDER, null, "只有市工业和信息化局可以催办联审单位");
		}
		return handOvers.withProductAuthority(() -> {
			if (body == null || body.isBlank()) {
				throw new HandOverException(Reason.INVALID, "body", "请选择要催办的联审单位");
			}
			if (COORDINATOR.equals(body)) {
				throw new HandOverException(Reason.INVALID, "body", "本局的联审环节由本局负责人在 Tasklist 中催办");
			}
			String why = TaskHandOvers.reason(reason);
			Task task = steps(applicationId).stream()
				.filter(s -> s.body().equals(body))
				.map(Step::task)
				.findFirst()
				.orElseThrow(() -> new HandOverException(Reason.CHANGED, null, "该单位没有待提出的联审意见（已提出或本轮联审已结束），无需催办"));
			if (!log.takeJointReviewUrge(applicationId, body, ChinaTime.today())) {
				throw new HandOverException(Reason.TOO_OFTEN, null,
						directory.bodyName(body) + "今天已催办过，每个联审单位每天只能催办一次，请明天再试");
			}
			operations.urgeForBody(applicationId, task, body, callerId, directory.bodyName(COORDINATOR), why);
			// Held last, after the case's rows the urge wrote; then read again: a step
			// ended or handed over meanwhile takes the urge back with this transaction.
			Task now = openTasks.hold(task.getId()) ? tasks.createTaskQuery().taskId(task.getId()).singleResult()
					: null;
			if (now == null) {
				throw new HandOverException(Reason.CHANGED, null, "该单位刚刚已提出联审意见，无需催办");
			}
			if (!Objects.equals(now.getAssignee(), task.getAssignee())) {
				throw new HandOverException(Reason.CHANGED, null, "该单位的联审环节刚刚换了办理人，请刷新后重新催办");
			}
			return new Urged(body, directory.bodyName(body), task.getName(), task.getAssignee() != null);
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

}
