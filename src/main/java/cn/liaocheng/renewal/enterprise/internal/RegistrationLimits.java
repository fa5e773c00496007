package cn.liaocheng.renewal.enterprise.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code renewal.registration.*}: how often strangers may try to register. Registration
 * is open to anyone, and each attempt that passes the checks costs a password hash and
 * creates an account, while a refused one tells whether a login id or a credit code is
 * taken; a daily limit per client network keeps a script from filling the county's
 * activation list or probing ids, while an office registering several enterprises, with a
 * few corrections each, stays well within it. See docs/operations.md.
 *
 * @param attemptsPerAddress registration attempts (successful or refused) one client
 * network (an IPv4 address, an IPv6 address's /64) may make a day, Beijing time
 */
@ConfigurationProperties("renewal.registration")
record RegistrationLimits(@DefaultValue("50") int attemptsPerAddress) {

	RegistrationLimits {
		if (attemptsPerAddress < 1) {
			throw new IllegalArgumentException("renewal.registration.attempts-per-address must be at least 1");
		}
	}

}
