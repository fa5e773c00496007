package cn.liaocheng.renewal.security.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * How long a login id waits on one network after failed logins there: 1, 2, 4, ...
 * seconds, at most {@code renewal.login.max-lock} (15 minutes), never for good. Failures
 * are forgotten a day after the last lock ended. When one id has failures from
 * {@code renewal.login.spray-limit} wide networks or more (IPv4 /24s, IPv6 /48s: a
 * spraying attack from many places), an account that has logged in before may be tried
 * only from the networks it logged in from; an account that never has, and an id without
 * one, stay as they are, so that an attack cannot shut a new account out everywhere.
 */
@Component
class LoginLockPolicy {

	static final Duration FORGET_AFTER = Duration.ofDays(1);

	/** How long a network an account logged in from stays one it may always try from. */
	static final Duration KNOWN_NETWORK_FOR = Duration.ofDays(180);

	private final long maxSeconds;

	private final int sprayLimit;

	LoginLockPolicy(@Value("${renewal.login.max-lock:15m}") Duration maxLock,
			@Value("${renewal.login.spray-limit:50}") int sprayLimit) {
		this.maxSeconds = Math.max(1, maxLock.toSeconds());
		this.sprayLimit = sprayLimit;
	}

	/** The end of the lock that the {@code failures}-th failure in a row, now, brings. */
	Instant lockAfter(int failures, Instant now) {
		double seconds = Math.pow(2, Math.min(62, Math.max(0, failures - 1)));
		return now.plusSeconds((long) Math.min(seconds, maxSeconds));
	}

	/**
	 * Whether an id's failures come from so many wide networks that it is under attack.
	 */
	boolean sprayed(long wideNetworksFailing) {
		return wideNetworksFailing >= sprayLimit;
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

	/**
	 * The refusal to a new network while an account that has logged in before is under
	 * attack.
	 */
	static LockedException sprayed() {
		return new LockedException("该账户近期在多处网络登录失败过多，为保护账户，暂时只能从以前成功登录过的网络登录；" + "请在常用办公网络登录，或联系系统管理员解除锁定");
	}

}
