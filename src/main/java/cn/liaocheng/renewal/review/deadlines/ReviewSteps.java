package cn.liaocheng.renewal.review.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.tasks.RestartedSteps;

/**
 * The rules of a case's review step over its life, apart from the engine: when it opens
 * (its due date, when it becomes due soon, what Tasklist and its form show, the stage the
 * enterprise sees, who is told), when someone else assigns or releases it, and when it is
 * overdue (who is pressed, what the reminder says). The models' task listeners
 * ({@link ReviewTaskListener}, {@link TaskChangeListener}, {@link OverdueTaskListener})
 * read the task for these methods and write their answers back onto it.
 */
@Service
class ReviewSteps {

	/**
	 * Steps whose stage is their own rather than their reviewer's level (the expert
	 * review is held by the city, the interest review by a city body).
	 */
	private static final Map<String, ApplicationStatus> STEP_STAGES = Map.of(ReviewProcesses.TASK_EXPERT_REVIEW,
			ApplicationStatus.EXPERT_REVIEW, ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW,
			ApplicationStatus.INTEREST_REVIEW);

	/**
	 * What the enterprise is told when its case enters one of these stages (办理进展): no
	 * more than the stage says, whatever the model's steps.
	 */
	private static final Map<ApplicationStatus, String> MILESTONES = Map.of(ApplicationStatus.CITY_REVIEW,
			"已进入市级审核，由市级有关部门审查。", ApplicationStatus.EXPERT_REVIEW, "已进入专家评审。", ApplicationStatus.BANK_REVIEW,
			"已进入银行审贷，由您选择的银行依法自主审贷；银行同意放贷的，系统将通知您确认。", ApplicationStatus.INTEREST_REVIEW, "已进入贴息核定，由市财政局核定财政贴息。");

	private static final Set<ApplicationStatus> DECIDED = EnumSet.of(ApplicationStatus.APPROVED,
			ApplicationStatus.REFUSED, ApplicationStatus.LAPSED, ApplicationStatus.WITHDRAWN);

	/**
	 * The task's own variable naming the city body a joint review's parallel task is for.
	 */
	static final String REVIEW_BODY_NAME = "reviewBodyName";

