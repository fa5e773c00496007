package cn.liaocheng.renewal.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node reads {@code calendar_exception} again every minute and takes a correction
 * an administrator made, so that deadlines counted from then on follow it without a
 * restart. One small table, read by key order.
 */
@Component
class CalendarReload {

	private static final Logger LOG = LoggerFactory.getLogger(CalendarReload.class);

	private final WorkingDays workingDays;

	CalendarReload(WorkingDays workingDays) {
		this.workingDays = workingDays;
	}

	@Scheduled(initialDelayString = "${renewal.calendar.reload-interval:PT1M}",
			fixedDelayString = "${renewal.calendar.reload-interval:PT1M}")
	void reload() {
		if (workingDays.reloadIfChanged()) {
			LOG.info(
					"Working-day calendar: calendar_exception was corrected; deadlines are counted on the corrected days from now on");
		}
	}

}
