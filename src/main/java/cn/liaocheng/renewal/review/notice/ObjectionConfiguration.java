package cn.liaocheng.renewal.review.notice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObjectionLimits.class)
class ObjectionConfiguration {

}
