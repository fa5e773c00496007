package cn.liaocheng.renewal.notification.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.enterprise.PasswordDelivery;
import cn.liaocheng.renewal.notification.SmsGateway;

/**
 * Temporary passwords by text message, sent at once rather than through the outbox (whose
 * rows keep the text): only through a real gateway, never the built-in one, which writes
 * each message to the log.
 *
 * <p>
 * The reset waits for the gateway inside its transaction, holding the enterprise's row,
 * so that a message the gateway refuses leaves the password as it was. The wait is
 * bounded ({@code renewal.notification.sms.confirm-within}, 10 seconds unless
 * configured): a gateway that does not answer in time counts as a refusal, and the row
 * and the database connection are let go instead of being held for as long as the
 * operator's gateway hangs. A message that still arrives later carries a password that
 * was never set (the refusal says so). At most {@link #AT_ONCE} messages wait at once on
 * a node; one more is refused as a gateway that did not confirm. The gateway is called on
 * a thread of this class's own, outside the reset's transaction.
 */
@Component
class SmsPasswordDelivery implements PasswordDelivery, DisposableBean {

	static final int AT_ONCE = 4;

	private final SmsChannel channel;

	private final SmsGateway gateway;

	private final Duration confirmWithin;

	private final ThreadPoolExecutor senders;

	SmsPasswordDelivery(SmsChannel channel, SmsGateway gateway,
			@Value("${renewal.notification.sms.confirm-within:10s}") Duration confirmWithin) {
		this.channel = channel;
		this.gateway = gateway;
		if (confirmWithin.isZero() || confirmWithin.isNegative()) {
			throw new IllegalArgumentException(
					"renewal.notification.sms.confirm-within must be longer than zero: " + confirmWithin);
		}
		this.confirmWithin = confirmWithin;
		AtomicInteger count = new AtomicInteger();
		this.senders = new ThreadPoolExecutor(0, AT_ONCE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
			Thread thread = new Thread(task, "sms-password-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Optional<String> send(String contactPhone, String text) {
		if (!channel.active() || gateway instanceof LoggingSmsGateway) {
			return Optional.empty();
		}
		Optional<String> number = SmsChannel.mobile(contactPhone);
		if (number.isEmpty()) {
			return Optional.empty();
		}
		Future<?> sent;
		try {
			sent = senders.submit(() -> {
				gateway.send(number.get(), text);
				return null;
			});
		}
		catch (RejectedExecutionException busy) {
			throw new DeliveryFailed(busy);
		}
		try {
			sent.get(confirmWithin.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException e) {
			throw new DeliveryFailed(e.getCause());
		}
		catch (TimeoutException e) {
			sent.cancel(true);
			throw new DeliveryFailed(e);
		}
		catch (InterruptedException e) {
			sent.cancel(true);
			Thread.currentThread().interrupt();
			throw new DeliveryFailed(e);
		}
		return number.map(LoggingSmsGateway::masked);
	}

	@Override
	public void destroy() {
		senders.shutdownNow();
	}

}
