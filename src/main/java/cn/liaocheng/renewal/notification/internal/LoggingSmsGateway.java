package cn.liaocheng.renewal.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.liaocheng.renewal.notification.SmsGateway;

/**
 * The built-in SMS gateway: writes each message to the log, the number masked, until a
 * real gateway is plugged in.
 */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String mobileNumber, String text) {
		LOG.info("SMS to {}: {}", masked(mobileNumber), text);
	}

	static String masked(String number) {
		return number.length() < 7 ? "***" : number.substring(0, 3) + "****" + number.substring(number.length() - 4);
	}

}
