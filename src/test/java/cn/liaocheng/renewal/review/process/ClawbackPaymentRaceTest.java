package cn.liaocheng.renewal.review.process;

import static cn.liaocheng.renewal.review.process.TasklistSubmission.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A clawback started at the moment the county finance bureau records a payment of the
 * same subsidy. Before, the two did not wait for each other: the clawback read "nothing
 * paid" while the payment was being recorded, so the bureau's determination form left out
 * the amount to recover although money had reached the enterprise, and the determination
 * was then refused for want of that amount. Both now take the case's row first: the later
 * one waits, and then sees the earlier one's outcome.
 */
@WebIntegrationTest
class ClawbackPaymentRaceTest extends ReviewProcessTest {

	private static final String FACTS = "经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	@Autowired
	ClawbackPaymentRaceTest(ApplicationContext context) {
		super(context);
	}

	@AfterEach
	void stopOther() {
		other.shutdownNow();
	}

	@Test
	void aClawbackStartedWhileAPaymentIsRecordedWaitsForItAndAsksForTheAmountPaid() throws Exception {
		Case claim = allocatedSubsidy();
		Task payment = review.task(claim, "Task_RecordPayment");
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch letGo = new CountDownLatch(1);
		// The bureau's payment, recorded and not yet committed.
		Future<?> paying = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			review.complete(payment, Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。", "paymentDate", today(),
					"paidAmount", 37000.0, "voucherNo", "GK-RACE-" + claim.id()));
			recorded.countDown();
			await(letGo);
		}));
		assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
		// The industry bureau starts the clawback through its API meanwhile.
		ExecutorService starter = Executors.newSingleThreadExecutor();
		try {
			Future<HttpResponse<String>> starting = starter.submit(() -> as("lc-industry").postJson("/api/clawbacks",
					"{\"applicationId\":" + claim.id() + ",\"facts\":\"" + FACTS + "\"}"));
			assertThatThrownBy(() -> starting.get(2, TimeUnit.SECONDS)).as("the start waits for the payment")
				.isInstanceOf(TimeoutException.class);
			letGo.countDown();
			paying.get(30, TimeUnit.SECONDS);
			HttpResponse<String> started = starting.get(30, TimeUnit.SECONDS);
			assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		}
		finally {
			starter.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM aftercare_payment WHERE application_id = ?")
			.param(claim.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		// The determination form asks for the amount, and the determination with it
		// goes through.
		Task determine = review.task(claim, "Task_DetermineClawback");
		assertThat(runtime.getVariable(determine.getExecutionId(), "nothingPaid")).isEqualTo(false);
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "追回已拨付的奖补资金。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(LocalDate.now(ChinaTime.ZONE).plusDays(20)).toString(), "listNegative",
						false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
	}

	@Test
	void aPaymentRecordedWhileAClawbackStartsWaitsForItAndIsHeld() throws Exception {
		Case claim = allocatedSubsidy();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch letGo = new CountDownLatch(1);
		// A failed acceptance starts the clawback, not yet committed.
		Future<?> starting = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			events.publishEvent(new ClawbackDue(claim.id(), ClawbackDue.Cause.ACCEPTANCE_FAILED,
					"验收组认定两台设备型号与申报不符，验收不合格。", "lc-industry"));
			started.countDown();
			await(letGo);
		}));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		ExecutorService payer = Executors.newSingleThreadExecutor();
		try {
			Future<HttpResponse<String>> paying = payer.submit(() -> submit(as("gx-finance"), claim,
					"Task_RecordPayment", Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。", "paymentDate", today(),
							"paidAmount", 37000.0, "voucherNo", "GK-HELD-" + claim.id())));
			assertThatThrownBy(() -> paying.get(2, TimeUnit.SECONDS)).as("the payment waits for the start")
				.isInstanceOf(TimeoutException.class);
			letGo.countDown();
			starting.get(30, TimeUnit.SECONDS);
			HttpResponse<String> paid = paying.get(30, TimeUnit.SECONDS);
			assertThat(paid.statusCode()).as(paid.body()).isNotIn(200, 204);
			assertThat(paid.body()).contains("正在追回程序中", "暂停拨付");
		}
		finally {
			payer.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM aftercare_payment WHERE application_id = ?")
			.param(claim.id())
			.query(Long.class)
			.single()).isZero();
		Task determine = review.task(claim, "Task_DetermineClawback");
		assertThat(runtime.getVariable(determine.getExecutionId(), "nothingPaid")).isEqualTo(true);
	}

	private Case allocatedSubsidy() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		return claim;
	}

	private static String today() {
		return LocalDate.now(ChinaTime.ZONE).toString();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never let go");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

}
