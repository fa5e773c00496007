package cn.liaocheng.renewal.security.internal;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * How long a login id waits after failed logins: Camunda's own formula (factor ×
 * base^(failures − 1) seconds, at most the maximum), read from the engine's
 * configuration, so that accounts (throttled by Camunda in {@code ACT_ID_USER}) and ids
 * without an account ({@link UnknownLogins}) wait exactly alike. No number of failures
 * locks for good ({@code loginMaxAttempts} is set out of reach); failures are forgotten a
 * day after the last lock ended, for accounts and unknown ids alike.
 */
@Component
class LoginLockPolicy {

	static final Duration FORGET_AFTER = Duration.ofDays(1);

	private final int factor;

	private final int base;

	private final int maxSeconds;

	LoginLockPolicy(ProcessEngineConfigurationImpl engine) {
		this.factor = engine.getLoginDelayFactor();
		this.base = engine.getLoginDelayBase();
		this.maxSeconds = engine.getLoginDelayMaxTime();
	}

	/** The end of the lock that the {@code failures}-th failure in a row, now, brings. */
	Instant lockAfter(int failures, Instant now) {
		double seconds = factor * Math.pow(base, Math.max(0, failures - 1));
		return now.plusSeconds((long) Math.min(seconds, maxSeconds));
	}

	/** Whether failures whose last lock ended at {@code lockEnded} no longer count. */
	static boolean forgotten(Instant lockEnded, Instant now) {
		return lockEnded.plus(FORGET_AFTER).isBefore(now);
	}

	/** The refusal during a lock: the same words whether or not the id has an account. */
	static LockedException locked(Instant until, Instant now) {
		long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
		return new LockedException("账户因连续登录失败已被暂时锁定，请在 " + seconds + " 秒后重试");
	}

}
