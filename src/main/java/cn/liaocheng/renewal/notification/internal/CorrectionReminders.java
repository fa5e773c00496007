package cn.liaocheng.renewal.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.OpenCorrections.OpenCorrection;
import cn.liaocheng.renewal.application.OpenCorrections;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.notification.internal.Notifier.Note;
import cn.liaocheng.renewal.operations.ClusterLease;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Reminds an enterprise that its correction is due: from the start of the day two working
 * days before the day of the deadline (the same rule as Tasklist's 即将超期), once per case
 * and deadline. One node of the cluster runs it at a time ({@link ClusterLease}); the
 * reminder's key makes a repeated run harmless.
 */
@Component
class CorrectionReminders {

	static final String JOB = "correction-reminders";

	private static final Logger LOG = LoggerFactory.getLogger(CorrectionReminders.class);

	private static final Duration LEASE = Duration.ofMinutes(10);

	/**
	 * Two working days before a deadline are never more than this before it, holidays
	 * included.
	 */
	private static final Duration HORIZON = Duration.ofDays(20);

	private final OpenCorrections corrections;

	private final WorkingDays workingDays;

	private final Notifier notifier;

	private final ClusterLease lease;

	private final TransactionTemplate transaction;

	CorrectionReminders(OpenCorrections corrections, WorkingDays workingDays, Notifier notifier, ClusterLease lease,
			PlatformTransactionManager transactions) {
		this.corrections = corrections;
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
			LOG.info("Reminded {} enterprises of correction deadlines", sent);
		}
	}

	/** Writes the reminders due at {@code now}; returns how many were new. */
	int remind(Instant now) {
		if (!lease.take(JOB, LEASE)) {
			return 0;
		}
		try {
			int reminded = 0;
			for (OpenCorrection c : corrections.dueBetween(now, now.plus(HORIZON))) {
				if (!now.isBefore(remindFrom(c.deadline())) && c.enterpriseUser() != null && Boolean.TRUE
					.equals(transaction.execute(status -> notifier.notify(c.enterpriseUser(), note(c))))) {
					reminded++;
				}
			}
			return reminded;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

	Instant remindFrom(Instant deadline) {
		LocalDate day = LocalDate.ofInstant(deadline, NotificationEvents.CHINA);
		return workingDays.minusWorkingDays(day, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.atStartOfDay(NotificationEvents.CHINA)
			.toInstant();
	}

	private static Note note(OpenCorrection c) {
		return new Note(NotificationKind.DEADLINE_APPROACHING, "补正期限即将届满：" + c.referenceNo(),
				"您的" + c.kind().label() + "（申报编号 " + c.referenceNo() + "）补正期限为 "
						+ NotificationEvents.MINUTE.format(c.deadline()) + "，请在期限前修改申报材料并重新提交，逾期未补正的，申报失效。",
				"/enterprise/applications/" + c.applicationId(), c.applicationId(),
				"deadline:" + c.applicationId() + ":" + c.deadline().truncatedTo(ChronoUnit.SECONDS));
	}

}
