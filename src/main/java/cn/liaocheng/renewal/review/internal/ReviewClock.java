package cn.liaocheng.renewal.review.internal;

import java.time.ZoneId;

/** The programme runs on Beijing time. */
final class ReviewClock {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private ReviewClock() {
	}

}
