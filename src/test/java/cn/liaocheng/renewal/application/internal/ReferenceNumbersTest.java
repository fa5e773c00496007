package cn.liaocheng.renewal.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Reference numbers stay consecutive and unique when the first submissions of a year race
 * each other.
 */
@WebIntegrationTest
class ReferenceNumbersTest {

	@Autowired
	ReferenceNumbers references;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theFirstSubmissionsOfAYearRacingEachOtherEachGetTheirOwnNumber() throws Exception {
		// A prefix no kind uses, so its counter row does not exist yet, as on the first
		// day of a year.
		String prefix = "T" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		List<Future<String>> numbers = new ArrayList<>();
		TransactionTemplate submitting = new TransactionTemplate(transactions);
		for (int i = 0; i < racers; i++) {
			numbers.add(pool.submit(() -> {
				start.await();
				return submitting.execute(status -> references.next(prefix));
			}));
		}
		start.countDown();
		List<String> issued = new ArrayList<>();
		for (Future<String> number : numbers) {
			issued.add(number.get());
		}
		pool.shutdown();

		int year = Year.now(ReferenceNumbers.CHINA).getValue();
		assertThat(issued).containsExactlyInAnyOrderElementsOf(
				IntStream.rangeClosed(1, racers).mapToObj(n -> String.format("%s-%d-%06d", prefix, year, n)).toList());
	}

}
