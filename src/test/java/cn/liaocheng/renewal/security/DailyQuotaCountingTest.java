package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A daily counter hands out exactly its limit, even to requests racing for the last
 * allowance, and each counted thing has a counter of its own.
 */
@WebIntegrationTest
class DailyQuotaCountingTest {

	@Autowired
	DailyQuota quota;

	@Test
	void takesUpToTheLimitAndNoMore() {
		String key = "test:" + UUID.randomUUID();
		String other = "test:" + UUID.randomUUID();
		LocalDate day = LocalDate.of(2026, 12, 2);

		assertThat(quota.take(key, day, 2)).isTrue();
		assertThat(quota.take(key, day, 2)).isTrue();
		assertThat(quota.take(key, day, 2)).isFalse();
		assertThat(quota.take(other, day, 2)).isTrue();
		assertThat(quota.take(key, day.plusDays(1), 2)).isTrue();
	}

	@Test
	void racingRequestsShareTheLimitExactly() throws Exception {
		String key = "test:" + UUID.randomUUID();
		LocalDate day = LocalDate.of(2026, 12, 3);
		int limit = 7;
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				Callable<Boolean> attempt = () -> {
					start.await();
					return quota.take(key, day, limit);
				};
				attempts.add(pool.submit(attempt));
			}
			start.countDown();
			int taken = 0;
			for (Future<Boolean> attempt : attempts) {
				taken += attempt.get() ? 1 : 0;
			}
			assertThat(taken).isEqualTo(limit);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
