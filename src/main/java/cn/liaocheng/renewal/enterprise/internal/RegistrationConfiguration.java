package cn.liaocheng.renewal.enterprise.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationLimits.class)
class RegistrationConfiguration {

}
