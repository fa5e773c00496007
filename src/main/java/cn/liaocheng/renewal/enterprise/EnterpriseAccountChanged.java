package cn.liaocheng.renewal.enterprise;

import java.time.Instant;

/**
 * An enterprise's account was disabled (it may look but not submit) or restored after
 * being disabled, by a county body or an administrator ({@code body}: who, in words).
 * Published in the transaction that changes the account.
 *
 * @param disabledSince for a restoration, when the account had been disabled; null for a
 * disabling
 */
public record EnterpriseAccountChanged(String userId, String enterpriseName, boolean disabled, String body, Instant at,
		String reason, Instant disabledSince) {
}