	/** The task's own variable naming the bank a bank's parallel task is for. */
	static final String BANK_NAME = "bankName";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChinaTime.ZONE);

	private final WorkingDays workingDays;

	private final ApplicationStages stages;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final HeldSteps heldSteps;

	ReviewSteps(WorkingDays workingDays, ApplicationStages stages, Directory directory,
			ApplicationEventPublisher events, HeldSteps heldSteps) {
		this.workingDays = workingDays;
		this.stages = stages;
		this.directory = directory;
		this.events = events;
		this.heldSteps = heldSteps;
	}

	/**
	 * A review step the engine has just opened, as its task says: the candidate groups
	 * without user candidates, the city body of a joint review's parallel task (or null),
	 * and the due and follow-up dates the model set (or null).
	 */
	record OpenedStep(long applicationId, String taskId, String stepKey, String stepName, String assignee,
			List<String> candidateGroups, String reviewBody, Instant modelDue, Instant modelFollowUp) {
	}

	/**
	 * What the opened task gets: its due date, the moment it becomes due soon (null:
	 * none) and the variables of its own that Tasklist's list and the step's form show.
	 */
	record OpenedTask(Instant due, Instant followUp, Map<String, Object> shown) {
	}

	/**
	 * Opens the step: its due date (five working days unless the model sets one), the
	 * stage the enterprise sees, taken from who reviews (a county department, a city body
	 * or a bank), and the announcement to its assignee or groups; answers what the task
	 * gets.
	 */
	OpenedTask opened(OpenedStep step) {
		// A due date set in the model (camunda:dueDate, edited by an administrator) wins
		// over the default.
		Instant due = step.modelDue() != null ? step.modelDue()
				: workingDays.deadline(Instant.now(), ReviewProcesses.REVIEW_DAYS, ChinaTime.ZONE);
		Map<String, Object> shown = new LinkedHashMap<>();
		// The kind in Chinese, for Tasklist's list, search and sorting: taken from the
		// application itself, not from a process variable that a task completion could
		// have written.
		ApplicationSummary summary = stages.summaries(List.of(step.applicationId())).stream().findFirst().orElse(null);
		if (summary != null) {
			shown.put(ReviewProcesses.KIND_NAME, kindName(summary.kind()));
		}
		String group = GroupNames.bodyOf(step.candidateGroups()).orElse("");
		if (step.reviewBody() != null) {
			shown.put(REVIEW_BODY_NAME, directory.cityBodyNames().getOrDefault(step.reviewBody(), step.reviewBody()));
		}
		if (group.startsWith(GroupNames.bank(""))) {
			shown.put(BANK_NAME, directory.bankName(group.substring(GroupNames.bank("").length())));
		}
		else if (summary != null && summary.kind() == ApplicationKind.LOAN
				&& stages.facts(step.applicationId()).dossier() instanceof LoanDossier loan) {
			// The banks the enterprise chose, on the steps before theirs (the central
			// bank's listing pushes the loan to them): a variable of the step, not of the
			// case, which the banks' own steps would read too.
			shown.put(ReviewProcesses.BANK_NAMES,
					String.join("、", loan.bankKeys().stream().map(directory::bankName).toList()));
		}
		ApplicationStatus stage = STEP_STAGES.getOrDefault(step.stepKey(), stageOf(group));
		if (stage != null && (summary == null || !DECIDED.contains(summary.status()))) {
			// A decided case keeps its outcome: the steps after a subsidy's award
			// (payment, acceptance) have their own record and never move the application
			// back into review.
			stages.enter(step.applicationId(), stage, null);
			if (summary != null && summary.status() != stage && MILESTONES.containsKey(stage)) {
				events.publishEvent(new CaseNews(step.applicationId(), stage.label(), MILESTONES.get(stage)));
			}
		}
		if (!RestartedSteps.now()) {
			// A step an operation opens again is told by the operation, to the person it
			// goes back to.
			events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.CREATED, step.taskId(), step.stepName(),
					step.applicationId(), step.assignee(), step.candidateGroups(), due, null, null));
		}
		Instant followUp = step.modelFollowUp() != null ? step.modelFollowUp()
				: followUp(step.applicationId(), step.stepKey(), due);
		return new OpenedTask(due, followUp, shown);
	}

	/**
	 * The follow-up date of the case's step due at {@code due}: when it becomes due soon
	 * ({@link #dueSoonFrom}); none while the step is held ({@link HeldSteps}: a payment a
	 * clawback holds is not pressed on), so Tasklist's 即将超期 does not list it.
	 */
	Instant followUp(long applicationId, String stepKey, Instant due) {
		if (due == null || heldSteps.heldFor(applicationId, stepKey).isPresent()) {
			return null;
		}
		return dueSoonFrom(due);
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
	 * The step's assignee changed from {@code from} to {@code to} by {@code actor} (null:
	 * by the product, whose own hand-overs announce themselves with their reason). Told
	 * when a signed-in user did it for someone else: an administrator assigning the task
	 * ({@link ReviewTaskEvent.Kind#ASSIGNED}, to the new assignee) or putting it back
	 * into the pool ({@link ReviewTaskEvent.Kind#RELEASED}, to the body's members).
	 * Claiming a task for oneself is told to nobody: the claimer knows, and the task
	 * simply leaves the colleagues' pool. The case ({@code caseOfStep}) and the task's
	 * candidate groups are looked up only when someone is told.
	 */
	void assigneeChanged(LongSupplier caseOfStep, String taskId, String stepName, String from, String to, String actor,
			Supplier<List<String>> candidateGroups, Instant due) {
		if (actor == null || Objects.equals(from, to) || actor.equals(to)) {
			return;
		}
		events.publishEvent(
				new ReviewTaskEvent(to == null ? ReviewTaskEvent.Kind.RELEASED : ReviewTaskEvent.Kind.ASSIGNED, taskId,
						stepName, caseOfStep.getAsLong(), to, candidateGroups.get(), due, actor, null));
	}

	/**
	 * A review step whose due date has passed, as its task says; its case
	 * ({@code caseOfStep}) is looked up only when there is a body to press.
	 */
	record OverdueStep(LongSupplier caseOfStep, String taskId, String stepKey, String stepName, String assignee,
			List<String> candidateGroups, Instant due) {
	}

	/** What is done about an overdue step. */
	sealed interface Overdue {

	}

	/** Not a body's step or without a due date: nobody to press. */
	record NobodyToPress() implements Overdue {
	}

	/**
	 * The body may not do the step now (a clawback holds the payment): looked at again at
	 * {@code lookAgainAt}.
	 */
	record Held(Instant lookAgainAt) implements Overdue {
	}

	/**
	 * Pressed (督办): the body's lead group joins the step's candidates, and the reminder
	 * is left on the task for its reviewer.
	 */
	record Escalated(String leadGroup, String reminder) implements Overdue {
	}

	/**
	 * The step is overdue: unless it is held, the body's lead is asked to press it, the
	 * case history records the reminder, and the assignee (or the whole body) and the
	 * lead are told ({@link ReviewTaskEvent.Kind#OVERDUE}).
	 */
	Overdue overdue(OverdueStep step) {
		Optional<String> body = GroupNames.bodyOf(step.candidateGroups());
		if (body.isEmpty() || step.due() == null) {
			// Not a body's task (the model check keeps such tasks out of review models).
			return new NobodyToPress();
		}
		long applicationId = step.caseOfStep().getAsLong();
		if (heldSteps.heldFor(applicationId, step.stepKey()).isPresent()) {
			// Nothing to press the body for now; looked at again tomorrow. When the hold
			// ends, the step's due date starts again and the timer follows it.
			return new Held(Instant.now().plus(1, ChronoUnit.DAYS));
		}
		String group = body.get();
		String who = step.assignee() == null ? directory.bodyName(group) : directory.personName(step.assignee());
		String reminder = "「" + step.stepName() + "」已超过办理期限（" + SHOWN.format(step.due()) + "），已提醒" + who + "尽快办理，并报送"
				+ directory.bodyName(group) + "负责人督办。";
		stages.note(applicationId, "system", "审批系统", "OVERDUE", reminder);
		events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.OVERDUE, step.taskId(), step.stepName(),
				applicationId, step.assignee(), List.of(group), step.due(), null, reminder));
		return new Escalated(GroupNames.lead(group), reminder);
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
