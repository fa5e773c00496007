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
		Optional<Long> id = inbox.add(userId, note, now);
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

	/**
	 * What to tell; {@code dedupKey} null unless the same event may be seen twice;
	 * {@code taskId} the engine task the note is about and links to, whose end marks the
	 * note done ({@link TaskEndings}), null for a note about no task.
	 */
	record Note(NotificationKind kind, String title, String body, String link, Long applicationId, String dedupKey,
			String taskId) {

		Note(NotificationKind kind, String title, String body, String link, Long applicationId, String dedupKey) {
			this(kind, title, body, link, applicationId, dedupKey, null);
		}

		/** A note about a task, linking to it in Tasklist. */
		static Note aboutTask(NotificationKind kind, String title, String body, String taskId, Long applicationId,
				String dedupKey) {
			return new Note(kind, title, body, taskLink(taskId), applicationId, dedupKey, taskId);
		}

		static String taskLink(String taskId) {
			return "/camunda/app/tasklist/default/#/?task=" + taskId;
		}

	}

}
