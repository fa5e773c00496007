package cn.liaocheng.renewal.review.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code renewal.objections.*}: how many objections the public notice board accepts a day
 * (Beijing time). Three a day per phone number and notice leave room for a real
 * objector's additions; twenty a day per client address leave room for an office or a
 * village behind one address objecting to several notices, while a script cannot fill a
 * lead body's task with thousands. See docs/operations.md.
 *
 * @param perPhonePerNotice objections one phone number (whatever its extension) may file
 * against one notice a day
 * @param perAddress objections one client address (an IPv6 address's whole /64) may file
 * a day, against all notices together
 */
@ConfigurationProperties("renewal.objections")
record ObjectionLimits(@DefaultValue("3") int perPhonePerNotice, @DefaultValue("20") int perAddress) {

	ObjectionLimits {
		if (perPhonePerNotice < 1 || perAddress < 1) {
			throw new IllegalArgumentException("renewal.objections limits must be at least 1");
		}
	}

}
