package cn.liaocheng.renewal.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many decisions of one body issued at once while another transaction holds the body's
 * 2026 counter row, longer than H2's default row-lock wait of one second: every issuer
 * has to wait for the row in the database, and the numbers must still come out
 * consecutive, in the order the decisions were made, without gaps or duplicates.
 */
final class NumberingRace {

	private final Decisions decisions;

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	NumberingRace(Decisions decisions, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The counter's value when the race began, the decisions issued, and how many
	 * decisions of the body other transactions committed while the row was held (none,
	 * rightly).
	 */
	record Outcome(int before, List<IssuedDecision> issued, int issuedWhileHeld) {
	}

	/**
	 * Subsidy allocations of {@code count} new applications by {@code body}, all started
	 * while the row is held.
	 */
	Outcome issueAtOnce(String body, int count, Duration hold) throws Exception {
		// The year's counter row exists after the body's first decision.
		decisions.issue(SampleDecisions.subsidyAllocated(SampleDecisions.newApplicationId(), body));
		ExecutorService pool = Executors.newFixedThreadPool(count + 1);
		try {
			CountDownLatch held = new CountDownLatch(1);
			AtomicInteger before = new AtomicInteger();
			AtomicInteger issuedWhileHeld = new AtomicInteger(-1);
			Future<?> holder = pool.submit(() -> own.executeWithoutResult(status -> {
				before.set(jdbc.sql(
						"SELECT last_value FROM decision_counter WHERE body_key = ? AND counter_year = 2026 FOR UPDATE")
					.param(body)
					.query(Integer.class)
					.single());
				int committed = issued(body);
				held.countDown();
				sleep(hold);
				issuedWhileHeld.set(issued(body) - committed);
			}));
			held.await();
			List<Future<IssuedDecision>> issues = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				long application = SampleDecisions.newApplicationId();
				issues.add(pool.submit(() -> decisions.issue(SampleDecisions.subsidyAllocated(application, body))));
			}
			holder.get();
			List<IssuedDecision> issued = new ArrayList<>();
			for (Future<IssuedDecision> f : issues) {
				issued.add(f.get());
			}
			return new Outcome(before.get(), issued, issuedWhileHeld.get());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The body's 2026 serial numbers after {@code after}, in the order the decisions were
	 * made.
	 */
	List<Integer> serialsInIssueOrder(String body, int after) {
		return jdbc
			.sql("SELECT serial_no FROM decision WHERE body_key = ? AND decision_year = 2026 AND serial_no > ?"
					+ " ORDER BY id")
			.params(body, after)
			.query(Integer.class)
			.list();
	}

	/**
	 * The decisions of the outcome whose signed document does not show the number
	 * recorded for it (none, rightly: a document rendered with a predicted number that
	 * was not the one given is rendered again).
	 */
	List<String> documentsWithoutTheirNumber(Outcome outcome) throws Exception {
		List<String> wrong = new ArrayList<>();
		for (IssuedDecision issued : outcome.issued()) {
			try (PDDocument document = Loader.loadPDF(decisions.pdf(issued.id()))) {
				String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
				if (!text.contains(issued.number())) {
					wrong.add(issued.number());
				}
			}
		}
		return wrong;
	}

	int counter(String body) {
		return jdbc.sql("SELECT last_value FROM decision_counter WHERE body_key = ? AND counter_year = 2026")
			.param(body)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private int issued(String body) {
		return jdbc.sql("SELECT COUNT(*) FROM decision WHERE body_key = ? AND decision_year = 2026")
			.param(body)
			.query(Integer.class)
			.single();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
