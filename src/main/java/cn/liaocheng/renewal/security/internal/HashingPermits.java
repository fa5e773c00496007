package cn.liaocheng.renewal.security.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most a few password checks at once on this node, one per core unless
 * {@code renewal.login.concurrent-hashes} says otherwise. Each Argon2 check (a real one
 * or the decoy of an id without an account) takes 16 MiB and a core for tens of
 * milliseconds: unbounded, a flood of logins filled the heap and, since the check runs in
 * the engine's transaction, held every pooled connection. The login doors take their
 * permit before the engine's transaction begins, so a check waiting here holds neither.
 * One that finds no permit within {@code renewal.login.hashing-wait} is refused as busy
 * ({@link PasswordCheckRefusal#busy}). A thread that holds a permit takes none again: the
 * door's permit covers the engine's check inside it ({@link PasswordChecks}).
 */
@Component
class HashingPermits {

	private static final Logger LOG = LoggerFactory.getLogger(HashingPermits.class);

	/**
	 * A flood refuses thousands of checks a minute; one warning per this many says so.
	 */
	private static final long WARN_EVERY_MILLIS = 10_000;

	private final ThreadLocal<Boolean> held = new ThreadLocal<>();

	private final Semaphore permits;

	private final int size;

	private final long waitMillis;

	private final AtomicLong lastWarning = new AtomicLong();

	HashingPermits(@Value("${renewal.login.concurrent-hashes:0}") int concurrentHashes,
			@Value("${renewal.login.hashing-wait:3s}") Duration wait) {
		this.size = concurrentHashes > 0 ? concurrentHashes : Runtime.getRuntime().availableProcessors();
		this.permits = new Semaphore(size, true);
		this.waitMillis = Math.max(0, wait.toMillis());
	}

	/**
	 * The check's result, run with a permit; refused as busy if none came in time.
	 */
	<T> T withPermit(Supplier<T> check) {
		if (held.get() != null) {
			return check.get();
		}
		if (!acquire()) {
			long now = System.currentTimeMillis();
			long last = lastWarning.get();
			if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
				LOG.warn("Password checks refused as busy: {} running on this node, none ended within {} ms", size,
						waitMillis);
			}
			throw PasswordCheckRefusal.busy();
		}
		held.set(Boolean.TRUE);
		try {
			return check.get();
		}
		finally {
			held.remove();
			permits.release();
		}
	}

	private boolean acquire() {
		try {
			return permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
