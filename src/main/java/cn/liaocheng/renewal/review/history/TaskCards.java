package cn.liaocheng.renewal.review.history;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.deadlines.TaskDeadlines;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.opinions.OpinionStore.StepOfCase;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;

/**
 * What a task's card in Tasklist's list says besides the task's own variables: the county
 * (所在县市区) of the case, whether the step is being looked at again (补正后重新提交, 退回重办) and the
 * working days left. The case is the business key of the task's process instance, its
 * county the application record's division and the labels the recorded returns for
 * correction and returns to the previous step, never a process variable a task might have
 * written. A page of cards costs the same few queries whatever its length; only tasks the
 * caller may see are answered ({@link TaskDeadlines#visible}).
 */
@Service
public class TaskCards {

	static final String CORRECTED = "CORRECTED";

	static final String RETURNED = "RETURNED";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ChinaTime.ZONE);

	private final TaskDeadlines deadlines;

	private final TaskHandOvers handOvers;

	private final TaskService tasks;

	private final ApplicationStages stages;

	private final OrganizationCatalog organizations;

	private final OpinionStore opinions;

	private final OperationLog operations;

	TaskCards(TaskDeadlines deadlines, TaskHandOvers handOvers, TaskService tasks, ApplicationStages stages,
			OrganizationCatalog organizations, OpinionStore opinions, OperationLog operations) {
		this.deadlines = deadlines;
		this.handOvers = handOvers;
		this.tasks = tasks;
		this.stages = stages;
		this.organizations = organizations;
		this.opinions = opinions;
		this.operations = operations;
	}

	/**
	 * One card.
	 *
	 * @param divisionCode the case's division (GB/T 2260 code, or a development zone's);
	 * null for a task of no case
	 * @param county its name: 冠县, 聊城经济技术开发区
	 * @param labels why the step is not a first look, oldest reason first; empty for a
	 * first look
	 * @param remaining the working days left; null for a task without a due date
	 * @param claimable whether the caller may claim it: nobody holds it and it is a task
	 * of one of the caller's own groups. A lead, who reads the body's tasks through the
	 * lead group, claims one only once it is escalated to that group. What the list
	 * offers for 批量认领; the claim itself is decided by the engine.
	 */
	public record Card(String taskId, String divisionCode, String county, List<Label> labels,
			TaskDeadlines.Remaining remaining, boolean claimable) {
	}

	/**
	 * A label on a card: {@code kind} {@value #CORRECTED} (the step once returned the
	 * case for correction and the enterprise resubmitted it) or {@value #RETURNED} (a
	 * later step returned the case to this one), {@code text} as the card shows it,
	 * {@code detail} as its tooltip.
	 */
	public record Label(String kind, String text, String detail) {
	}

	/**
	 * The cards of those of {@code taskIds} the caller may see, in the order asked;
	 * refused when more than {@link TaskDeadlines#MAX_IDS} ids are asked at once.
	 */
	@Transactional(readOnly = true)
	public List<Card> cards(String callerId, List<String> taskIds) {
		List<Task> visible = deadlines.visible(callerId, taskIds);
		if (visible.isEmpty()) {
			return List.of();
		}
		Map<String, Long> caseOfTask = deadlines.casesOf(visible);
		Set<Long> cases = new LinkedHashSet<>(caseOfTask.values());
		Map<Long, String> divisions = stages.divisions(cases);
		Map<String, String> countyNames = divisions.isEmpty() ? Map.of()
				: organizations.divisions().stream().collect(Collectors.toMap(Division::code, Division::name));
		Map<String, List<Label>> labels = labels(visible, caseOfTask);
		Set<String> claimable = claimable(callerId, visible);
		Instant now = deadlines.now();
		Map<String, String> held = deadlines.held(visible, caseOfTask);
		List<Card> answer = new ArrayList<>();
		for (Task task : visible) {
			Long id = caseOfTask.get(task.getId());
			String division = id == null ? null : divisions.get(id);
			answer.add(new Card(task.getId(), division, division == null ? null : countyNames.get(division),
					labels.getOrDefault(task.getId(), List.of()),
					deadlines.remaining(task, now, held.get(task.getId())).orElse(null),
					claimable.contains(task.getId())));
		}
		return answer;
	}

	/**
	 * Those of the tasks nobody holds whose candidate groups include one of the caller's
	 * own (the engine's candidate-user query, which reads the caller's groups): one query
	 * for the page.
	 */
	private Set<String> claimable(String callerId, List<Task> visible) {
		String[] unclaimed = visible.stream()
			.filter(t -> t.getAssignee() == null)
			.map(Task::getId)
			.toArray(String[]::new);
		if (unclaimed.length == 0) {
			return Set.of();
		}
		return handOvers
			.withProductAuthority(() -> tasks.createTaskQuery().taskIdIn(unclaimed).taskCandidateUser(callerId).list())
			.stream()
			.map(Task::getId)
			.collect(Collectors.toSet());
	}

	/**
	 * Why each task is not a first look of its step, from the case's recorded returns for
	 * correction (with the resubmission that answered the last one) and returns to the
	 * previous step: three queries for the page.
	 */
	private Map<String, List<Label>> labels(List<Task> visible, Map<String, Long> caseOfTask) {
		Set<Long> cases = new LinkedHashSet<>(caseOfTask.values());
		Map<StepOfCase, List<Instant>> returns = opinions.returnsForCorrection(cases);
		Map<String, Instant> lastReturn = new HashMap<>();
		for (Task task : visible) {
			Long id = caseOfTask.get(task.getId());
			Instant last = id == null ? null
					: lastBefore(returns.get(new StepOfCase(id, task.getTaskDefinitionKey())), task);
			if (last != null) {
				lastReturn.put(task.getId(), last);
			}
		}
		Set<Long> corrected = lastReturn.keySet()
			.stream()
			.map(caseOfTask::get)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<Long, List<Resubmission>> resubmissions = corrected.isEmpty() ? Map.of() : stages.resubmissions(corrected);
		Map<String, OperationView> returnsToStep = operations.returnsThatMade(cases, caseOfTask.keySet());
		Map<String, List<Label>> labels = new HashMap<>();
		for (Task task : visible) {
			List<Label> of = new ArrayList<>();
			if (lastReturn.containsKey(task.getId())) {
				of.add(corrected(firstAfter(resubmissions.getOrDefault(caseOfTask.get(task.getId()), List.of()),
						lastReturn.get(task.getId()))));
			}
			if (returnsToStep.containsKey(task.getId())) {
				of.add(returned(returnsToStep.get(task.getId())));
			}
			labels.put(task.getId(), List.copyOf(of));
		}
		return labels;
	}

	/**
	 * The step's last return for correction before the task began, if any: the task is
	 * the step again, after the enterprise's resubmission.
	 */
	private static Instant lastBefore(List<Instant> returns, Task task) {
		if (returns == null || task.getCreateTime() == null) {
			return null;
		}
		Instant began = task.getCreateTime().toInstant();
		Instant last = null;
		for (Instant at : returns) {
			if (at.isBefore(began)) {
				last = at;
			}
		}
		return last;
	}

	/**
	 * The resubmission that answered a return: the first after it (recorded in the
	 * transaction that brought the step back, so a moment after its task began).
	 */
	private static Resubmission firstAfter(List<Resubmission> resubmissions, Instant returned) {
		return resubmissions.stream().filter(r -> r.at().isAfter(returned)).findFirst().orElse(null);
	}

	private static Label corrected(Resubmission resubmission) {
		String detail = "本环节曾退回企业补正，企业补正后已重新提交";
		if (resubmission != null) {
			String clause = resubmission.clause();
			detail = "本环节曾退回企业补正，企业于 " + WHEN.format(resubmission.at()) + " 补正后重新提交"
					+ (clause.isEmpty() ? "" : "，" + clause);
		}
		return new Label(CORRECTED, "补正后重新提交", detail);
	}

	private static Label returned(OperationView returned) {
		return new Label(RETURNED, "退回重办",
				returned.actorName() + "于 " + WHEN.format(returned.at()) + " 退回本环节重新办理。退回原因：" + returned.reason());
	}

}
