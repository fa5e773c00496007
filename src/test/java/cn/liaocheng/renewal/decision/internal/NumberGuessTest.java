package cn.liaocheng.renewal.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The number an issue guesses before it takes the body's counter: the next one when
 * nothing else is issuing, one further for every issue of the body on this node that
 * guessed before and has not ended, and the next one again once those have ended, however
 * they ended.
 */
@WebIntegrationTest
class NumberGuessTest {

	/** A year no other test issues decisions of the body for. */
	private static final String BODY = "telecom";

	private static final int YEAR = 2019;

	@Autowired
	DocumentNumbers numbers;

	@Autowired
	PlatformTransactionManager transactions;

	TransactionTemplate own;

	@BeforeEach
	void counterAtSeven() {
		own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		numbers.prepare(BODY, YEAR);
		own.executeWithoutResult(status -> {
			numbers.lock(BODY, YEAR);
			numbers.advance(BODY, YEAR, 7);
		});
	}

	@Test
	void aGuessIsTheNextNumberWhenNothingElseIsIssuing() {
		assertThat(guessAndEnd(false)).isEqualTo(8);
		assertThat(guessAndEnd(false)).as("a committed guess no longer counts").isEqualTo(8);
		assertThat(guessAndEnd(true)).isEqualTo(8);
		assertThat(guessAndEnd(false)).as("a rolled-back guess no longer counts").isEqualTo(8);
	}

	@Test
	void issuesThatGuessedBeforeAndHaveNotEndedCountAhead() {
		int[] inner = new int[2];
		int outer = own.execute(status -> {
			int first = numbers.guess(BODY, YEAR);
			inner[0] = own.execute(nested -> numbers.guess(BODY, YEAR));
			inner[1] = numbers.guess(BODY, YEAR);
			return first;
		});

		assertThat(outer).isEqualTo(8);
		assertThat(inner[0]).as("while the first is open").isEqualTo(9);
		assertThat(inner[1]).as("the second has ended, the first has not").isEqualTo(9);
		assertThat(guessAndEnd(false)).as("all have ended").isEqualTo(8);
	}

	@Test
	void aGuessWithoutACounterForTheYearIsTheFirstNumber() {
		Integer guess = own.execute(status -> numbers.guess(BODY, YEAR - 1));
		assertThat(guess).isEqualTo(1);
	}

	private int guessAndEnd(boolean rollBack) {
		return own.execute(status -> {
			int guess = numbers.guess(BODY, YEAR);
			if (rollBack) {
				status.setRollbackOnly();
			}
			return guess;
		});
	}

}
