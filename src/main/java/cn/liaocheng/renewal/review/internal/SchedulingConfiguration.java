package cn.liaocheng.renewal.review.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the periodic checks (overdue tasks); tests switch it off and call the checks directly. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "renewal.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
