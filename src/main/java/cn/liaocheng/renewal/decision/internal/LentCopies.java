package cn.liaocheng.renewal.decision.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A few copies of something costly to make, each lent to one user at a time: at most
 * {@code most} are made; when all are lent, a borrower waits for one to come back, and
 * makes one of its own only after {@code longestWait} (a copy never given back must not
 * stop issuing). A copy given back when the pool is full (such an extra one) is not kept.
 */
final class LentCopies<T> {

	private final int most;

	private final Supplier<T> make;

	private final Duration longestWait;

	private final BlockingQueue<T> idle;

	/** Copies made for the pool so far (at most {@link #most}). */
	private final AtomicInteger made = new AtomicInteger();

	LentCopies(int most, Supplier<T> make, Duration longestWait) {
		this.most = most;
		this.make = make;
		this.longestWait = longestWait;
		this.idle = new ArrayBlockingQueue<>(most);
	}

	T borrow() {
		T copy = idle.poll();
		if (copy != null) {
			return copy;
		}
		if (made.getAndUpdate(n -> n < most ? n + 1 : n) < most) {
			return make.get();
		}
		try {
			copy = idle.poll(longestWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return copy != null ? copy : make.get();
	}

	/**
	 * Takes a copy back; {@code false} if the pool is full and the caller should discard
	 * it.
	 */
	boolean giveBack(T copy) {
		return idle.offer(copy);
	}

}
