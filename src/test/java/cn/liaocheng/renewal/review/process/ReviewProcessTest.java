package cn.liaocheng.renewal.review.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ApplicationContext;

/**
 * What every process test shares: a {@link ReviewFixture} opened before and closed after
 * each test.
 */
abstract class ReviewProcessTest {

	private final ApplicationContext context;

	ReviewFixture review;

	ReviewProcessTest(ApplicationContext context) {
		this.context = context;
	}

	@BeforeEach
	void openFixture() {
		review = ReviewFixture.open(context);
	}

	@AfterEach
	void closeFixture() {
		review.close();
	}

}
