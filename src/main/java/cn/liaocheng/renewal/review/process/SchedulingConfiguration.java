package cn.liaocheng.renewal.review.process;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the periodic jobs that are not engine timers (the notification outbox and the
 * correction reminders, each under the cluster lease); tests switch it off and call the
 * jobs directly. Overdue review tasks are not among them: that is a timer in each review
 * task of the models ({@code OverdueTaskListener}).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "renewal.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
