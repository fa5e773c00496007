package cn.liaocheng.renewal.decision.internal;

import java.time.Duration;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers such as 聊工信审〔2026〕17号, consecutive per body and year. The issuing
 * transaction locks the body's counter row before it takes a number and holds it until it
 * commits, so numbers have no gaps even when a transaction rolls back; the row itself is
 * created beforehand, on its own, so that two first issues of a year do not both try to
 * insert it. Other issuers of the body, on this node or another, wait for the row in the
 * database (PostgreSQL without limit, H2 for the {@code LOCK_TIMEOUT} of its URL); a
 * deadlock victim's job is run again by the engine.
 *
 * <p>
 * So that an issue need not render and sign while it holds the row, it first
 * {@linkplain #guess guesses} its number, renders and signs with it, and then
 * {@linkplain #lock(String, int, int) locks} the row: issues of one body on this node
 * that guessed ask for the row in the order of their guesses, so that the guesses come
 * true when several are issued at once. The number an issue gets is always the one read
 * under the lock; a wrong guess (an issue on another node, a rollback) only means
 * rendering again.
 */
@Component
class DocumentNumbers {

	/**
	 * The longest an issue waits for the issues that guessed before it on this node
	 * before it asks for the row anyway (its guess is then likely wrong, and it renders
	 * again under the lock).
	 */
	static final Duration LONGEST_TURN = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	/**
	 * Per body and year, the guesses of issues on this node whose transaction is open.
	 */
	private final ConcurrentMap<String, Guesses> guessing = new ConcurrentHashMap<>();

	DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Creates the counter row for the year unless it exists; a concurrent creator simply
	 * wins.
	 */
	void prepare(String body, int year) {
		if (counterExists(body, year)) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO decision_counter (body_key, counter_year, last_value) VALUES (?, ?, 0)")
				.params(body, year)
				.update());
		}
		catch (DuplicateKeyException e) {
			// Another thread or node created it between our look and our insert: that is
			// all we wanted.
		}
	}

	/**
	 * The serial this transaction's issue will most likely get, read without a lock: one
	 * after the last one committed and after every guess of an issue of the body on this
	 * node whose transaction is still open. A transaction that holds the row already (its
	 * second decision of the body) reads the number it will get. Only a guess: an issue
	 * on another node or a rollback makes it wrong, and the caller compares it with what
	 * {@link #lock(String, int, int)} answers.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int guess(String body, int year) {
		int last = jdbc.sql("SELECT last_value FROM decision_counter WHERE body_key = ? AND counter_year = ?")
			.params(body, year)
			.query(Integer.class)
			.optional()
			.orElse(0);
		if (TransactionSynchronizationManager.hasResource(held(body, year))) {
			return last + 1;
		}
		Guesses guesses = guessing.computeIfAbsent(body + " " + year, key -> new Guesses());
		int guess = guesses.add(last);
		whenTransactionEnds(() -> guesses.remove(guess));
		return guess;
	}

	/**
	 * Waits until the issues of the body on this node that guessed lower numbers have
	 * ended (at most {@link #LONGEST_TURN}), then locks the counter until the transaction
	 * ends; returns the last number given.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int lock(String body, int year, int guess) {
		Guesses guesses = guessing.get(body + " " + year);
		if (guesses != null && !TransactionSynchronizationManager.hasResource(held(body, year))) {
			guesses.awaitTurn(guess, LONGEST_TURN);
		}
		return lock(body, year);
	}

	/** Locks the counter until the transaction ends; returns the last number given. */
	@Transactional(propagation = Propagation.MANDATORY)
	int lock(String body, int year) {
		int last = jdbc
			.sql("SELECT last_value FROM decision_counter WHERE body_key = ? AND counter_year = ? FOR UPDATE")
			.params(body, year)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("counter of " + body + " " + year + " was not prepared"));
		Held held = held(body, year);
		if (!TransactionSynchronizationManager.hasResource(held)) {
			TransactionSynchronizationManager.bindResource(held, Boolean.TRUE);
			whenTransactionEnds(() -> TransactionSynchronizationManager.unbindResourceIfPossible(held));
		}
		return last;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void advance(String body, int year, int serial) {
		jdbc.sql("UPDATE decision_counter SET last_value = ? WHERE body_key = ? AND counter_year = ?")
			.params(serial, body, year)
			.update();
	}

	static String format(String prefix, int year, int serial) {
		return prefix + "〔" + year + "〕" + serial + "号";
	}

	private boolean counterExists(String body, int year) {
		return jdbc.sql("SELECT COUNT(*) FROM decision_counter WHERE body_key = ? AND counter_year = ?")
			.params(body, year)
			.query(Integer.class)
			.single() > 0;
	}

	/** Runs {@code then} once the current transaction has ended, committed or not. */
	private static void whenTransactionEnds(Runnable then) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				then.run();
			}
		});
	}

	/** The mark of a transaction that holds the body's counter row for the year. */
	private static Held held(String body, int year) {
		return new Held(body, year);
	}

	private record Held(String body, int year) {
	}

	/** The open guesses of one body and year on this node. */
	private static final class Guesses {

		private final NavigableSet<Integer> open = new TreeSet<>();

		synchronized int add(int last) {
			int guess = Math.max(last, open.isEmpty() ? 0 : open.last()) + 1;
			open.add(guess);
			return guess;
		}

		synchronized void remove(int guess) {
			open.remove(guess);
			notifyAll();
		}

		synchronized void awaitTurn(int guess, Duration longest) {
			long end = System.nanoTime() + longest.toNanos();
			while (!open.headSet(guess, false).isEmpty()) {
				long left = end - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

	}

}
