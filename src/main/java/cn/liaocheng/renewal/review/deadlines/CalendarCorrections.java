package cn.liaocheng.renewal.review.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.CalendarCorrection;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.DeadlineCalendar;
import cn.liaocheng.renewal.calendar.OutsideCalendarException;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.operations.ClusterLease;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * When an administrator corrects the working-day calendar ({@code calendar_exception}:
 * next year's notice entered, a projected day put right), the open deadlines counted on
 * the superseded days are counted again, once per cluster:
 * <ul>
 * <li>a review step's due date, where it is the standard one (5 working days from the
 * task's creation, on the superseded days), moves either way, and its 即将超期 moment and
 * overdue timer with it ({@link TaskChangeListener}); a due date the model set or an
 * administrator changed is left as it is;</li>
 * <li>an open correction's deadline and a running public notice's end, where standard (10
 * and 5 working days from their start), only ever move later: the enterprise and the
 * public were told the date, so a correction that would shorten the period leaves it as
 * told. Each move is recorded in the case's history and told to the enterprise.</li>
 * </ul>
 * Every node takes the corrected days within a minute ({@code calendar.CalendarReload});
 * the deadlines are moved once this node has seen the same correction for
 * {@code renewal.calendar.follow-after} (default two minutes), so that a deadline a node
 * still counting on the old days set meanwhile is moved too. Then the corrected days are
 * recorded as followed ({@link DeadlineCalendar#followed}) in the same transaction as the
 * moves: a failure moves nothing and the next run tries again.
 */
@Component
public class CalendarCorrections {

	/** The lease's row in {@code scheduler_lock} (migration V147). */
	static final String JOB = "calendar-corrections";

	private static final Duration LEASE = Duration.ofMinutes(10);

	/**
	 * How far before the first corrected day a deadline can have been counted from and
	 * still reach it: 10 working days with the longest holiday block is under five weeks.
	 */
	private static final int REACH_DAYS = 45;

	private static final Logger LOG = LoggerFactory.getLogger(CalendarCorrections.class);

	private final DeadlineCalendar calendar;

	private final WorkingDays workingDays;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ManagementService management;

	private final ApplicationStages stages;

	private final PublicNotices notices;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final ClusterLease lease;

	private final TransactionTemplate transaction;

	private final Duration followAfter;

	/**
	 * The correction this node has seen (its corrected days written out), and since when.
	 */
	private volatile Seen seen;

	private record Seen(String corrected, Instant since) {
	}

	/** What following one correction moved. */
	public record Moved(int reviewSteps, int corrections, int notices, int keptAsTold) {
	}

	@Autowired
	CalendarCorrections(DeadlineCalendar calendar, WorkingDays workingDays, TaskService tasks, RuntimeService runtime,
			RepositoryService repository, ManagementService management, ApplicationStages stages, PublicNotices notices,
			ApplicationEventPublisher events, AuditTrail audit, ClusterLease lease,
			PlatformTransactionManager transactions,
			@Value("${renewal.calendar.follow-after:PT2M}") Duration followAfter,
			@Value("${renewal.calendar.reload-interval:PT1M}") Duration reloadInterval) {
		if (followAfter.compareTo(reloadInterval) <= 0) {
			// Deadlines would be followed while a node could still count on the old days.
			throw new IllegalStateException("renewal.calendar.follow-after (" + followAfter
					+ ") must be longer than renewal.calendar.reload-interval (" + reloadInterval + ")");
		}
		this.calendar = calendar;
		this.workingDays = workingDays;
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.management = management;
		this.stages = stages;
		this.notices = notices;
		this.events = events;
		this.audit = audit;
		this.lease = lease;
		this.transaction = new TransactionTemplate(transactions);
		this.followAfter = followAfter;
	}

	@Scheduled(initialDelayString = "${renewal.calendar.reload-interval:PT1M}",
			fixedDelayString = "${renewal.calendar.reload-interval:PT1M}")
	void scheduled() {
		follow(Instant.now());
	}

	/**
	 * Moves the open deadlines to a correction of the calendar this node has seen for
	 * long enough; what it moved, or empty when there was nothing to follow yet (no
	 * correction, seen too recently, or another node following it).
	 */
	public Optional<Moved> follow(Instant now) {
		Optional<CalendarCorrection> pending = calendar.pending();
		if (pending.isEmpty()) {
			seen = null;
			return Optional.empty();
		}
		SortedSet<LocalDate> days = pending.get().changedDays();
		String corrected = pending.get().corrected();
		Seen before = seen;
		if (before == null || !before.corrected().equals(corrected)) {
			seen = new Seen(corrected, now);
			LOG.info("Working-day calendar corrected on {}; open deadlines follow after {}", days, followAfter);
			return Optional.empty();
		}
		else if (now.isBefore(before.since().plus(followAfter))) {
			return Optional.empty();
		}
		if (!lease.take(JOB, LEASE)) {
			return Optional.empty();
		}
		try {
			// This node counts the moved tasks' 即将超期 moments, and deadlines from now
			// on, on the corrected days.
			workingDays.reloadIfChanged();
			Optional<Moved> moved = Optional.ofNullable(transaction.execute(status -> {
				// Read again under the lease: another node may have followed it
				// meanwhile.
				Optional<CalendarCorrection> current = calendar.pending();
				if (current.isEmpty() || !current.get().corrected().equals(corrected)) {
					return null;
				}
				Moved done = move(current.get(), now);
				calendar.followed(current.get());
				audit.record("system", "CALENDAR_CORRECTION_FOLLOWED", "calendar",
						"days=" + days + " reviewSteps=" + done.reviewSteps() + " corrections=" + done.corrections()
								+ " notices=" + done.notices() + " keptAsTold=" + done.keptAsTold());
				return done;
			}));
			seen = null;
			moved.ifPresent(m -> LOG.info(
					"Working-day calendar correction on {} followed: {} review steps, {} corrections and {} public notices"
							+ " moved, {} periods kept as told",
					days, m.reviewSteps(), m.corrections(), m.notices(), m.keptAsTold()));
			return moved;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

	private Moved move(CalendarCorrection correction, Instant now) {
		Date from = Date
			.from(correction.changedDays().first().minusDays(REACH_DAYS).atStartOfDay(ChinaTime.ZONE).toInstant());
		try {
			int steps = moveReviewSteps(correction, from, now);
			int[] corrections = extendCorrections(correction, from, now);
			int[] notices = extendNotices(correction, now);
			return new Moved(steps, corrections[0], notices[0], corrections[1] + notices[1]);
		}
		catch (RuntimeException e) {
			// Nothing is moved (one transaction); the next run tries again.
			LOG.error("Open deadlines could not follow the working-day calendar correction on {}; nothing was moved",
					correction.changedDays(), e);
			throw e;
		}
	}

	private int moveReviewSteps(CalendarCorrection correction, Date from, Instant now) {
		int moved = 0;
		for (Task task : tasks.createTaskQuery().taskCreatedAfter(from).dueAfter(Date.from(now)).list()) {
			if (task.getCreateTime() == null || task.getDueDate() == null) {
				continue;
			}
			Instant created = task.getCreateTime().toInstant();
			Instant due = task.getDueDate().toInstant();
			Optional<Instant> counted = deadline(correction.before(), created, ReviewProcesses.REVIEW_DAYS);
			if (counted.isEmpty() || !counted.get().equals(due)) {
				continue; // set by the model or by an administrator, not counted by the
							// rule
			}
			Optional<Instant> corrected = deadline(correction.after(), created, ReviewProcesses.REVIEW_DAYS);
			if (corrected.isEmpty() || corrected.get().equals(due)) {
				continue;
			}
			if (!corrected.get().isAfter(now)) {
				// Brought forward into the past, the step would be overdue and escalated
				// at once, for days nobody could have counted on: it keeps its due date.
				continue;
			}
			if (task.getProcessInstanceId() == null || pinned(
					runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult())
				.isEmpty()) {
				// A step of an instance the product does not act on (started by hand, or
				// its record removed): its listeners refuse any change, and with it the
				// whole correction for every case. It keeps its due date, and the log
				// names it for the administrator to look at in Cockpit.
				LOG.warn("Calendar correction: task {} of process instance {} left as it is, the instance is not "
						+ "the process of record of its case", task.getId(), task.getProcessInstanceId());
				continue;
			}
			task.setDueDate(Date.from(corrected.get()));
			tasks.saveTask(task);
			moved++;
		}
		return moved;
	}

	/**
	 * The two periods told to the enterprise or the public, which a correction of the
	 * calendar only extends, with the words their records and messages use.
	 */
	private enum Told {

		CORRECTION(ReviewProcesses.CORRECTION_DAYS, ReviewProcesses.CORRECTION_DEADLINE, "补正期限", "补正期限", "顺延", "应为",
				"已告知企业的", "已告知的期限不缩短，仍以原期限为准。", "，请在新期限前修改并重新提交。"),

		NOTICE(ReviewProcesses.NOTICE_DAYS, ReviewProcesses.NOTICE_ENDS, "公示期", "奖补资金公示期", "延长", "应至", "已公布的",
				"已公布的公示期不缩短。", "。");

		final int days;

		final String variable;

		final String name;

		final String toldName;

		final String verb;

		final String shouldEnd;

		final String toldAs;

		final String kept;

		final String ask;

		Told(int days, String variable, String name, String toldName, String verb, String shouldEnd, String toldAs,
				String kept, String ask) {
			this.days = days;
			this.variable = variable;
			this.name = name;
			this.toldName = toldName;
			this.verb = verb;
			this.shouldEnd = shouldEnd;
			this.toldAs = toldAs;
			this.kept = kept;
			this.ask = ask;
		}

		/** A correction's deadline to the minute, a notice's end as a day. */
		String shown(Instant at) {
			return this == CORRECTION ? ChinaTime.minute(at) : ChinaTime.day(LocalDate.ofInstant(at, ChinaTime.ZONE));
		}

	}

	private enum Outcome {

		UNCHANGED, KEPT_AS_TOLD, EXTENDED

	}

	/** How many corrections were extended, and how many kept as told. */
	private int[] extendCorrections(CalendarCorrection correction, Date from, Instant now) {
		int[] counts = new int[2];
		for (Task task : tasks.createTaskQuery()
			.taskDefinitionKey(ReviewProcesses.TASK_ENTERPRISE_CORRECTION)
			.taskCreatedAfter(from)
			.list()) {
			ProcessInstance instance = runtime.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult();
			Optional<Long> application = pinned(instance);
			if (application.isEmpty() || task.getCreateTime() == null) {
				continue;
			}
			long applicationId = application.get();
			Instant recorded = stages.facts(applicationId).outcomes().correctionDeadline();
			// Only a correction still running: one lapsed is past extending.
			if (recorded == null || Outcomes.correctionLapsed(recorded, now)) {
				continue;
			}
			count(counts,
					extend(correction, Told.CORRECTION, applicationId, Optional.of(instance.getId()),
							task.getCreateTime().toInstant(), recorded,
							to -> stages.extendCorrectionDeadline(applicationId, recorded, to)));
		}
		return counts;
	}

	/** How many running notices were extended, and how many kept as published. */
	private int[] extendNotices(CalendarCorrection correction, Instant now) {
		int[] counts = new int[2];
		for (PublicNotices.Period period : notices.notEndedAt(now)) {
			long applicationId = period.applicationId();
			count(counts, extend(correction, Told.NOTICE, applicationId, stages.reviewProcess(applicationId),
					period.startsAt(), period.endsAt(), to -> notices.moveEnd(applicationId, period.endsAt(), to)));
		}
		return counts;
	}

	private static void count(int[] counts, Outcome outcome) {
		if (outcome == Outcome.EXTENDED) {
			counts[0]++;
		}
		else if (outcome == Outcome.KEPT_AS_TOLD) {
			counts[1]++;
		}
	}

	/**
	 * Extends one period {@code told} that ends at {@code recorded}, counted from
	 * {@code start}, when that is its standard end on the old days and the corrected days
	 * end it later: its record ({@code record}), the process variable and the timer of
	 * {@code instanceId} waiting on it move together, and the case's record and the
	 * enterprise say so. A period the corrected days would end earlier is kept as told.
	 */
	private Outcome extend(CalendarCorrection correction, Told told, long applicationId, Optional<String> instanceId,
			Instant start, Instant recorded, Predicate<Instant> record) {
		Optional<Instant> counted = deadline(correction.before(), start, told.days);
		Optional<Instant> corrected = deadline(correction.after(), start, told.days);
		if (counted.isEmpty() || !counted.get().equals(recorded) || corrected.isEmpty()
				|| corrected.get().equals(recorded)) {
			return Outcome.UNCHANGED;
		}
		Instant to = corrected.get();
		String was = told.shown(recorded);
		String until = told.shown(to);
		if (to.isBefore(recorded)) {
			// To the minute, as the period was told.
			stages.note(applicationId, "system", "审批系统", told + "_KEPT",
					"工作日历更正后，" + told.name + "按 " + told.days + " 个工作日计算" + told.shouldEnd + " " + ChinaTime.minute(to)
							+ "，早于" + told.toldAs + " " + ChinaTime.minute(recorded) + "；" + told.kept);
			return Outcome.KEPT_AS_TOLD;
		}
		List<Job> timers = instanceId.map(id -> timersAt(id, recorded)).orElse(List.of());
		if (timers.isEmpty()) {
			LOG.warn("{} of application {} not extended: no timer of instance {} at {}", told, applicationId,
					instanceId.orElse("(none recorded)"), recorded);
			return Outcome.UNCHANGED;
		}
		if (!record.test(to)) {
			LOG.warn("{} of application {} not extended: it no longer ends at {}", told, applicationId, recorded);
			return Outcome.UNCHANGED;
		}
		timers.forEach(job -> management.setJobDuedate(job.getId(), Date.from(to)));
		runtime.setVariable(instanceId.get(), told.variable, DateTimeFormatter.ISO_INSTANT.format(to));
		stages.note(applicationId, "system", "审批系统", told + "_EXTENDED", "工作日历（法定节假日安排）更正，" + told.name + "按 "
				+ told.days + " 个工作日重新计算，由 " + was + " " + told.verb + "至 " + until + "。");
		events.publishEvent(new CaseNews(applicationId, told.name + told.verb, "的" + told.toldName + "因法定节假日安排更正，按 "
				+ told.days + " 个工作日重新计算，由 " + was + " " + told.verb + "至 " + until + told.ask));
		return Outcome.EXTENDED;
	}

	/**
	 * The application an instance acts on, when its root is its case's process of record
	 * ({@link ReviewedApplication#ofRecord}); empty for any other instance.
	 */
	private Optional<Long> pinned(ProcessInstance instance) {
		if (instance == null) {
			return Optional.empty();
		}
		String rootId = instance.getRootProcessInstanceId();
		ProcessInstance root = rootId == null || rootId.equals(instance.getId()) ? instance
				: runtime.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
		if (root == null) {
			return Optional.empty();
		}
		return ReviewedApplication.ofRecord(instance.getBusinessKey(), root.getId(),
				repository.getProcessDefinition(root.getProcessDefinitionId()).getKey(), root.getBusinessKey(), stages);
	}

	private List<Job> timersAt(String processInstanceId, Instant due) {
		return management.createJobQuery()
			.processInstanceId(processInstanceId)
			.timers()
			.list()
			.stream()
			.filter(job -> job.getDuedate() != null && job.getDuedate().toInstant().equals(due))
			.toList();
	}

	/**
	 * The deadline {@code days} working days from {@code from} on {@code calendar}; empty
	 * where the calendar does not hold the years it needs.
	 */
	private static Optional<Instant> deadline(WorkingDays calendar, Instant from, int days) {
		try {
			return Optional.of(calendar.deadline(from, days, ChinaTime.ZONE));
		}
		catch (OutsideCalendarException e) {
			return Optional.empty();
		}
	}

}
