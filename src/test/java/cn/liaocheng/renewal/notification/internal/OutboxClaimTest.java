package cn.liaocheng.renewal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.engine.TaskEnded;
import cn.liaocheng.renewal.notification.internal.Notifier.Note;
import cn.liaocheng.renewal.operations.ClusterLease;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Two nodes' dispatchers over one outbox: a run that outlasts its cluster lease (a slow
 * mail server) while another node takes the lease over sends nothing twice, and a
 * delivery claimed by a node that died is sent once its claim has run out; an
 * administrator's 重新发送 queues what is still worth sending.
 */
@WebIntegrationTest
class OutboxClaimTest {

	@Autowired
	Notifier notifier;

	@Autowired
	Inbox inbox;

	@Autowired
	Outbox outbox;

	@Autowired
	ClusterLease lease;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@LocalServerPort
	int port;

	@Test
	void shouldSendEachMessageOnceWhenARunOutlastsItsLeaseAndAnotherNodeTakesOver() throws Exception {
		List<String> addresses = queue(3);
		SlowChannel channel = new SlowChannel();
		OutboxDispatcher first = dispatcher(channel);
		OutboxDispatcher second = dispatcher(channel);
		// While the first run sends its second message, its lease runs out and the other
		// node's next run starts and ends.
		channel.duringSecondSend = () -> {
			expireTheLease();
			CompletableFuture.runAsync(() -> second.dispatch(Instant.now())).get(60, TimeUnit.SECONDS);
		};

		first.dispatch(Instant.now());

		assertThat(channel.sent).containsExactlyInAnyOrderElementsOf(addresses);
		assertThat(addresses).allSatisfy(address -> assertThat(status(address)).isEqualTo(Outbox.SENT));
	}

	@Test
	void shouldSendAMessageClaimedByANodeThatDiedOnceItsClaimHasRunOut() {
		String address = queue(1).get(0);
		Instant now = Instant.now();
		Outbox.Delivery delivery = outbox.due(now, 1000)
			.stream()
			.filter(d -> d.address().equals(address))
			.findFirst()
			.orElseThrow();
		assertThat(outbox.claim(delivery, "node-that-died", now, now.plus(OutboxDispatcher.CLAIM))).isTrue();
		SlowChannel channel = new SlowChannel();
		OutboxDispatcher dispatcher = dispatcher(channel);

		dispatcher.dispatch(now.plusSeconds(60));
		assertThat(outbox.retryNow(delivery.id(), now.plusSeconds(60))).isEqualTo(Outbox.Resend.REQUEUED);
		dispatcher.dispatch(now.plusSeconds(90));
		assertThat(channel.sent).as("claimed, even when an administrator queues it again").isEmpty();

		dispatcher.dispatch(now.plus(OutboxDispatcher.CLAIM).plusSeconds(1));
		assertThat(channel.sent).containsExactly(address);
		assertThat(status(address)).isEqualTo(Outbox.SENT);
	}

	@Test
	void shouldGiveTheClaimBackAfterAFailedAttemptSoTheRetryIsNotHeldUp() {
		String address = queue(1).get(0);
		SlowChannel channel = new SlowChannel();
		channel.duringFirstSend = () -> {
			throw new IllegalStateException("邮件服务器暂时不可用");
		};
		OutboxDispatcher dispatcher = dispatcher(channel);
		Instant now = Instant.now();

		dispatcher.dispatch(now);
		assertThat(status(address)).isEqualTo(Outbox.PENDING);
		assertThat(jdbc.sql("SELECT attempts FROM notification_outbox WHERE address = ?")
			.param(address)
			.query(Integer.class)
			.single()).isOne();

		dispatcher.dispatch(now.plus(Duration.ofMinutes(2)));
		assertThat(channel.sent).containsExactly(address);
		assertThat(status(address)).isEqualTo(Outbox.SENT);
	}

