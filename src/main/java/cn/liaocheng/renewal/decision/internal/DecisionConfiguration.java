package cn.liaocheng.renewal.decision.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SigningProperties.class, VerificationLimits.class })
class DecisionConfiguration {

}
