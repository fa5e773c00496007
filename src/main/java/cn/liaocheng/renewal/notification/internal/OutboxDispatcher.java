package cn.liaocheng.renewal.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.notification.internal.Outbox.Delivery;
import cn.liaocheng.renewal.operations.ClusterLease;

/**
 * Sends what the outbox holds, outside any business transaction: a failed attempt is
 * tried again after a delay that doubles each time (1, 2, 4 … minutes, at most an hour,
 * by default), and after the last attempt the delivery is marked failed for
 * administrators to see and retry. One node of the cluster runs it at a time
 * ({@link ClusterLease}), but a run may outlast its lease (a slow mail server) and a
 * second node then starts while the first is still sending; so each delivery is also
 * claimed in its row before it is sent, and a run sends only what it has claimed. A node
 * that dies between sending and recording may send a message twice (its claim runs out),
 * never lose one.
 */
@Component
class OutboxDispatcher {

	static final String JOB = "notification-dispatch";

	private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

	/**
	 * Keeps nodes from polling together; a run that outlasts it sends nothing twice, as
	 * deliveries are claimed one by one.
	 */
	private static final Duration LEASE = Duration.ofMinutes(10);

	/**
	 * How long one attempt holds its delivery: far longer than one message takes with the
	 * SMTP timeouts of application.yaml, and how long a message waits after its node died
	 * while sending it.
	 */
	static final Duration CLAIM = Duration.ofMinutes(10);

	private static final int BATCH = 25;

	private final Outbox outbox;

	private final ClusterLease lease;

	private final Map<String, DeliveryChannel> channels;

	private final int maxAttempts;

	private final Duration firstRetry;

	private final Duration maxRetryDelay;

	private final String node = Inbox.cut(ManagementFactory.getRuntimeMXBean().getName(), 150);

	OutboxDispatcher(Outbox outbox, ClusterLease lease, List<DeliveryChannel> channels,
			@Value("${renewal.notification.delivery.max-attempts:5}") int maxAttempts,
			@Value("${renewal.notification.delivery.first-retry:PT1M}") Duration firstRetry,
			@Value("${renewal.notification.delivery.max-retry-delay:PT1H}") Duration maxRetryDelay) {
		this.outbox = outbox;
		this.lease = lease;
		this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::name, Function.identity()));
		this.maxAttempts = Math.max(1, maxAttempts);
		this.firstRetry = firstRetry;
		this.maxRetryDelay = maxRetryDelay;
	}

	@Scheduled(initialDelayString = "${renewal.notification.delivery.initial-delay:PT30S}",
			fixedDelayString = "${renewal.notification.delivery.interval:PT30S}")
	void scheduled() {
		dispatch(Instant.now());
	}

	/** Sends the deliveries due at {@code now}, one batch; returns how many went out. */
	int dispatch(Instant now) {
		if (!lease.take(JOB, LEASE)) {
			return 0;
		}
		try {
			int sent = 0;
			for (Delivery delivery : outbox.due(now, BATCH)) {
				String claimant = node + "/" + UUID.randomUUID();
				if (outbox.claim(delivery, claimant, now, Instant.now().plus(CLAIM)) && send(delivery, claimant, now)) {
					sent++;
				}
			}
			return sent;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

	/** Sends a delivery claimed at {@code claimedAt} and records the attempt. */
	private boolean send(Delivery delivery, String claimant, Instant claimedAt) {
		int attempt = delivery.attempts() + 1;
		DeliveryChannel channel = channels.get(delivery.channel());
		try {
			if (channel == null || !channel.active()) {
				throw new IllegalStateException("发送渠道 " + delivery.channel() + " 未配置");
			}
			channel.send(delivery.address(), delivery.title(), delivery.body(), delivery.link());
		}
		catch (Exception e) {
			String error = e.getClass().getSimpleName() + ": " + e.getMessage();
			if (attempt >= maxAttempts) {
				outbox.failed(delivery.id(), claimant, claimedAt, attempt, error);
				LOG.warn("Notification delivery {} ({}) failed for good after {} attempts: {}", delivery.id(),
						delivery.channel(), attempt, error);
			}
			else {
				outbox.retryLater(delivery.id(), claimant, claimedAt, attempt, Instant.now().plus(delay(attempt)),
						error);
				LOG.info("Notification delivery {} ({}) failed, attempt {} of {}: {}", delivery.id(),
						delivery.channel(), attempt, maxAttempts, error);
			}
			return false;
		}
		// Outside the catch: a message that went out is never recorded as a failed
		// attempt. Should recording fail, the claim runs out and the message is sent
		// again, as after a crash at this point.
		outbox.sent(delivery.id(), attempt, Instant.now());
		return true;
	}

	/**
	 * The wait after the {@code attempt}-th failure: the first retry's delay, doubled
	 * each time, capped.
	 */
	Duration delay(int attempt) {
		Duration delay = firstRetry;
		for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
	}

}
