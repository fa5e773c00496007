package cn.liaocheng.renewal.review.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseProgress;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.application.CaseStanding.BodyReview;
import cn.liaocheng.renewal.application.CaseStanding.Correction;
import cn.liaocheng.renewal.application.CaseStanding.Stage;
import cn.liaocheng.renewal.application.CaseStanding.State;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.opinions.ReturnRound;

/**
 * The case page's view of a review, read from the open tasks of this application's
 * process instances (by business key), its opinions of record and its public notice:
 * which stage it is at, who handles it and by when, and which joint-review bodies have
 * given their opinion. Three queries plus one identity-link lookup per open task, which
 * is at most one per joint-review body.
 */
@Component
class CaseStandings implements CaseProgress {

	private static final String YOU = CaseStanding.ENTERPRISE;

	static final String SYSTEM_AT_WORK = "审批系统（自动办理中；长时间未推进的，请联系主管部门）";

	private static final String CORRECTION_TASK = ReviewProcesses.TASK_ENTERPRISE_CORRECTION;

	private static final String JOINT_REVIEW = ReviewProcesses.TASK_JOINT_REVIEW;

	private static final String BANK_DECISION = ReviewProcesses.TASK_BANK_DECISION;

	/** A stage of the timeline and the review steps (BPMN task ids) that belong to it. */
	private record Step(String name, Set<String> tasks, boolean optional) {

		static Step of(String name, String... tasks) {
			return new Step(name, Set.of(tasks), false);
		}

	}

	private static final Step SUBMITTED = Step.of("提交申报");

	private static final Step COUNTY = Step.of("县级初审与推荐", ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW,
			ReviewProcesses.TASK_COUNTY_INVOICE_CHECK, ReviewProcesses.TASK_COUNTY_RECOMMENDATION);

	private static final Step ACCEPTANCE = Step.of("市级受理", ReviewProcesses.TASK_CITY_ACCEPTANCE);

	private static final Step JOINT = Step.of("市级联审", JOINT_REVIEW);

	private static final Step DECISION = Step.of("市工业和信息化局审定", ReviewProcesses.TASK_INDUSTRY_DECISION);

	private static final Step EXPERT = new Step("专家评审", Set.of(ReviewProcesses.TASK_EXPERT_REVIEW), true);

	private static final Step NOTICE = Step.of("公示", ReviewProcesses.TASK_RESOLVE_OBJECTIONS);

	private static final Step FUNDS = Step.of("市财政局下达资金", ReviewProcesses.TASK_FINANCE_ALLOCATION);

	private static final Step LISTING = Step.of("人民银行列入清单并推送银行", ReviewProcesses.TASK_PBOC_LISTING);

	private static final Step BANKS = Step.of("银行自主审贷", BANK_DECISION);

	private static final Step LOAN_ACCEPTED = Step.of("企业确认接受贷款");

	/**
	 * Optional only for loans decided before the step existed: those show it as not held,
	 * not as done without an opinion.
	 */
	private static final Step INTEREST = new Step("市财政局核定贷款贴息", Set.of(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW),
			true);

	private static final Step OUTCOME = Step.of("出具决定书");

	private static final Map<ApplicationKind, List<Step>> STEPS = Map.of(ApplicationKind.PROJECT,
			List.of(SUBMITTED, COUNTY, ACCEPTANCE, JOINT, DECISION, OUTCOME), ApplicationKind.SUBSIDY,
			List.of(SUBMITTED, COUNTY, ACCEPTANCE, JOINT, DECISION, EXPERT, NOTICE, FUNDS, OUTCOME),
			ApplicationKind.LOAN,
			List.of(SUBMITTED, COUNTY, ACCEPTANCE, JOINT, DECISION, LISTING, BANKS, LOAN_ACCEPTED, INTEREST, OUTCOME));

	private final TaskService tasks;

	private final OpinionStore opinions;

	private final PublicNotices notices;

	private final Directory directory;

	private final WorkingDays workingDays;

	CaseStandings(TaskService tasks, OpinionStore opinions, PublicNotices notices, Directory directory,
			WorkingDays workingDays) {
		this.tasks = tasks;
		this.opinions = opinions;
		this.notices = notices;
		this.directory = directory;
		this.workingDays = workingDays;
	}

	@Override
	@Transactional(readOnly = true)
	public CaseStanding of(ApplicationDetail application) {
		if (application.summary().submittedAt() == null) {
			return CaseStanding.none();
		}
		long id = application.summary().id();
		ApplicationStatus status = application.summary().status();
		List<Step> steps = STEPS.get(application.summary().kind());
		List<Opinion> record = opinions.forApplication(id);
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(id)).list();
		Optional<Opinion> lastReturn = record.stream()
			.filter(o -> ReviewProcesses.RETURN.equals(o.decision()))
			.reduce((a, b) -> b);