	@Test
	void anAdministratorsRetryDuringAFailingAttemptIsNotOverwrittenByIt() {
		String address = queue(1).get(0);
		long id = jdbc.sql("SELECT id FROM notification_outbox WHERE address = ?")
			.param(address)
			.query(Long.class)
			.single();
		SlowChannel channel = new SlowChannel();
		channel.duringFirstSend = () -> {
			// The administrator presses 重新发送 while this attempt is on its way.
			assertThat(outbox.retryNow(id, Instant.now())).isEqualTo(Outbox.Resend.REQUEUED);
			throw new IllegalStateException("邮件服务器暂时不可用");
		};
		OutboxDispatcher dispatcher = dispatcher(channel);

		dispatcher.dispatch(Instant.now());
		assertThat(jdbc.sql("SELECT attempts FROM notification_outbox WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single()).as("the fresh count stands").isZero();
		assertThat(status(address)).isEqualTo(Outbox.PENDING);

		dispatcher.dispatch(Instant.now().plusSeconds(1));
		assertThat(channel.sent).as("sent by the next run, not held until the claim runs out").containsExactly(address);
		assertThat(status(address)).isEqualTo(Outbox.SENT);
	}

	/**
	 * After a mail server's outage, 重新发送 of a to-do's failed mail whose task has ended
	 * meanwhile sends nothing (the reviewer would be sent to a task that is gone): it is
	 * marked not sent, and the administrator is told why. A failed mail about a task
	 * still open, or about no task, goes back in the queue.
	 */
	@Test
	void aResendSkipsTheFailedMailOfATaskThatHasEndedAndQueuesTheOthers() {
		String endedTask = "ended-task-" + System.nanoTime();
		String openTask = "open-task-" + System.nanoTime();
		long ofEndedTask = failed(endedTask);
		long ofOpenTask = failed(openTask);
		long ofNoTask = failed(null);
		events.publishEvent(new TaskEnded(endedTask, null, true, "gx-industry"));
		assertThat(statusOf(ofEndedTask)).as("failed, not pending, when the task ended").isEqualTo(Outbox.FAILED);
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/notifications").body();
		assertThat(page).contains("data-id=\"" + ofEndedTask + "\"", "data-id=\"" + ofOpenTask + "\"");
		String token = "_csrf=" + WebClient.csrfTokenOf(page);

		assertThat(resend(admin, ofEndedTask, token)).contains("第 " + ofEndedTask + " 号发送任务未重新发送：它通知的待办任务已经结束")
			.doesNotContain("data-id=\"" + ofEndedTask + "\"");
		assertThat(resend(admin, ofOpenTask, token)).contains("第 " + ofOpenTask + " 号发送任务已重新排队");
		assertThat(resend(admin, ofNoTask, token)).contains("第 " + ofNoTask + " 号发送任务已重新排队");

		assertThat(statusOf(ofEndedTask)).isEqualTo(Outbox.DROPPED);
		assertThat(statusOf(ofOpenTask)).isEqualTo(Outbox.PENDING);
		assertThat(statusOf(ofNoTask)).isEqualTo(Outbox.PENDING);
		SlowChannel channel = new SlowChannel();
		dispatcher(channel).dispatch(Instant.now().plusSeconds(1));
		assertThat(channel.sent).contains(address(ofOpenTask), address(ofNoTask)).doesNotContain(address(ofEndedTask));
		// Pressed again, from a page still open: the same answer, nothing queued.
		assertThat(resend(admin, ofEndedTask, token)).contains("第 " + ofEndedTask + " 号发送任务未重新发送：它通知的待办任务已经结束");
		assertThat(statusOf(ofEndedTask)).isEqualTo(Outbox.DROPPED);
	}

	/** Presses 重新发送 of delivery {@code id}; the page it leads back to. */
	private static String resend(WebClient admin, long id, String token) {
		assertThat(admin.postForm("/admin/notifications/" + id + "/retry", token).statusCode()).isEqualTo(302);
		return admin.get("/admin/notifications").body();
	}

	/**
	 * A mail over the slow channel that failed for good (5 attempts), about
	 * {@code taskId} (null: about no task).
	 */
	private long failed(String taskId) {
		String user = "resend-user-" + System.nanoTime();
		notifier.notify(user,
				taskId == null ? new Note(NotificationKind.CASE_DECIDED, "申报已办结", "办理结果：准予入库", null, null, null)
						: Note.aboutTask(NotificationKind.TASK_CREATED, "新的待办任务", "请办理：形式审查", taskId, null, null));
		long notification = inbox.list(user, false, 0, 1).get(0).id();
		outbox.add(notification, SlowChannel.NAME, user + "@example.cn", Instant.now());
		long id = jdbc.sql("SELECT id FROM notification_outbox WHERE notification_id = ?")
			.param(notification)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE notification_outbox SET status = ?, attempts = 5, last_error = ? WHERE id = ?")
			.params(Outbox.FAILED, "Connection refused", id)
			.update();
		return id;
	}

	private String statusOf(long id) {
		return jdbc.sql("SELECT status FROM notification_outbox WHERE id = ?").param(id).query(String.class).single();
	}

	private String address(long id) {
		return jdbc.sql("SELECT address FROM notification_outbox WHERE id = ?").param(id).query(String.class).single();
	}

	/** Deliveries to new addresses over the slow channel, due now. */
	private List<String> queue(int count) {
		String user = "claim-user-" + System.nanoTime();
		return IntStream.range(0, count).mapToObj(i -> {
			notifier.notify(user, new Note(NotificationKind.CASE_DECIDED, "申报已办结", "办理结果：准予入库", null, null, null));
			long notification = inbox.list(user, false, 0, 1).get(0).id();
			String address = user + "-" + i + "@example.cn";
			outbox.add(notification, SlowChannel.NAME, address, Instant.now());
			return address;
		}).toList();
	}

	private OutboxDispatcher dispatcher(DeliveryChannel channel) {
		return new OutboxDispatcher(outbox, lease, List.of(channel), 5, Duration.ofMinutes(1), Duration.ofHours(1));
	}

	private void expireTheLease() {
		jdbc.sql("UPDATE scheduler_lock SET locked_until = ? WHERE name = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), OutboxDispatcher.JOB)
			.update();
	}

	private String status(String address) {
		return jdbc.sql("SELECT status FROM notification_outbox WHERE address = ?")
			.param(address)
			.query(String.class)
			.single();
	}

	/**
	 * A channel that records what it sent; its first or second message may fail or take
	 * long enough for something else to happen.
	 */
	private static final class SlowChannel implements DeliveryChannel {

		static final String NAME = "SLOW";

		final List<String> sent = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger calls = new AtomicInteger();

		volatile ThrowingRunnable duringFirstSend = () -> {
		};

		volatile ThrowingRunnable duringSecondSend = () -> {
		};

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public boolean active() {
			return true;
		}

		@Override
		public Optional<String> addressOf(Recipient recipient) {
			return Optional.empty();
		}

		@Override
		public void send(String address, String title, String body, String link) throws Exception {
			int call = calls.incrementAndGet();
			if (call == 1) {
				duringFirstSend.run();
			}
			if (call == 2) {
				duringSecondSend.run();
			}
			sent.add(address);
		}

	}

	private interface ThrowingRunnable {

		void run() throws Exception;

	}

}
