package cn.liaocheng.renewal.notification.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.liaocheng.renewal.notification.SmsGateway;

/** The logging SMS gateway, unless the application defines a real one. */
@Configuration
class NotificationConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}

}
