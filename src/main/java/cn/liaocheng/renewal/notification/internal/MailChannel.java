package cn.liaocheng.renewal.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, active when {@code spring.mail.host} is configured (Spring Boot then
 * provides the sender). The address is the one kept on the user's account; the demo
 * accounts' {@code .invalid} addresses (RFC 2606) are never written to.
 */
@Component
class MailChannel implements DeliveryChannel {

	static final String NAME = "EMAIL";

	static final String SUBJECT_PREFIX = "【聊城市设备更新审批】";

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final String baseUrl;

	MailChannel(ObjectProvider<JavaMailSender> sender, @Value("${renewal.notification.mail.from}") String from,
			@Value("${renewal.public-base-url}") String baseUrl) {
		this.sender = sender;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean active() {
		return sender.getIfAvailable() != null;
	}

	@Override
	public Optional<String> addressOf(Recipient recipient) {
		String email = recipient.email() == null ? "" : recipient.email().strip();
		int at = email.indexOf('@');
		if (at < 1 || at == email.length() - 1 || email.toLowerCase().endsWith(".invalid")) {
			return Optional.empty();
		}
		return Optional.of(email);
	}

	@Override
	public void send(String address, String title, String body, String link) throws Exception {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			throw new IllegalStateException("未配置邮件服务器（spring.mail.host）");
		}
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(address);
		helper.setSubject(SUBJECT_PREFIX + title);
		helper.setText(text(title, body, link), false);
		mail.send(message);
	}

	String text(String title, String body, String link) {
		StringBuilder text = new StringBuilder(title).append("\n\n").append(body).append("\n\n");
		if (link != null) {
			text.append("查看详情：").append(baseUrl).append(link).append("\n");
		}
		text.append("您也可以登录聊城市工业领域设备更新审批系统，在“消息中心”查看全部消息。\n本邮件由系统自动发送，请勿回复。\n");
		return text.toString();
	}

}
