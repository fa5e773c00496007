package cn.liaocheng.renewal.notification;

/**
 * Sends a text message; a bean of this type replaces the built-in gateway, which only
 * writes the message to the log. Throwing makes the outbox try again later.
 */
public interface SmsGateway {

	void send(String mobileNumber, String text) throws Exception;

}
