package cn.liaocheng.renewal.enterprise;

import java.util.Optional;

/**
 * Delivers a temporary password straight to the enterprise's registered mobile number, so
 * that the county officer who reset it never reads it. Where no text-message gateway is
 * configured, nothing is delivered and the officer reads the password out once instead.
 */
public interface PasswordDelivery {

	/**
	 * Sends {@code text} to {@code contactPhone} when a real gateway is configured and
	 * the number is a mobile number: the number as shown to the officer (masked), or
	 * empty when nothing was sent.
	 * @throws DeliveryFailed when the gateway refused the message
	 */
	Optional<String> send(String contactPhone, String text);

	/** The gateway refused or could not be reached. */
	class DeliveryFailed extends RuntimeException {

		public DeliveryFailed(Throwable cause) {
			super("text message not sent", cause);
		}

	}

}
