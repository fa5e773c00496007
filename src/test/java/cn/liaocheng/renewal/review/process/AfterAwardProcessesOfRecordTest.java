package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.aftercare.SubsidyPayments;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.JavaMigrations;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import db.migration.common.V125__AfterAwardProcessesOfRecord;

/**
 * The after-award processes started before the product recorded them are recorded by the
 * migration that brings the record in: the first root instance started with the case's
 * key, not one started by hand after it.
 */
@WebIntegrationTest
class AfterAwardProcessesOfRecordTest extends ReviewProcessTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubsidyPayments payments;

	@Autowired
	AfterAwardProcessesOfRecordTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void theMigrationRecordsTheFirstAftercareInstanceOfEachCase() throws Exception {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		String product = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(claim.key())
			.processDefinitionKey("subsidy-aftercare")
			.singleResult()
			.getId();
		Thread.sleep(20); // a later start time
		ProcessInstance byHand = runtime.createProcessInstanceByKey("subsidy-aftercare")
			.businessKey(claim.key())
			.startBeforeActivity("Task_RequestPerformanceReport")
			.execute();
		try {
			// As before the record was kept.
			jdbc.sql("DELETE FROM after_award_process WHERE application_id = ?").param(claim.id()).update();

			migrate();

			assertThat(recorded(claim, "subsidy-aftercare")).isEqualTo(product);
		}
		finally {
			runtime.deleteProcessInstance(byHand.getId(), "test");
		}
	}

	/**
	 * An allocation whose after-award process has not started yet (its start waits as an
	 * incident): its notice states the after-award terms, so nothing was paid outside the
	 * record, and a clawback then revokes the allocation instead of ordering back money
	 * never paid.
	 */
	@Test
	void nothingWasPaidOfAnAllocationWhoseAfterAwardProcessHasNotStartedYet() {
		Case claim = review.allocatedSubsidy();
		String recorded = recorded(claim, "subsidy-aftercare");
		jdbc.sql("DELETE FROM after_award_process WHERE application_id = ?").param(claim.id()).update();
		try {
			assertThat(payments.nothingPaid(claim.id())).isTrue();
		}
		finally {
			// Its instance runs on in the shared context: of record again, so that no
			// other class meets a payment step its listeners refuse.
			jdbc.sql("INSERT INTO after_award_process (application_id, process_key, process_instance_id, recorded_at)"
					+ " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
				.params(claim.id(), "subsidy-aftercare", recorded)
				.update();
		}
	}

	private void migrate() throws SQLException {
		JavaMigrations.run(new V125__AfterAwardProcessesOfRecord(), dataSource);
	}

	private String recorded(Case c, String processKey) {
		return jdbc
			.sql("SELECT process_instance_id FROM after_award_process WHERE application_id = ? AND process_key = ?")
			.params(c.id(), processKey)
			.query(String.class)
			.single();
	}

}
