package cn.liaocheng.renewal.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notification for one recipient: the message-centre row, and an outbox row for
 * each active channel that can reach the recipient. Runs in the transaction of the event,
 * so the notification exists exactly when the event happened; nothing is sent here.
 */
@Component
class Notifier {

	private final Inbox inbox;

	private final Outbox outbox;

	private final Recipients recipients;

	private final List<DeliveryChannel> channels;

	Notifier(Inbox inbox, Outbox outbox, Recipients recipients, List<DeliveryChannel> channels) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.recipients = recipients;
		this.channels = channels;
	}

	/**
	 * Notifies {@code userId}; false when a notification with the same {@code dedupKey}
	 * exists already.
	 */
	@Transactional
	boolean notify(String userId, Note note) {
		Instant now = Instant.now();
		Optional<Long> id = inbox.add(userId, note.kind(), note.title(), note.body(), note.link(), note.applicationId(),
				note.dedupKey(), now);
		if (id.isEmpty()) {
			return false;
		}
		List<DeliveryChannel> active = channels.stream().filter(DeliveryChannel::active).toList();
		if (!active.isEmpty()) {
			Recipient recipient = recipients.of(userId);
			for (DeliveryChannel channel : active) {
				channel.addressOf(recipient).ifPresent(address -> outbox.add(id.get(), channel.name(), address, now));
			}
		}
		return true;
	}

	/** What to tell; {@code dedupKey} null unless the same event may be seen twice. */
	record Note(NotificationKind kind, String title, String body, String link, Long applicationId, String dedupKey) {
	}

}
