package cn.liaocheng.renewal.review.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObjectionLimits.class)
class ObjectionConfiguration {

}
