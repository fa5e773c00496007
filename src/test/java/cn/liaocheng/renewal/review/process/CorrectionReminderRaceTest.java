package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The reminder of a correction's deadline is not written for a correction that ends while
 * the reminders are being written (the return taken back, the dossier resubmitted): it is
 * checked again, the case's row held, in the reminder's own transaction.
 */
@WebIntegrationTest
class CorrectionReminderRaceTest extends ReviewProcessTest {

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	@Autowired
	CorrectionReminderRaceTest(ApplicationContext context, JdbcClient jdbc, PlatformTransactionManager transactions) {
		super(context);
		this.context = context;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Test
	void aCorrectionEndingWhileItsReminderIsWrittenIsNotReminded() throws Exception {
		Case returned = review.submitProject(7);
		review.decide(returned, "Task_CountyFormalReview", "RETURN");
		Instant deadline = review.outcomes(returned).correctionDeadline();
		CountDownLatch ending = new CountDownLatch(1);
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			// Another transaction ends the correction and commits only after the
			// reminders have read it as open.
			Future<?> end = other.submit(() -> transaction.executeWithoutResult(status -> {
				jdbc.sql("SELECT id FROM application WHERE id = ? FOR UPDATE")
					.param(returned.id())
					.query()
					.listOfRows();
				jdbc.sql("UPDATE application SET status = ?, correction_deadline = NULL WHERE id = ?")
					.params(ApplicationStatus.COUNTY_REVIEW.name(), returned.id())
					.update();
				ending.countDown();
				sleep(1500);
			}));
			assertThat(ending.await(30, TimeUnit.SECONDS)).isTrue();

			new DeadlineReminderPass(context).runAt(deadline.minusSeconds(60));
			end.get(30, TimeUnit.SECONDS);
		}
		finally {
			other.shutdownNow();
		}

		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = 'DEADLINE_APPROACHING'")
					.param(returned.id())
					.query(Long.class)
					.single())
			.isZero();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
