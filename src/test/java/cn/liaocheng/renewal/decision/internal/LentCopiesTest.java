package cn.liaocheng.renewal.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The parsed fonts' pool: many documents at once make no more copies than the pool holds;
 * they wait for one instead, and make their own only when none comes back in time.
 */
class LentCopiesTest {

	final AtomicInteger made = new AtomicInteger();

	@Test
	void aBorrowerWaitsForACopyInsteadOfMakingMoreThanThePoolHolds() throws Exception {
		LentCopies<Integer> copies = new LentCopies<>(2, made::incrementAndGet, Duration.ofSeconds(30));
		Integer first = copies.borrow();
		Integer second = copies.borrow();

		CompletableFuture<Integer> third = CompletableFuture.supplyAsync(copies::borrow);

		assertThatThrownBy(() -> third.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
		assertThat(copies.giveBack(first)).isTrue();
		assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(first);
		assertThat(made).hasValue(2);
		assertThat(copies.giveBack(second)).isTrue();
		assertThat(copies.borrow()).as("an idle copy is lent again").isEqualTo(second);
		assertThat(made).hasValue(2);
	}

	@Test
	void aBorrowerMakesItsOwnCopyWhenNoneComesBackInTimeAndThePoolDoesNotKeepIt() {
		LentCopies<Integer> copies = new LentCopies<>(1, made::incrementAndGet, Duration.ofMillis(100));
		Integer lent = copies.borrow();

		Integer own = copies.borrow();

		assertThat(own).isNotEqualTo(lent);
		assertThat(made).hasValue(2);
		assertThat(copies.giveBack(lent)).isTrue();
		assertThat(copies.giveBack(own)).as("the pool is full: the extra copy is discarded").isFalse();
	}

}
