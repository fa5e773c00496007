package cn.liaocheng.renewal.notification.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.enterprise.PasswordDelivery;
import cn.liaocheng.renewal.notification.SmsGateway;

/**
 * Temporary passwords by text message, sent at once rather than through the outbox (whose
 * rows keep the text): only through a real gateway, never the built-in one, which writes
 * each message to the log.
 */
@Component
class SmsPasswordDelivery implements PasswordDelivery {

	private final SmsChannel channel;

	private final SmsGateway gateway;

	SmsPasswordDelivery(SmsChannel channel, SmsGateway gateway) {
		this.channel = channel;
		this.gateway = gateway;
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
		try {
			gateway.send(number.get(), text);
		}
		catch (Exception e) {
			throw new DeliveryFailed(e);
		}
		return number.map(LoggingSmsGateway::masked);
	}

}
