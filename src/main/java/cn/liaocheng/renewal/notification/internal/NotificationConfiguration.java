package cn.liaocheng.renewal.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

import cn.liaocheng.renewal.notification.SmsGateway;

/**
 * The logging SMS gateway, unless the application defines a real one: a fallback bean, so
 * that a gateway bean of the deployment replaces it wherever its configuration is read (a
 * missing-bean condition on an ordinary configuration class depends on the order the
 * classes are read in, and would leave two gateways).
 */
@Configuration
class NotificationConfiguration {

	@Bean
	@Fallback
	SmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}

}
