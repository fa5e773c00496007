package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.support.BodyTable;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The dashboard's table of review bodies counts the steps after the award (the county
 * finance bureau's payment, the acceptance, the evaluation) among a body's open tasks, as
 * it counts their opinions among the handled ones.
 */
@WebIntegrationTest
class AfterAwardTasksInStatisticsTest extends ReviewProcessTest {

	@Autowired
	Dashboard dashboard;

	@Autowired
	AfterAwardTasksInStatisticsTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aPaymentToRecordIsAnOpenTaskOfTheCountyFinanceBureau() {
		Case claim = review.subsidyAtAllocation();
		long before = BodyTable.openTasks(dashboard, "冠县财政局");

		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);

		assertThat(review.task(claim, "Task_RecordPayment")).as("the payment step is open").isNotNull();
		assertThat(BodyTable.openTasks(dashboard, "冠县财政局")).isEqualTo(before + 1);
	}

}
