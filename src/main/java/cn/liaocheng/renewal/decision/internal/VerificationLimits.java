package cn.liaocheng.renewal.decision.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code renewal.verification.*}: how often strangers may have a file checked at
 * {@code POST /verify}. The check is open to anyone and each file costs a parse within
 * {@link SignatureCheck#LIMITS}; a daily limit per client network keeps one script from
 * making a node do that all day, while an office checking the decisions it was handed
 * stays well within it. Looking a code up ({@code GET /verify?code=}) costs a query and
 * is not limited. See docs/operations.md.
 *
 * @param uploadsPerAddress files one client network (an IPv4 address, an IPv6 address's
 * /64) may have checked a day, Beijing time
 */
@ConfigurationProperties("renewal.verification")
record VerificationLimits(@DefaultValue("50") int uploadsPerAddress) {

	VerificationLimits {
		if (uploadsPerAddress < 1) {
			throw new IllegalArgumentException("renewal.verification.uploads-per-address must be at least 1");
		}
	}

}
