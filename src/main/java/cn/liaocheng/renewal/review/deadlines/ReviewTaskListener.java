package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.tasks.RestartedSteps;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On creating a review task: its due date (5 working days unless the model sets one), and
 * the stage the enterprise sees, taken from who reviews (a county department, a city body
 * or a bank).
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

	/**
	 * The case's reference, enterprise and application: what a reviewer recognises a task
	 * by in Tasklist's list.
	 */
	private static final List<String> TASKLIST_SHOWS = List.of(ReviewProcesses.REFERENCE_NO,
			ReviewProcesses.ENTERPRISE_NAME, ReviewProcesses.APPLICATION_TITLE);

	/**
	 * Steps whose stage is their own rather than their reviewer's level (the expert
	 * review is held by the city, the interest review by a city body).
	 */
	private static final Map<String, ApplicationStatus> STEP_STAGES = Map.of(ReviewProcesses.TASK_EXPERT_REVIEW,
			ApplicationStatus.EXPERT_REVIEW, ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW,
			ApplicationStatus.INTEREST_REVIEW);

	private static final Set<ApplicationStatus> DECIDED = EnumSet.of(ApplicationStatus.APPROVED,
			ApplicationStatus.REFUSED, ApplicationStatus.LAPSED, ApplicationStatus.WITHDRAWN);

	private final WorkingDays workingDays;

	private final ApplicationStages stages;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final HeldSteps heldSteps;

	ReviewTaskListener(WorkingDays workingDays, ApplicationStages stages, Directory directory,
			ApplicationEventPublisher events, HeldSteps heldSteps) {
		this.workingDays = workingDays;
		this.stages = stages;
		this.directory = directory;
		this.events = events;
		this.heldSteps = heldSteps;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getDueDate() == null) {
			// A due date set in the model (camunda:dueDate, edited by an administrator)
			// wins over the default.
			Instant due = workingDays.deadline(Instant.now(), ReviewProcesses.REVIEW_DAYS, ChinaTime.ZONE);
			task.setDueDate(Date.from(due));
		}
		// Tasklist shows these under each task (the filters' variables): copied onto the
		// task, whose readers may read its own variables, while the case's variables stay
		// out of reach of other bodies' reviewers.
		for (String shown : TASKLIST_SHOWS) {
			Object value = task.getVariable(shown);
			if (value != null) {
				task.setVariableLocal(shown, value);
			}
		}
		long applicationId = ReviewedApplication.of(task);
		// The kind in Chinese, for Tasklist's list, search and sorting: taken from the
		// application itself, not from a process variable that a task completion could
		// have written.
		ApplicationSummary summary = stages.summaries(List.of(applicationId)).stream().findFirst().orElse(null);
		if (summary != null) {
			task.setVariableLocal(ReviewProcesses.KIND_NAME, kindName(summary.kind()));
		}
		if (task.getFollowUpDate() == null) {
			task.setFollowUpDate(followUp(applicationId, task.getTaskDefinitionKey(), task.getDueDate()));
		}
		String group = GroupNames.bodyOf(task.getCandidates().stream().map(IdentityLink::getGroupId).toList())
			.orElse("");
		Object body = task.getVariable(ReviewProcesses.REVIEW_BODY);
		if (body != null) {
			// The joint review's form shows which body this parallel task is for.
			task.setVariableLocal("reviewBodyName",
					directory.cityBodyNames().getOrDefault(body.toString(), body.toString()));
		}
		if (group.startsWith(GroupNames.bank(""))) {
			// Each chosen bank reviews in parallel; its form names the bank the task is
			// for.
			task.setVariableLocal("bankName", directory.bankName(group.substring(GroupNames.bank("").length())));
		}
		ApplicationStatus stage = STEP_STAGES.getOrDefault(task.getTaskDefinitionKey(), stageOf(group));
		if (stage != null && (summary == null || !DECIDED.contains(summary.status()))) {
			// A decided case keeps its outcome: the steps after a subsidy's award
			// (payment, acceptance) have their own record and never move the application
			// back into review.
			stages.enter(applicationId, stage, null);
		}
		List<String> groups = task.getCandidates()
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null)
			.toList();
		if (!RestartedSteps.now()) {
			// A step an operation opens again is told by the operation, to the person
			// it goes back to.
			events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.CREATED, task.getId(), task.getName(),
					applicationId, task.getAssignee(), groups, task.getDueDate().toInstant(), null, null));
		}
		// The overdue timer was made before the task had a due date; from now on it fires
		// at the task's due date.
		OverdueTimer.followDueDate(task);
	}

	/**
	 * The follow-up date of the case's step due at {@code due}: when it becomes due soon
	 * ({@link #dueSoonFrom}); none while the step is held ({@link HeldSteps}: a payment a
	 * clawback holds is not pressed on), so Tasklist's 即将超期 does not list it.
	 */
	Date followUp(long applicationId, String taskDefinitionKey, Date due) {
		if (due == null || heldSteps.heldFor(applicationId, taskDefinitionKey).isPresent()) {
			return null;
		}
		return Date.from(dueSoonFrom(due.toInstant()));
	}

	/**
	 * When a task becomes "due soon" (即将超期, Tasklist's filter of that name): at the start
	 * of the day two working days before the day it is due, so that from then on at most
	 * two working days remain. Kept as the task's follow-up date, which the filter
	 * compares with the present moment. For a due day in a year whose holidays are not
	 * loaded yet, the earliest those two working days could begin: early rather than a
	 * due date that cannot be set.
	 */
	Instant dueSoonFrom(Instant due) {
		LocalDate dueDay = LocalDate.ofInstant(due, ChinaTime.ZONE);
		return workingDays.minusWorkingDaysAtEarliest(dueDay, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.atStartOfDay(ChinaTime.ZONE)
			.toInstant();
	}

	/**
	 * The short names reviewers use for the three kinds, as Tasklist's list shows them.
	 */
	static String kindName(ApplicationKind kind) {
		return switch (kind) {
			case PROJECT -> "项目入库";
			case SUBSIDY -> "奖补资金";
			case LOAN -> "设备更新贷款";
		};
	}

	static ApplicationStatus stageOf(String group) {
		if (group.startsWith("county-")) {
			return ApplicationStatus.COUNTY_REVIEW;
		}
		if (group.startsWith("city-")) {
			return ApplicationStatus.CITY_REVIEW;
		}
		if (group.startsWith("bank-")) {
			return ApplicationStatus.BANK_REVIEW;
		}
		return null;
	}

}
