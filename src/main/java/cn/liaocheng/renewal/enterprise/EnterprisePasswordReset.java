package cn.liaocheng.renewal.enterprise;

import java.time.Instant;

/**
 * Published in the resetting transaction when a county industry bureau gives an
 * enterprise's account a temporary password. It never carries the password.
 *
 * @param resetBy the officer who reset it
 * @param resettingBody the bureau, as the enterprise is told
 * @param expiresAt when the temporary password stops letting the account in
 * @param textedTo the mobile number (masked) the system texted the password to, or
 * {@code null} when the officer was shown it to tell the enterprise in person or by phone
 */
public record EnterprisePasswordReset(long enterpriseId, String userId, String enterpriseName, String resetBy,
		String resettingBody, Instant resetAt, Instant expiresAt, String textedTo) {
}
