package cn.liaocheng.renewal.review.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.JointReviewBodyAdded;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.review.tasks.HandOver;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;

/**
 * 加签: the city industry bureau adds another city body to a running joint review. The
 * joint review is a parallel multi-instance task over the bodies in {@code reviewBodies};
 * the addition starts one more instance inside the running multi-instance body with the
 * new {@code reviewBody}, so the round waits for that body's opinion too, and the body
 * joins {@code reviewBodies}, so that the summary counts its return for correction like
 * any other's.
 */
@Service
public class JointReviewAdditions {

	private static final String JOINT_REVIEW = ReviewProcesses.TASK_JOINT_REVIEW;

	private static final String MULTI_INSTANCE = JOINT_REVIEW + "#multiInstanceBody";

	private static final String LEAD_BODY = GroupNames.city("industry");

	private final TaskHandOvers handOvers;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ReviewRouting routing;

	private final Directory directory;

	private final OperationLog operations;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	JointReviewAdditions(TaskHandOvers handOvers, TaskService tasks, RuntimeService runtime, ReviewRouting routing,
			Directory directory, OperationLog operations, ApplicationStages stages, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.handOvers = handOvers;
		this.tasks = tasks;
		this.runtime = runtime;
		this.routing = routing;
		this.directory = directory;
		this.operations = operations;
		this.stages = stages;
		this.audit = audit;
		this.events = events;
	}

	/** A city body as the 加签 dialog offers it. */
	public record Body(String key, String name) {
	}

	/** The city bodies not yet in the joint review that {@code taskId} belongs to. */
	@Transactional(readOnly = true)
	public List<Body> addable(String callerId, String taskId) {
		return handOvers.withProductAuthority(() -> {
			Round round = round(callerId, taskId);
			return directory.cityBodyNames()
				.entrySet()
				.stream()
				.filter(e -> !round.bodies().contains(e.getKey()))
				.map(e -> new Body(e.getKey(), e.getValue()))
				.toList();
		});
	}

	/**
	 * Adds {@code bodyKey} (e.g. {@code finance} for 聊城市财政局) to the running joint review.
	 */
	@Transactional
	public HandOver add(String callerId, String taskId, String bodyKey, String reason) {
		return handOvers.withProductAuthority(() -> {
			Round round = round(callerId, taskId);
			Map<String, String> cityBodies = directory.cityBodyNames();
			String key = bodyKey == null ? "" : bodyKey.strip();
			if (!cityBodies.containsKey(key)) {
				throw new HandOverException(Reason.INVALID, "body", "请从列表中选择要加签的市级单位");
			}
			if (round.bodies().contains(key)) {
				throw new HandOverException(Reason.INVALID, "body", cityBodies.get(key) + "已在本轮联审中，不需要加签");
			}
			String why = TaskHandOvers.reason(reason);
			String instance = round.task().getProcessInstanceId();
			ActivityInstance[] running = runtime.getActivityInstance(instance).getActivityInstances(MULTI_INSTANCE);
			if (running.length != 1) {
				throw new HandOverException(Reason.CHANGED, null, "本轮联审已结束，不能加签");
			}
			runtime.createProcessInstanceModification(instance)
				.startBeforeActivity(JOINT_REVIEW, running[0].getId())
				.setVariableLocal(ReviewProcesses.REVIEW_BODY, key)
				.execute();
			String bodies = (String) runtime.getVariable(instance, ReviewProcesses.REVIEW_BODIES);
			runtime.setVariable(instance, ReviewProcesses.REVIEW_BODIES,
					bodies == null || bodies.isBlank() ? key : bodies + "," + key);
			String group = GroupNames.city(key);
			Task added = tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKey(JOINT_REVIEW)
				.taskCandidateGroup(group)
				.singleResult();
			String leadName = directory.bodyName(LEAD_BODY);
			String callerName = directory.personName(callerId);
			operations.add(round.applicationId(), "ADD_REVIEWER", added.getId(), added.getName(), callerId, callerName,
					cityBodies.get(key), why);
			stages.note(round.applicationId(), callerId, leadName, "TASK_ADD_REVIEWER", leadName + "「" + added.getName()
					+ "」由" + callerName + "加签" + cityBodies.get(key) + "参加联审。加签原因：" + why);
			audit.record(callerId, "TASK_ADD_REVIEWER", "application:" + round.applicationId(),
					"task " + added.getId() + " " + group + "; reason: " + why);
			events.publishEvent(new JointReviewBodyAdded(round.applicationId(), added.getId(), group, callerId));
			return new HandOver(added.getId(), added.getName(), group, cityBodies.get(key), null, null);
		});
	}

	/**
	 * The running joint review of an open joint-review task, if the caller is of the city
	 * industry bureau.
	 */
	private Round round(String callerId, String taskId) {
		Task task = taskId == null || taskId.length() > 64 ? null
				: tasks.createTaskQuery().taskId(taskId).singleResult();
		Long applicationId = task == null ? null : handOvers.applicationOf(task);
		if (applicationId == null) {
			throw new HandOverException(Reason.UNKNOWN_TASK, null, "任务不存在，或不是您所在部门的任务");
		}
		Set<String> callerBodies = handOvers.bodiesOf(callerId);
		if (!callerBodies.contains(LEAD_BODY)) {
			boolean sees = tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && callerBodies.contains(l.getGroupId()));
			if (sees) {
				throw new HandOverException(Reason.NOT_HOLDER, null, "只有市工业和信息化局可以加签");
			}
			throw new HandOverException(Reason.UNKNOWN_TASK, null, "任务不存在，或不是您所在部门的任务");
		}
		if (!JOINT_REVIEW.equals(task.getTaskDefinitionKey())) {
			throw new HandOverException(Reason.CHANGED, null, "只能在市级联审进行中加签");
		}
		String reviewBodies = (String) runtime.getVariable(task.getProcessInstanceId(), ReviewProcesses.REVIEW_BODIES);
		Set<String> bodies = new HashSet<>(routing.split(reviewBodies));
		tasks.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskDefinitionKey(JOINT_REVIEW)
			.list()
			.forEach(t -> tasks.getIdentityLinksForTask(t.getId())
				.stream()
				.filter(l -> l.getGroupId() != null && l.getGroupId().startsWith(GroupNames.city("")))
				.forEach(l -> bodies.add(l.getGroupId().substring(GroupNames.city("").length()))));
		return new Round(task, applicationId, bodies);
	}

	private record Round(Task task, long applicationId, Set<String> bodies) {
	}

}
