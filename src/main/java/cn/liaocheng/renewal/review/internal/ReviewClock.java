package cn.liaocheng.renewal.review.internal;

import java.time.ZoneId;

import cn.liaocheng.renewal.calendar.ChinaTime;

/** The programme runs on Beijing time. */
final class ReviewClock {

	static final ZoneId CHINA = ChinaTime.ZONE;

	private ReviewClock() {
	}

}