		// Accepted (the grant is recorded), the listing notice and the interest subsidy's
		// computation run before the finance bureau's task opens: past the acceptance.
		boolean loanAccepted = application.outcomes() != null && application.outcomes().grantedBankKey() != null;
		int current = currentStep(steps, status, open, record, lastReturn, loanAccepted);
		List<Stage> timeline = timeline(application, steps, record, current, status);
		if (current < 0) {
			return new CaseStanding(timeline, null, List.of(), null, null, jointReview(record, List.of()), null, false);
		}
		Step step = steps.get(current);
		List<Task> here = open.stream().filter(t -> step.tasks().contains(t.getTaskDefinitionKey())).toList();
		Map<Task, String> bodies = bodies(here);
		List<String> handling = new ArrayList<>(new LinkedHashSet<>(bodies.values()));
		LocalDate due = here.stream()
			.map(Task::getDueDate)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.map(CaseStandings::day)
			.orElse(null);
		Correction correction = null;
		if (status == ApplicationStatus.CORRECTION) {
			handling = List.of(YOU);
			correction = correction(application, record);
			due = correction.deadlineDay();
		}
		else if (step == NOTICE && here.isEmpty()) {
			handling = List.of("市工业和信息化局（公示期内接受实名异议）");
			due = notices.record(id).map(n -> day(n.endsAt())).orElse(null);
		}
		else if (step == LOAN_ACCEPTED) {
			handling = List.of(YOU + "（请在“银行审贷结果”中选择接受一家银行的贷款）");
		}
		else if (step == INTEREST && here.isEmpty()) {
			handling = List.of("审批系统（出具贷款入选通知书、测算贴息后交市财政局核定）");
		}
		else if (here.isEmpty() && status != ApplicationStatus.BANK_REVIEW) {
			// No person's task at this step: the system's own (computing, routing,
			// issuing), or waiting on one that failed.
			handling = List.of(SYSTEM_AT_WORK);
		}
		String name = status == ApplicationStatus.CORRECTION ? "退回补正（" + step.name() + "环节）" : step.name();
		return new CaseStanding(timeline, name, handling, due, daysLeft(due),
				jointReview(record,
						bodies.entrySet()
							.stream()
							.filter(e -> JOINT_REVIEW.equals(e.getKey().getTaskDefinitionKey()))
							.toList()),
				correction,
				status != ApplicationStatus.CORRECTION && bodies.values().stream().anyMatch(body -> !YOU.equals(body)));
	}

	/** The index of the stage the case is at, or -1 once it has ended. */
	private int currentStep(List<Step> steps, ApplicationStatus status, List<Task> open, List<Opinion> record,
			Optional<Opinion> lastReturn, boolean loanAccepted) {
		if (Set
			.of(ApplicationStatus.APPROVED, ApplicationStatus.REFUSED, ApplicationStatus.WITHDRAWN,
					ApplicationStatus.LAPSED)
			.contains(status)) {
			return -1;
		}
		if (status == ApplicationStatus.CORRECTION) {
			return lastReturn.map(o -> indexOf(steps, o.step())).filter(i -> i >= 0).orElse(1);
		}
		if (status == ApplicationStatus.PUBLIC_NOTICE) {
			return steps.indexOf(NOTICE);
		}
		int fromTasks = open.stream()
			.filter(t -> !CORRECTION_TASK.equals(t.getTaskDefinitionKey()))
			.mapToInt(t -> indexOf(steps, t.getTaskDefinitionKey()))
			.filter(i -> i >= 0)
			.min()
			.orElse(-1);
		if (fromTasks >= 0) {
			return fromTasks;
		}
		if (status == ApplicationStatus.BANK_REVIEW) {
			return steps.indexOf(loanAccepted ? INTEREST : LOAN_ACCEPTED);
		}
		// Between two steps (the system's own work runs, or waits on a failure for an
		// administrator): the one after the last step on record that the case cannot skip
		// (not an optional one, which would have a task of its own), up to the decision.
		int reached = record.stream().mapToInt(o -> indexOf(steps, o.step())).max().orElse(0);
		int next = Math.max(reached + 1, 1);
		while (next < steps.size() - 1 && steps.get(next).optional()) {
			next++;
		}
		return Math.min(next, steps.size() - 1);
	}

	private List<Stage> timeline(ApplicationDetail application, List<Step> steps, List<Opinion> record, int current,
			ApplicationStatus status) {
		Map<Step, LocalDate> finished = new LinkedHashMap<>();
		for (Opinion o : record) {
			int i = indexOf(steps, o.step());
			if (i >= 0 && !ReviewProcesses.RETURN.equals(o.decision())) {
				finished.put(steps.get(i), day(o.at()));
			}
		}
		int reached = current >= 0 ? current : record.stream().mapToInt(o -> indexOf(steps, o.step())).max().orElse(0);
		Opinion last = record.isEmpty() ? null : record.get(record.size() - 1);
		// A case that ended while returned (lapsed, or withdrawn during the correction)
		// ended at the step that returned it: the last return with no resubmission after
		// it, whatever other bodies of a joint review concluded after it.
		Opinion lastReturn = record.stream()
			.filter(o -> ReviewProcesses.RETURN.equals(o.decision()))
			.reduce((a, b) -> b)
			.orElse(null);
		boolean resubmittedSince = lastReturn != null && application.history()
			.stream()
			.anyMatch(e -> ApplicationEvent.RESUBMITTED.equals(e.action()) && e.at().isAfter(lastReturn.at()));
		boolean endedInCorrection = current < 0 && lastReturn != null && !resubmittedSince
				&& (status == ApplicationStatus.LAPSED || status == ApplicationStatus.WITHDRAWN);
		int endedReturned = endedInCorrection ? indexOf(steps, lastReturn.step()) : -1;
		// A loan no chosen bank would lend ends with the central-bank branch's notice,
		// not with an administrative refusal.
		boolean banksDeclined = last != null && ReviewProcesses.DECLINED.equals(last.decision());
		// A refused case ended at the step that refused it, in the words picked there
		// (不予受理, 不予推荐, 核验不通过), not at a step it never reached.
		Opinion refusing = status != ApplicationStatus.REFUSED || banksDeclined ? null
				: record.stream()
					.filter(o -> ReviewProcesses.REFUSE.equals(o.decision()))
					.reduce((a, b) -> b)
					.orElse(null);
		int refusedAt = refusing == null ? -1 : indexOf(steps, refusing.step());
		List<Stage> timeline = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			LocalDate on = step == SUBMITTED ? day(application.summary().submittedAt()) : finished.get(step);
			if (i == endedReturned) {
				timeline
					.add(new Stage(step.name(), State.ENDED, day(lastReturn.at()), status == ApplicationStatus.LAPSED
							? "退回补正后，逾期未补正" : status == ApplicationStatus.WITHDRAWN ? "退回补正后，企业撤回申报" : "退回补正"));
				continue;
			}
			if (i == refusedAt) {
				timeline.add(new Stage(step.name(), State.REFUSED, day(refusing.at()), refusing.decisionLabel()));
				continue;
			}
			timeline.add(stage(step, i, on, current, reached, status, application, banksDeclined, refusing, refusedAt));
		}
		return timeline;
	}

	/**
	 * What a refused case's outcome is called: by whom, and at which step, it was
	 * refused.
	 */
	private static String refusal(Opinion refusing) {
		if (refusing == null) {
			return "未获支持";
		}
		if (GroupNames.isCounty(refusing.bodyGroup())) {
			return DecisionType.notRecommendedResult(refusing.bodyGroup());
		}
		// The conclusion as picked (不予受理, 不予下达, 不予列入, 异议成立，不予奖补); a generic word for one
		// recorded before the words were kept.
		return refusing.chosenLabel() != null ? refusing.decisionLabel() : "未获支持";
	}

	private Stage stage(Step step, int i, LocalDate on, int current, int reached, ApplicationStatus status,
			ApplicationDetail application, boolean banksDeclined, Opinion refusing, int refusedAt) {
		if (step == OUTCOME) {
			LocalDate decided = application.outcomes().decidedAt() == null ? null
					: day(application.outcomes().decidedAt());
			return switch (status) {
				case APPROVED -> new Stage(step.name(), State.DONE, decided, "已批准");
				case REFUSED -> banksDeclined ? new Stage(step.name(), State.ENDED, decided, "各意向银行均不予放贷")
						: new Stage(step.name(), State.REFUSED, decided, refusal(refusing));
				case WITHDRAWN -> new Stage(step.name(), State.ENDED, null, "企业已撤回申报");
				case LAPSED -> new Stage(step.name(), State.ENDED, null, "逾期未补正，申报失效");
				default -> new Stage(step.name(), State.PENDING, null, null);
			};
		}
		if (current >= 0) {
			if (i < current) {
				return done(step, on);
			}
			if (i == current) {
				return status == ApplicationStatus.CORRECTION
						? new Stage(step.name(), State.RETURNED, null, "已退回，待您补正后重新提交")
						: new Stage(step.name(), State.CURRENT, null, null);
			}
			return new Stage(step.name(), State.PENDING, null, null);
		}
		// The case has ended: what it went through is done, the rest did not happen.
		if (refusedAt >= 0 && i > refusedAt) {
			return new Stage(step.name(), State.SKIPPED, null, null);
		}
		if (status == ApplicationStatus.APPROVED || i < reached || (i == reached && on != null)) {
			return done(step, on);
		}
		return new Stage(step.name(), State.SKIPPED, null, null);
	}

	private static Stage done(Step step, LocalDate on) {
		if (step.optional() && on == null) {
			return new Stage(step.name(), State.SKIPPED, null, step == INTEREST ? "本案办理时尚无此环节" : "本案无需" + step.name());
		}
		return new Stage(step.name(), State.DONE, on, null);
	}

	/**
	 * The bodies of the current (or last) joint review: those with an open task are
	 * pending, those whose opinion is on record since the review began have finished. The
	 * review begins after the step before it (the city's acceptance, or a return by a
	 * step of its own); a body re-reviewing a corrected dossier is pending again, beside
	 * those whose opinions stand.
	 */
	private List<BodyReview> jointReview(List<Opinion> record, List<Map.Entry<Task, String>> pending) {
		Optional<Instant> reference = pending.isEmpty()
				? record.stream().filter(o -> JOINT_REVIEW.equals(o.step())).map(Opinion::at).reduce((a, b) -> b)
				: pending.stream().map(e -> e.getKey().getCreateTime().toInstant()).min(Comparator.naturalOrder());
		if (reference.isEmpty()) {
			return List.of();
		}
		Instant roundStart = record.stream()
			.filter(o -> !JOINT_REVIEW.equals(o.step()) && !o.at().isAfter(reference.get()))
			.map(Opinion::at)
			.reduce((a, b) -> b)
			.orElse(Instant.EPOCH);
		Map<String, BodyReview> bodies = new LinkedHashMap<>();
		for (Opinion o : record) {
			if (JOINT_REVIEW.equals(o.step()) && !o.at().isBefore(roundStart)) {
				bodies.put(o.bodyName(), new BodyReview(o.bodyName(), true, day(o.at()), null));
			}
		}
		for (Map.Entry<Task, String> e : pending) {
			Date due = e.getKey().getDueDate();
			bodies.put(e.getValue(), new BodyReview(e.getValue(), false, null, due == null ? null : day(due)));
		}
		return List.copyOf(bodies.values());
	}

	/** Who handles each open task: the body (or bank) of its candidate group. */
	private Map<Task, String> bodies(List<Task> open) {
		Map<Task, String> bodies = new LinkedHashMap<>();
		for (Task task : open) {
			// Not the lead group an overdue task gains as a second candidate.
			String group = GroupNames
				.bodyOf(tasks.getIdentityLinksForTask(task.getId())
					.stream()
					.filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
					.map(IdentityLink::getGroupId)
					.toList())
				.orElse(null);
			bodies.put(task, group == null ? YOU : bodyName(group));
		}
		return bodies;
	}

	private String bodyName(String group) {
		return group.startsWith("bank-") ? directory.bankName(group.substring("bank-".length()))
				: directory.bodyName(group);
	}

	/** What the enterprise must answer: every return of the round, with its bodies. */
	private Correction correction(ApplicationDetail application, List<Opinion> record) {
		Instant lastSubmitted = application.history()
			.stream()
			.filter(e -> ApplicationEvent.SUBMITTED.equals(e.action())
					|| ApplicationEvent.RESUBMITTED.equals(e.action()))
			.map(ApplicationEvent::at)
			.max(Comparator.naturalOrder())
			.orElse(null);
		ReturnRound round = ReturnRound.of(record, lastSubmitted);
		Instant deadline = application.outcomes().correctionDeadline();
		LocalDate day = deadline == null ? null : day(deadline);
		return new Correction(round.isEmpty() ? null : round.bodies(), round.isEmpty() ? null : round.steps(),
				round.reasonsByBody(), deadline, day, daysLeft(day));
	}

	/**
	 * Working days from today to {@code due}: 0 on the day itself, negative once it has
	 * passed.
	 */
	private Integer daysLeft(LocalDate due) {
		return workingDays.workingDaysLeft(LocalDate.now(ChinaTime.ZONE), due).orElse(null);
	}

	private static int indexOf(List<Step> steps, String taskKey) {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).tasks().contains(taskKey)) {
				return i;
			}
		}
		return -1;
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ChinaTime.ZONE);
	}

	private static LocalDate day(Date at) {
		return day(at.toInstant());
	}

}
