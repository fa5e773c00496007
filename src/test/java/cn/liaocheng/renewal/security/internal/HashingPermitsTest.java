package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A node runs only so many password checks at once; one more waits a moment, then is
 * refused as busy with a Chinese answer and when to retry (503), never an error. The
 * engine's check inside a login door's takes no second permit.
 */
class HashingPermitsTest {

	@Test
	void aCheckThatFindsEveryPermitTakenIsRefusedAsBusyAfterTheWait() throws Exception {
		HashingPermits permits = new HashingPermits(1, Duration.ofMillis(100));
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> permits.withPermit(() -> {
			running.countDown();
			await(finish);
			return true;
		}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> permits.withPermit(() -> true)).isInstanceOf(PasswordCheckRefusal.class)
			.hasMessage("服务器正在处理较多的登录请求，请 5 秒后重试");

		finish.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(permits.withPermit(() -> "checked")).as("the permit came back").isEqualTo("checked");
	}

	@Test
	void theEnginesCheckInsideALoginDoorsTakesNoSecondPermit() {
		HashingPermits permits = new HashingPermits(1, Duration.ZERO);
		assertThat(permits.withPermit(() -> permits.withPermit(() -> "nested"))).isEqualTo("nested");
		assertThat(permits.withPermit(() -> "again")).as("released once, at the outer end").isEqualTo("again");
	}

	@Test
	void busyIsAnswered503WithRetryAfterAndAChineseProblem() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		PasswordCheckRefusal.busy().answer(response);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("\"title\":\"服务器繁忙\"", "请 5 秒后重试");
	}

	@Test
	void aHeldNetworkIsToldTheMinutesOrSecondsLeft() {
		Instant now = Instant.parse("2026-03-02T01:00:00Z");
		assertThat(PasswordCheckRefusal.networkHeld(now.plusSeconds(3599), now).getMessage()).contains("请在 60 分钟后重试");
		assertThat(PasswordCheckRefusal.networkHeld(now.plusSeconds(3599), now).retryAfterSeconds()).isEqualTo(3600);
		assertThat(PasswordCheckRefusal.networkHeld(now.plusSeconds(44), now).getMessage()).contains("请在 45 秒后重试");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
