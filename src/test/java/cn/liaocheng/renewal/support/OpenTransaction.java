package cn.liaocheng.renewal.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction kept open on a thread of its own between its first work and its commit,
 * to see what another transaction meets meanwhile: whether it waits for this one and what
 * it finds once this one has committed. {@link #begin} returns when the first work is
 * done; {@link #meanwhile} runs the other call on a second thread; {@link #commit} runs
 * the last work and commits. Closing it lets a transaction still open commit and stops
 * both threads.
 */
public final class OpenTransaction<T> implements AutoCloseable {

	private static final long SECONDS = 30;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	private final CountDownLatch firstDone = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final Future<T> transaction;

	private OpenTransaction(PlatformTransactionManager transactions, Runnable first, Supplier<T> last) {
		transaction = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
			try {
				first.run();
			}
			finally {
				firstDone.countDown();
			}
			try {
				release.await(SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return last.get();
		}));
	}

	/**
	 * Runs {@code first} in a new transaction and returns once it is done, the
	 * transaction still open; {@code last} runs in it at {@link #commit}.
	 */
	public static <T> OpenTransaction<T> begin(PlatformTransactionManager transactions, Runnable first,
			Supplier<T> last) {
		OpenTransaction<T> open = new OpenTransaction<>(transactions, first, last);
		try {
			if (!open.firstDone.await(SECONDS, TimeUnit.SECONDS)) {
				open.close();
				throw new IllegalStateException("The transaction's first work took over " + SECONDS + " s");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			open.close();
			throw new IllegalStateException(e);
		}
		if (open.transaction.isDone()) {
			// The first work failed: say how.
			open.result();
		}
		return open;
	}

	/**
	 * As {@link #begin(PlatformTransactionManager, Runnable, Supplier)}, nothing last.
	 */
	public static OpenTransaction<Void> begin(PlatformTransactionManager transactions, Runnable first) {
		return begin(transactions, first, () -> null);
	}

	/** Runs {@code call} on the second thread while this transaction is open. */
	public <U> Future<U> meanwhile(Callable<U> call) {
		return threads.submit(call);
	}

	/**
	 * Whether {@code other} is still running a second after this call: it waits for this
	 * transaction (or is slower than that).
	 */
	public static boolean stillWaiting(Future<?> other) throws InterruptedException {
		Thread.sleep(1_000);
		return !other.isDone();
	}

	/** Runs the last work, commits and answers what the last work answered. */
	public T commit() {
		release.countDown();
		return result();
	}

	/** What a call made {@link #meanwhile} answered, waiting for it. */
	public static <U> U outcome(Future<U> other) throws ExecutionException, InterruptedException, TimeoutException {
		return other.get(SECONDS, TimeUnit.SECONDS);
	}

	private T result() {
		try {
			return transaction.get(SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException | TimeoutException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		release.countDown();
		threads.shutdownNow();
	}

}
