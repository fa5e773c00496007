package cn.liaocheng.renewal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.notification.internal.Notifier.Note;
import cn.liaocheng.renewal.operations.ClusterLease;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * The message centre's and the outbox's SQL on PostgreSQL: keys, paging, dedup, the notes
 * of an ended task, leases, retries and claims.
 */
@PostgresContext
class NotificationsOnPostgresTest {

	@Autowired
	Notifier notifier;

	@Autowired
	Inbox inbox;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	ClusterLease lease;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldStoreListAndMarkReadPerRecipientWithDeduplication() {
		String user = "pg-user-" + System.nanoTime();
		Note reminder = new Note(NotificationKind.DEADLINE_APPROACHING, "补正期限即将届满", "请于期限前补正", "/", null, "deadline:1");
		assertThat(notifier.notify(user, reminder)).isTrue();
		assertThat(notifier.notify(user, reminder)).isFalse();
		for (int i = 0; i < 25; i++) {
			notifier.notify(user, new Note(NotificationKind.TASK_CREATED, "新的待办任务 " + i, "正文", null, null, null));
		}

		assertThat(inbox.unreadCount(user)).isEqualTo(26);
		assertThat(inbox.list(user, true, 0, 20)).hasSize(20)
			.first()
			.satisfies(m -> assertThat(m.title()).isEqualTo("新的待办任务 24"));
		assertThat(inbox.list(user, true, 20, 20)).hasSize(6);
		long id = inbox.list(user, false, 0, 1).get(0).id();
		assertThat(inbox.markRead("someone-else", id, Instant.now())).isFalse();
		assertThat(inbox.markRead(user, id, Instant.now())).isTrue();
		assertThat(inbox.markRead(user, id, Instant.now())).isTrue();
		assertThat(inbox.unreadCount(user)).isEqualTo(25);
		assertThat(inbox.markAllRead(user, Instant.now())).isEqualTo(25);
		assertThat(inbox.list(user, true, 0, 20)).isEmpty();
	}

	@Test
	void shouldMarkEveryRecipientsNotesOfAnEndedTaskDoneOnce() {
		String first = "pg-user-" + System.nanoTime();
		String second = first + "-2";
		String task = "pg-task-" + System.nanoTime();
		Note created = Note.aboutTask(NotificationKind.TASK_CREATED, "新的待办任务：县级形式审查", "正文", task, 7L, null);
		notifier.notify(first, created);
		notifier.notify(second, created);
		notifier.notify(second, Note.aboutTask(NotificationKind.TASK_URGED, "催办：县级形式审查", "正文", task, null, null));
		notifier.notify(second,
				Note.aboutTask(NotificationKind.TASK_CREATED, "新的待办任务：另一任务", "正文", task + "-other", 8L, null));

		assertThat(inbox.endTask(task, "已由审核员办理", Instant.now())).isEqualTo(3);
		assertThat(inbox.endTask(task, "任务已结束", Instant.now())).as("the first outcome stays").isZero();

		assertThat(inbox.unreadCount(first)).isZero();
		assertThat(inbox.unreadCount(second)).isEqualTo(1);
		assertThat(inbox.list(second, false, 0, 10)).hasSize(3).allSatisfy(m -> {
			if (m.title().contains("另一任务")) {
				assertThat(m.taskEnded()).isFalse();
				assertThat(m.link()).endsWith("?task=" + task + "-other");
			}
			else {
				assertThat(m.taskOutcome()).isEqualTo("已由审核员办理");
				assertThat(m.link()).isEqualTo(m.applicationId() == null ? null : "/review/applications/7");
			}
		});
	}

	@Test
	void shouldRetryADeliveryWhoseChannelIsNotConfiguredUntilItFails() {
		String user = "pg-user-" + System.nanoTime();
		notifier.notify(user, new Note(NotificationKind.CASE_DECIDED, "申报已办结", "办理结果：准予入库", null, 7L, null));
		long notification = inbox.list(user, false, 0, 1).get(0).id();
		outbox.add(notification, MailChannel.NAME, "someone@example.cn", Instant.now());
		long delivery = jdbc.sql("SELECT id FROM notification_outbox WHERE notification_id = ?")
			.param(notification)
			.query(Long.class)
			.single();

		Instant later = Instant.now();
		for (int i = 0; i < 5; i++) {
			later = later.plus(Duration.ofHours(2));
			dispatcher.dispatch(later);
		}

		assertThat(outbox.unsent(1000)).filteredOn(d -> d.id() == delivery).singleElement().satisfies(d -> {
			assertThat(d.status()).isEqualTo(Outbox.FAILED);
			assertThat(d.attempts()).isEqualTo(5);
			assertThat(d.lastError()).contains("未配置");
		});
		assertThat(outbox.retryNow(delivery, Instant.now())).isEqualTo(Outbox.Resend.REQUEUED);
		assertThat(outbox.count(Outbox.PENDING)).isPositive();
	}

	@Test
	void shouldLetOneRunAtATimeClaimADeliveryUntilTheClaimRunsOut() {
		String user = "pg-user-" + System.nanoTime();
		notifier.notify(user, new Note(NotificationKind.CASE_DECIDED, "申报已办结", "办理结果：准予入库", null, 7L, null));
		long notification = inbox.list(user, false, 0, 1).get(0).id();
		Instant now = Instant.now();
		outbox.add(notification, MailChannel.NAME, "claimed@example.cn", now);
		Outbox.Delivery delivery = outbox.due(now, 1000)
			.stream()
			.filter(d -> d.notificationId() == notification)
			.findFirst()
			.orElseThrow();

		assertThat(outbox.claim(delivery, "node-a/1", now, now.plusSeconds(60))).isTrue();
		assertThat(outbox.claim(delivery, "node-b/1", now, now.plusSeconds(60))).isFalse();
		assertThat(outbox.due(now, 1000)).noneMatch(d -> d.id() == delivery.id());
		outbox.retryLater(delivery.id(), "node-b/1", now, 1, now.plusSeconds(600), "not the claimant");
		assertThat(outbox.claim(delivery, "node-b/1", now.plusSeconds(61), now.plusSeconds(120)))
			.as("the claim has run out, and the other run recorded nothing")
			.isTrue();
		outbox.sent(delivery.id(), 1, now);
		assertThat(outbox.claim(delivery, "node-c/1", now.plusSeconds(200), now.plusSeconds(260))).isFalse();
	}

	@Test
	void shouldLetOneRunAtATimeHoldTheDispatchLease() {
		assertThat(lease.take(OutboxDispatcher.JOB, Duration.ofMinutes(1))).isTrue();
		try {
			assertThat(dispatcher.dispatch(Instant.now())).as("another run holds the lease").isZero();
		}
		finally {
			lease.giveBack(OutboxDispatcher.JOB);
		}
	}

}
