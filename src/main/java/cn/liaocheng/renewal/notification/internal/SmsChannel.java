package cn.liaocheng.renewal.notification.internal;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.enterprise.PhoneNumber;
import cn.liaocheng.renewal.notification.SmsGateway;

/**
 * Text messages to an enterprise's contact mobile number, through the {@link SmsGateway}.
 * A message carries only the title, with the deadline where there is one, and the
 * system's address: reasons and amounts stay behind the login.
 */
@Component
class SmsChannel implements DeliveryChannel {

	static final String NAME = "SMS";

	private final SmsGateway gateway;

	private final boolean enabled;

	private final String address;

	SmsChannel(SmsGateway gateway, @Value("${renewal.notification.sms.enabled:false}") boolean enabled,
			@Value("${renewal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.gateway = gateway;
		this.enabled = enabled;
		this.address = publicBaseUrl.replaceAll("/+$", "");
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean active() {
		return enabled;
	}

	@Override
	public Optional<String> addressOf(Recipient recipient) {
		return mobile(recipient.mobile());
	}

	/** The number as a text message is sent to, when it is a mobile number. */
	static Optional<String> mobile(String phone) {
		String number = phone == null ? "" : phone.replaceAll("[\\s-]", "");
		if (number.startsWith("+86")) {
			number = number.substring(3);
		}
		return PhoneNumber.isMobile(number) ? Optional.of(number) : Optional.empty();
	}

	@Override
	public void send(String address, String title, String body, String link) throws Exception {
		gateway.send(address, MailChannel.SUBJECT_PREFIX + title + "。详情请登录聊城市工业领域设备更新审批系统（" + this.address + "）查看。");
	}

}
