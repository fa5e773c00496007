package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.OpenTransaction;
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

	private final PlatformTransactionManager transactions;

	@Autowired
	CorrectionReminderRaceTest(ApplicationContext context, JdbcClient jdbc, PlatformTransactionManager transactions) {
		super(context);
		this.context = context;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * A correction deadline in a year whose holidays are not loaded yet (set before the
	 * calendar was extended) is reminded early rather than not at all, and does not stop
	 * the other reminders of the run: the whole run had failed on it.
	 */
	@Test
	void aDeadlineInAYearTheCalendarDoesNotHoldYetStopsNoReminder() {
		Case inCalendar = review.submitProject(7);
		review.decide(inCalendar, "Task_CountyFormalReview", "RETURN");
		Case beyond = review.submitProject(7);
		review.decide(beyond, "Task_CountyFormalReview", "RETURN");
		// The calendar holds 2027; 4 January 2028 lies beyond it.
		review.recordCorrectionDeadline(inCalendar, Instant.parse("2027-12-31T15:59:59Z"));
		review.recordCorrectionDeadline(beyond, Instant.parse("2028-01-04T15:59:59Z"));

		new DeadlineReminderPass(context).runAt(Instant.parse("2027-12-30T02:00:00Z"));

		for (Case c : new Case[] { inCalendar, beyond }) {
			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = 'DEADLINE_APPROACHING'")
				.param(c.id())
				.query(Long.class)
				.single()).as("application %s", c.id()).isOne();
		}
	}

	@Test
	void aCorrectionEndingWhileItsReminderIsWrittenIsNotReminded() throws Exception {
		Case returned = review.submitProject(7);
		review.decide(returned, "Task_CountyFormalReview", "RETURN");
		Instant deadline = review.outcomes(returned).correctionDeadline();
		// Another transaction ends the correction and commits only after the reminders
		// have read it as open.
		try (OpenTransaction<Void> ending = OpenTransaction.begin(transactions, () -> {
			jdbc.sql("SELECT id FROM application WHERE id = ? FOR UPDATE").param(returned.id()).query().listOfRows();
			jdbc.sql("UPDATE application SET status = ?, correction_deadline = NULL WHERE id = ?")
				.params(ApplicationStatus.COUNTY_REVIEW.name(), returned.id())
				.update();
		})) {
			Future<Integer> reminding = ending
				.meanwhile(() -> new DeadlineReminderPass(context).runAt(deadline.minusSeconds(60)));
			assertThat(ending.stillWaiting(reminding)).as("the reminder waits for the change").isTrue();
			ending.commit();
			OpenTransaction.outcome(reminding);
		}

		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = 'DEADLINE_APPROACHING'")
					.param(returned.id())
					.query(Long.class)
					.single())
			.isZero();
	}

}
