package cn.liaocheng.renewal.notification.internal;

import java.util.Optional;

/**
 * A way out of the system for notifications (e-mail, SMS); the message centre itself
 * needs none.
 */
interface DeliveryChannel {

	/** The outbox's name of the channel: {@code EMAIL}, {@code SMS}. */
	String name();

	/**
	 * Whether the channel is configured; notifications are queued only for active
	 * channels.
	 */
	boolean active();

	/** Where this channel reaches the recipient, if it does. */
	Optional<String> addressOf(Recipient recipient);

	/**
	 * Sends one notification; an exception leaves it in the outbox for another attempt.
	 */
	void send(String address, String title, String body, String link) throws Exception;

}
