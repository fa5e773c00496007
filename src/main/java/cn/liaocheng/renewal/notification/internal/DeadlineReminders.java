package cn.liaocheng.renewal.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.aftercare.OpenRectifications;
import cn.liaocheng.renewal.aftercare.OpenRectifications.OpenRectification;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.application.OpenCorrections;
import cn.liaocheng.renewal.application.OpenCorrections.OpenCorrection;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.UnsubmittedDrafts;
import cn.liaocheng.renewal.batch.UnsubmittedDrafts.UnsubmittedDraft;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.clawback.DueRepayments;
import cn.liaocheng.renewal.clawback.DueRepayments.DueRepayment;
import cn.liaocheng.renewal.clawback.OpenStatementPeriods;
import cn.liaocheng.renewal.clawback.OpenStatementPeriods.OpenStatementPeriod;
import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.notification.internal.Notifier.Note;
import cn.liaocheng.renewal.operations.ClusterLease;
import cn.liaocheng.renewal.review.DueReviewTasks;
import cn.liaocheng.renewal.review.DueReviewTasks.DueTask;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Reminds an enterprise of its deadlines: a correction (补正) that is due, a rectification
 * (限期整改) ordered by the on-site acceptance and not yet submitted, the statement period
 * (陈述、申辩) of a clawback's prior notice not yet answered, the repayment of a decided
 * clawback (追回资金缴回) of which something is still owed, and a draft not yet submitted while
 * the window of its kind is about to close (申报截止); and reminds reviewers of a review step
 * about to become overdue (the holder, or the body's members while it waits in the pool).
 * Each from the start of the day two working days before the day of the deadline (the
 * same rule as Tasklist's 即将超期), once per case (or task), deadline and recipient. One
 * node of the cluster runs it at a time ({@link ClusterLease}, under the lease's first
 * name, from when corrections were its only deadlines); the reminder's key makes a
 * repeated run harmless.
 */
@Component
class DeadlineReminders {

	static final String JOB = "correction-reminders";

	private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminders.class);

	private static final Duration LEASE = Duration.ofMinutes(10);

	/**
	 * Two working days before a deadline are never more than this before it, holidays
	 * included.
	 */
	private static final Duration HORIZON = Duration.ofDays(20);

	private final OpenCorrections corrections;

	private final DueRepayments repayments;

	private final OpenRectifications rectifications;

	private final WorkingDays workingDays;

	private final Notifier notifier;

	private final ClusterLease lease;

	private final TransactionTemplate transaction;

	private final DueReviewTasks reviewTasks;

	private final Recipients recipients;

	private final ApplicationStages stages;

	private final OpenTasks openTasks;

	private final OpenStatementPeriods statements;

	private final UnsubmittedDrafts drafts;

	DeadlineReminders(OpenCorrections corrections, DueRepayments repayments, OpenRectifications rectifications,
			WorkingDays workingDays, Notifier notifier, ClusterLease lease, PlatformTransactionManager transactions,
			DueReviewTasks reviewTasks, Recipients recipients, ApplicationStages stages, OpenTasks openTasks,
			OpenStatementPeriods statements, UnsubmittedDrafts drafts) {
		this.drafts = drafts;
		this.openTasks = openTasks;
		this.statements = statements;
		this.reviewTasks = reviewTasks;
		this.recipients = recipients;
		this.stages = stages;
		this.corrections = corrections;
		this.repayments = repayments;
		this.rectifications = rectifications;
		this.workingDays = workingDays;
		this.notifier = notifier;
		this.lease = lease;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(initialDelayString = "${renewal.notification.correction-reminders.initial-delay:PT3M}",
			fixedDelayString = "${renewal.notification.correction-reminders.interval:PT30M}")
	void scheduled() {
		int sent = remind(Instant.now());
		if (sent > 0) {
			LOG.info("Reminded enterprises of {} deadlines", sent);
		}
	}

	/** Writes the reminders due at {@code now}; returns how many were new. */
	int remind(Instant now) {
		if (!lease.take(JOB, LEASE)) {
			return 0;
		}
		try {
			int reminded = 0;
			for (Reminder r : due(now)) {
				if (now.isBefore(r.from()) || r.recipient() == null) {
					continue;
				}
				try {
					if (Boolean.TRUE.equals(transaction.execute(status -> send(r, status)))) {
						reminded++;
					}
				}
				catch (RuntimeException e) {
					// One reminder that cannot be written now (a lock held too long, a
					// database hiccup) is tried again in the next run; the others go out.
					LOG.warn("Deadline reminder {} to {} not written this run: {}", r.note().dedupKey(), r.recipient(),
							e.toString());
				}
			}
			return reminded;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

	/**
	 * A step's reminder is written, then the step held: a step that ended since the tasks
	 * were read (or ends now, the hold waiting for it) takes its reminder back with the
	 * transaction, and one ending later marks the reminder handled with its other notes.
	 * Written first, as every writer takes the case's rows before the task's.
	 */
	private boolean send(Reminder r, TransactionStatus status) {
		if (!r.stillDue().getAsBoolean()) {
			return false;
		}
		if (!notifier.notify(r.recipient(), r.note())) {
			return false;
		}
		String taskId = r.note().taskId();
		if (taskId != null
				&& !(r.taskDue() == null ? openTasks.hold(taskId) : openTasks.holdIfDueAt(taskId, r.taskDue()))) {
			status.setRollbackOnly();
			return false;
		}
		return true;
	}

	/**
	 * A reminder to send from {@code from} on, if what it is about is still due when it
	 * is written ({@code stillDue}, asked in the writing transaction; for a review step,
	 * its due date {@code taskDue} read again under the step's hold).
	 */
	private record Reminder(String recipient, Instant from, Note note, BooleanSupplier stillDue, Instant taskDue) {

		Reminder(String recipient, Instant from, Note note, BooleanSupplier stillDue) {
			this(recipient, from, note, stillDue, null);
		}

		/**
		 * A review step's reminder, written only if the step, once held, is still due at
		 * {@code taskDue}, the date it states.
		 */
		static Reminder ofStep(String recipient, Instant from, Note note, Instant taskDue) {
			return new Reminder(recipient, from, note, () -> true, taskDue);
		}

	}

	/** The reminders of the deadlines ahead of {@code now}, due or not yet. */
	private List<Reminder> due(Instant now) {
		List<Reminder> due = new ArrayList<>();
		for (OpenCorrection c : corrections.dueBetween(now, now.plus(HORIZON))) {
			// A correction taken back, resubmitted or given a later deadline since it was
			// read is not reminded of.
			due.add(new Reminder(c.enterpriseUser(), remindFrom(c.deadline()), note(c),
					() -> corrections.stillOpen(c.applicationId(), c.deadline())));
		}
		LocalDate today = LocalDate.ofInstant(now, NotificationEvents.CHINA);
		// Likewise a repayment settled or recorded (the reminder states the amounts), a
		// rectification submitted or a statement answered since it was read.
		for (DueRepayment r : repayments.dueBetween(today, today.plusDays(HORIZON.toDays()))) {
			due.add(new Reminder(r.enterpriseUser(), remindFrom(r.deadline()), note(r), () -> repayments.stillDue(r)));
		}
		for (OpenRectification r : rectifications.dueBetween(today, today.plusDays(HORIZON.toDays()))) {
			due.add(new Reminder(r.enterpriseUser(), remindFrom(r.deadline()), note(r),
					() -> rectifications.stillOpen(r)));
		}
		for (OpenStatementPeriod s : statements.endingBetween(today, today.plusDays(HORIZON.toDays()))) {
			due.add(new Reminder(s.enterpriseUser(), remindFrom(s.lastDay()), note(s), () -> statements.stillOpen(s)));
		}
		for (UnsubmittedDraft d : drafts.closingBy(now, dueSoonUntil(today))) {
			due.add(new Reminder(d.enterpriseUser(), remindFrom(d.window().lastDay()), note(d),
					() -> drafts.stillUnsubmitted(d)));
		}
		due.addAll(reviewSteps(now, today));
		return due;
	}

	/**
	 * The review steps whose reminder is due today: due after now and at the latest on
	 * the second working day from today, so that only the tasks about to become overdue
	 * are read, not every open task. The holder is reminded, or every member of the
	 * task's bodies while it waits in their pool; members are read once per set of
	 * bodies, cases once for all tasks.
	 */
	private List<Reminder> reviewSteps(Instant now, LocalDate today) {
		List<DueTask> tasks = reviewTasks.dueBetween(now, dueSoonUntil(today).minusMillis(1));
		if (tasks.isEmpty()) {
			return List.of();
		}
		Map<Long, CaseListing> cases = stages
			.listings(tasks.stream().map(DueTask::applicationId).filter(id -> id != null).distinct().toList())
			.stream()
			.collect(Collectors.toMap(c -> c.summary().id(), c -> c, (a, b) -> a));
		Map<Set<String>, List<String>> members = new HashMap<>();
		List<Reminder> due = new ArrayList<>();
		for (DueTask task : tasks) {
			Note note = note(task, task.applicationId() == null ? null : cases.get(task.applicationId()));
			List<String> to = task.assignee() != null ? List.of(task.assignee()) : members.computeIfAbsent(
					Set.copyOf(task.candidateGroups()), groups -> recipients.membersOf(task.candidateGroups()));
			Instant from = remindFrom(task.due());
			to.forEach(user -> due.add(Reminder.ofStep(user, from, note, task.due())));
		}
		return due;
	}

	/**
	 * The end of the second working day from {@code today}: what is due by then is
	 * reminded of today. Days ahead in a year not loaded yet: as far as the working days
	 * could reach.
	 */
	private Instant dueSoonUntil(LocalDate today) {
		return workingDays.plusWorkingDaysAtLatest(today, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.plusDays(1)
			.atStartOfDay(NotificationEvents.CHINA)
			.toInstant();
	}

	Instant remindFrom(Instant deadline) {
		return remindFrom(LocalDate.ofInstant(deadline, NotificationEvents.CHINA));
	}

	/**
	 * The start of the day two working days before the deadline's day; for a deadline in
	 * a year whose holidays are not loaded yet, the earliest those working days could
	 * begin: reminded early rather than not at all, and the other reminders of the run
	 * still go out.
	 */
	Instant remindFrom(LocalDate day) {
		return workingDays.minusWorkingDaysAtEarliest(day, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.atStartOfDay(NotificationEvents.CHINA)
			.toInstant();
	}

	/**
	 * A review step about to become overdue, told as the task's other messages tell it;
	 * once per task and due date (a due date moved later is reminded again).
	 */
	private static Note note(DueTask t, CaseListing c) {
		String about = c == null ? ""
				: "申报编号 " + c.summary().referenceNo() + "（" + c.enterpriseName() + "，" + c.summary().title() + "）的";
		return Note.aboutTask(NotificationKind.TASK_DUE_SOON, "任务即将超期：" + t.taskName(),
				about + "「" + t.taskName() + "」的办理期限为 " + ChinaTime.minute(t.due()) + "，即将超期，请及时办理；超期后将报送部门负责人督办。",
				t.taskId(), t.applicationId(),
				"task-due:" + t.taskId() + ":" + t.due().truncatedTo(ChronoUnit.SECONDS));
	}

	private static Note note(OpenCorrection c) {
		return new Note(NotificationKind.DEADLINE_APPROACHING,
				"补正期限即将届满：" + c.referenceNo() + "，截止" + ChinaTime.minute(c.deadline()),
				"您的" + c.kind().label() + "（申报编号 " + c.referenceNo() + "）补正期限为 " + ChinaTime.minute(c.deadline())
						+ "，请在期限前修改申报材料并重新提交，逾期未补正的，申报失效。",
				"/enterprise/applications/" + c.applicationId(), c.applicationId(),
				"deadline:" + c.applicationId() + ":" + c.deadline().truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * A draft as the enterprise's 需要您处理 list shows it, once per draft and window close (a
	 * window moved later is reminded of again).
	 */
	private static Note note(UnsubmittedDraft d) {
		ApplicationWindow w = d.window();
		return new Note(NotificationKind.DRAFT_UNSUBMITTED, "申报草稿尚未提交：申报期至" + w.closesText() + "截止",
				"您的申报草稿「" + d.title() + "」尚未提交。本批次" + w.kind().label() + "的申报期至 " + w.closesText()
						+ "（北京时间）截止，截止后不能提交，须等待下一批次。请在截止前检查材料并提交；不再申报的，可删除该草稿。",
				"/enterprise/applications/" + d.applicationId(), d.applicationId(),
				"draft-window:" + d.applicationId() + ":" + w.id() + ":" + w.closesAt().getEpochSecond());
	}

	/** The statement period as the prior notice gave it and the case page offers it. */
	private static Note note(OpenStatementPeriod s) {
		return new Note(NotificationKind.STATEMENT_DUE,
				"陈述、申辩期限即将届满：" + s.referenceNo() + "，截止"
						+ NotificationEvents.DAY.format(s.lastDay().atStartOfDay(NotificationEvents.CHINA).toInstant()),
				"您的申报（申报编号 " + s.referenceNo() + "）收到奖补资金追回事先告知书（" + s.noticeNumber() + "），陈述、申辩期限为 "
						+ NotificationEvents.DAY.format(s.lastDay().atStartOfDay(NotificationEvents.CHINA).toInstant())
						+ "（含当日）。如有陈述、申辩意见，请在期限前在申报详情的“奖补资金追回”一栏提交；期满未提交的，将依告知的内容作出决定。",
				"/enterprise/applications/" + s.applicationId() + "#clawback", s.applicationId(),
				"statement-deadline:" + s.applicationId() + ":" + s.noticeNumber() + ":" + s.lastDay());
	}

	/**
	 * The rectification as the acceptance ordered it and the after-award process treats
	 * it.
	 */
	private static Note note(OpenRectification r) {
		return new Note(NotificationKind.RECTIFICATION_DUE, "整改期限即将届满：" + r.referenceNo(),
				"您的申报（申报编号 " + r.referenceNo() + "）现场验收结论为限期整改，整改期限为 " + NotificationEvents.DAY.format(r.deadline())
						+ "（含当日）。请在期限前在申报详情的“项目后续管理”一栏提交整改情况说明及佐证材料；逾期未提交的，转入奖补资金追回程序。",
				"/enterprise/applications/" + r.applicationId(), r.applicationId(),
				"rectification-deadline:" + r.applicationId() + ":" + r.deadline());
	}

	/**
	 * What is still owed, as the decision and the county finance bureau's records have
	 * it: what the bureau has confirmed counts as repaid; what is only recorded waits for
	 * its check and is named as such, so that nobody pays twice.
	 */
	private static Note note(DueRepayment r) {
		StringBuilder body = new StringBuilder("根据").append(r.decisionNumber())
			.append("，您的申报（申报编号 ")
			.append(r.referenceNo())
			.append("）尚有 ")
			.append(Money.yuan(r.outstanding()))
			.append(" 元追回资金未经县级财政部门确认到账");
		if (r.pending().signum() > 0) {
			body.append("（其中已登记缴款 ").append(Money.yuan(r.pending())).append(" 元，正待县级财政部门复核）");
		}
		body.append("。缴回期限为 ")
			.append(NotificationEvents.DAY.format(r.deadline()))
			.append("（含当日），请按决定书所列账户缴回，并将缴款凭证报送所在县（市、区）财政局，到账以其复核确认为准；")
			.append("逾期未缴清的，将按决定书所述依法催告履行。");
		return new Note(NotificationKind.REPAYMENT_DUE, "追回资金缴回期限即将届满：" + r.referenceNo(), body.toString(),
				"/enterprise/applications/" + r.applicationId(), r.applicationId(),
				"repayment-deadline:" + r.applicationId() + ":" + r.deadline());
	}

}
