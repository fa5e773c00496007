package cn.liaocheng.renewal.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction kept open on a thread of its own between its first work and its commit,
 * to see what another transaction meets meanwhile: whether it waits for this one and what
 * it finds once this one has committed. {@link #begin} returns when the first work is
 * done; {@link #meanwhile} runs the other call on a second thread; {@link #commit} runs
 * the last work and commits. Closing it lets a transaction still open commit and stops
 * both threads. {@link #stillWaiting} tells whether the other call waits for this
 * transaction, from the database's own record of which session blocks which (H2's
 * {@code INFORMATION_SCHEMA.SESSIONS}, PostgreSQL's {@code pg_blocking_pids}).
 */
public final class OpenTransaction<T> implements AutoCloseable {

	private static final long SECONDS = 30;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	private final CountDownLatch firstDone = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final Future<T> transaction;

	/** The thread each call made {@link #meanwhile} runs on, once it runs. */
	private final Map<Future<?>, AtomicReference<Thread>> runners = new ConcurrentHashMap<>();

	/** The database the transaction works on, where its manager says. */
	private final DataSource database;

	/**
	 * The database's number for this transaction's session, once its first work is done.
	 */
	private volatile Session session;

	private OpenTransaction(PlatformTransactionManager transactions, Runnable first, Supplier<T> last) {
		database = transactions instanceof ResourceTransactionManager resources
				&& resources.getResourceFactory() instanceof DataSource dataSource ? dataSource : null;
		transaction = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
			try {
				first.run();
				session = Session.of(database);
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
		AtomicReference<Thread> runner = new AtomicReference<>();
		Future<U> other = threads.submit(() -> {
			runner.set(Thread.currentThread());
			return call.call();
		});
		runners.put(other, runner);
		return other;
	}

	/**
	 * Whether {@code other} (a call made {@link #meanwhile}) waits for this transaction:
	 * true as soon as the database shows a session blocked by this one while
	 * {@code other}'s thread is inside the database driver (so that a job the open
	 * transaction happens to block does not answer for it), false as soon as
	 * {@code other} is done. A wait the database does not show (a lock in the
	 * application), or one on another thread (a call that sends an HTTP request waits in
	 * the server's thread, not its own), is taken from {@code other} still running a
	 * second after this call.
	 */
	public boolean stillWaiting(Future<?> other) throws InterruptedException {
		AtomicReference<Thread> runner = runners.get(other);
		long end = System.nanoTime() + 1_000_000_000L;
		while (System.nanoTime() < end) {
			if (other.isDone()) {
				return false;
			}
			if (runner != null && inDriver(runner.get()) && session != null && session.blocksAnother(database)
					&& !other.isDone()) {
				return true;
			}
			Thread.sleep(20);
		}
		return !other.isDone();
	}

	private static boolean inDriver(Thread thread) {
		if (thread == null) {
			return false;
		}
		for (StackTraceElement frame : thread.getStackTrace()) {
			if (frame.getClassName().startsWith("org.h2.") || frame.getClassName().startsWith("org.postgresql.")) {
				return true;
			}
		}
		return false;
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

	/** A database session: its number, and the query for the sessions it blocks. */
	private record Session(long id, String blockedBy) {

		private static final String H2 = "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?";

		private static final String POSTGRES = "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))";

		/**
		 * The session of the transaction open on this thread, or null for a database of
		 * another kind.
		 */
		static Session of(DataSource database) {
			if (database == null) {
				return null;
			}
			Connection connection = DataSourceUtils.getConnection(database);
			try {
				String product = connection.getMetaData().getDatabaseProductName();
				String[] queries = switch (product) {
					case "H2" -> new String[] { "SELECT SESSION_ID()", H2 };
					case "PostgreSQL" -> new String[] { "SELECT pg_backend_pid()", POSTGRES };
					default -> null;
				};
				if (queries == null) {
					return null;
				}
				try (PreparedStatement statement = connection.prepareStatement(queries[0]);
						ResultSet row = statement.executeQuery()) {
					row.next();
					return new Session(row.getLong(1), queries[1]);
				}
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, database);
			}
		}

		/**
		 * Whether another session now waits for a lock this one holds (asked on a
		 * connection of its own); false when the database cannot be asked, so that the
		 * caller falls back to its second.
		 */
		boolean blocksAnother(DataSource database) {
			try (Connection connection = database.getConnection();
					PreparedStatement statement = connection.prepareStatement(blockedBy)) {
				statement.setLong(1, id);
				try (ResultSet row = statement.executeQuery()) {
					return row.next() && row.getLong(1) > 0;
				}
			}
			catch (SQLException e) {
				return false;
			}
		}

	}

}
