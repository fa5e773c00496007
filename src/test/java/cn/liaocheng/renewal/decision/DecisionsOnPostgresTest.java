package cn.liaocheng.renewal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.renewal.support.PostgresTestDatabase;

/** Numbering and idempotency on the production database, where row locks and unique violations behave for real. */
@Tag("own-context")
@SpringBootTest
@ActiveProfiles({ "postgres", "demo" })
class DecisionsOnPostgresTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_decisions");
	}

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiftyDecisionsIssuedAtOnceForOneBodyGetFiftyConsecutiveNumbers() throws Exception {
		List<Callable<IssuedDecision>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			long application = SampleDecisions.newApplicationId();
			calls.add(() -> decisions.issue(SampleDecisions.subsidyAllocated(application, "finance")));
		}

		List<IssuedDecision> issued = runTogether(calls);

		assertThat(issued).extracting(IssuedDecision::number)
			.containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1, 50).mapToObj(n -> "聊财审〔2026〕" + n + "号").toList());
		assertThat(jdbc.sql("SELECT last_value FROM decision_counter WHERE body_key = 'finance' AND counter_year = 2026")
			.query(Integer.class)
			.single()).isEqualTo(50);
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
		assertThat(jdbc.sql("SELECT COUNT(*) FROM decision WHERE application_id = ? AND stage = 'INTEREST_SUBSIDY_PAYMENT'")
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
