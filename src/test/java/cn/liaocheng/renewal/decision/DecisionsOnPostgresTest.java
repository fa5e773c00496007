package cn.liaocheng.renewal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.support.PostgresContext;

/**
 * Numbering and idempotency on the production database, where row locks and unique
 * violations behave for real.
 */
@PostgresContext
class DecisionsOnPostgresTest {

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void fiftyDecisionsIssuedAtOnceForOneBodyWaitForItsCounterAndGetFiftyConsecutiveNumbersInOrder() throws Exception {
		NumberingRace race = new NumberingRace(decisions, jdbc, transactions);

		// The body's first decisions of the year: in the shared context no other class
		// issues decisions of "science" (聊科审).
		NumberingRace.Outcome outcome = race.issueAtOnce("science", 50, Duration.ofSeconds(2));

		List<Integer> expected = IntStream.rangeClosed(2, 51).boxed().toList();
		assertThat(outcome.before()).isEqualTo(1);
		assertThat(outcome.issuedWhileHeld()).isZero();
		assertThat(outcome.issued()).extracting(IssuedDecision::number)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(n -> "聊科审〔2026〕" + n + "号").toList());
		assertThat(race.serialsInIssueOrder("science", 1)).containsExactlyElementsOf(expected);
		assertThat(race.counter("science")).isEqualTo(51);
		assertThat(race.documentsWithoutTheirNumber(outcome)).isEmpty();
	}

	@Test
	void concurrentPaymentNoticesOfOnePeriodMakeOneAndAnotherPeriodItsOwn() throws Exception {
		long application = SampleDecisions.newApplicationId();
		List<Callable<IssuedDecision>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String period = i % 2 == 0 ? "2026-03" : "2026-04";
			calls.add(() -> decisions.issue(SampleDecisions.interestPayment(application, period, "2000.00")));
		}

		List<IssuedDecision> issued = runTogether(calls);

		assertThat(issued.stream().map(IssuedDecision::id).distinct()).hasSize(2);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM decision WHERE application_id = ? AND stage = 'INTEREST_SUBSIDY_PAYMENT'")
			.param(application)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void concurrentAndRepeatedCallsForOneApplicationMakeOneSignedDecision() throws Exception {
		long application = SampleDecisions.newApplicationId();
		List<Callable<IssuedDecision>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			calls.add(() -> decisions.issue(SampleDecisions.projectAccepted(application)));
		}

		List<IssuedDecision> issued = runTogether(calls);
		IssuedDecision again = decisions.issue(SampleDecisions.projectAccepted(application));

		assertThat(issued).extracting(IssuedDecision::id).containsOnly(again.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM decision WHERE application_id = ?")
			.param(application)
			.query(Integer.class)
			.single()).isEqualTo(1);
		byte[] pdf = decisions.pdf(again.id());
		String report = Poppler.run("pdfsig", Poppler.save("project-accepted-postgres", pdf).toString());
		assertThat(report).contains("Signature is Valid.", "Total document signed");
		assertThat(decisions.verify(pdf).verdict()).isEqualTo(VerificationResult.Verdict.GENUINE);
	}

	private static List<IssuedDecision> runTogether(List<Callable<IssuedDecision>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<IssuedDecision> results = new ArrayList<>();
			for (Future<IssuedDecision> f : pool.invokeAll(calls)) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
