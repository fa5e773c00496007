package cn.liaocheng.renewal.review.process;

import static cn.liaocheng.renewal.review.process.TasklistSubmission.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.clawback.internal.ClawbackCollection;
import cn.liaocheng.renewal.clawback.internal.ClawbackRefused;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * One voucher is one movement of money. A subsidy payment voucher is recorded once by the
 * bureau that paid, whatever the case; a repayment voucher (the treasury's receipt) once
 * by the county finance bureau, whatever the clawback, until a check returns it; upper or
 * lower case and surrounding spaces make no other voucher. Two requests at the same
 * moment cannot both pass: the database holds the voucher.
 */
@WebIntegrationTest
class VoucherOncePerBureauTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ClawbackCollection collection;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VoucherOncePerBureauTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldRefuseAPaymentVoucherTheBureauRecordedOnAnotherCase() {
		Case first = allocatedSubsidy();
		Case second = allocatedSubsidy();
		String voucher = "GK-PAY-" + first.id();
		pay(first, 10000, voucher);

		assertThatThrownBy(() -> pay(second, 10000, " " + voucher.toLowerCase() + " "))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(
					"拨付凭证号 " + voucher.toLowerCase() + " 已在申报编号 " + review.referenceNo(first) + " 的奖补资金拨付中登记过");
		assertThat(review.tasks(second, "Task_RecordPayment")).as("nothing recorded, the task waits").hasSize(1);
		pay(second, 10000, "GK-PAY-" + second.id());
	}

	@Test
	void shouldRefuseARepaymentVoucherRecordedOnAnotherClawbackOfTheCountyUntilItIsReturned() {
		Case first = decidedClawback();
		Case second = decidedClawback();
		String voucher = "JK-" + first.id();
		WebClient gxFinance = as("gx-finance");
		HttpResponse<String> recorded = gxFinance.postJson(repayments(first), repayment(voucher));
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);

		HttpResponse<String> again = gxFinance.postJson(repayments(second), repayment(" " + voucher.toLowerCase()));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
		assertThat(again.body()).contains("\"field\":\"voucherNo\"",
				"已在申报编号 " + review.referenceNo(first) + " 的追回中登记过缴款", "同一张缴款凭证不能重复登记");
		assertThat(json(as("gx-finance-lead").get("/api/clawbacks/" + second.id()).body()).get("repayments"))
			.as("nothing recorded")
			.isEmpty();

		// The check finds the receipt is not this enterprise's: returned, the voucher may
		// be recorded where it belongs.
		long entry = json(recorded.body()).at("/repayments/0/id").asLong();
		HttpResponse<String> returned = as("gx-finance-lead").postJson(repayments(first) + "/" + entry + "/check",
				"{\"outcome\":\"RETURN\",\"amount\":5000,\"paidOn\":\"" + TODAY + "\",\"note\":\"该缴款书缴款人为另一企业\"}");
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
		HttpResponse<String> whereItBelongs = gxFinance.postJson(repayments(second), repayment(voucher));
		assertThat(whereItBelongs.statusCode()).as(whereItBelongs.body()).isEqualTo(200);
		assertThat(gxFinance.postJson(repayments(first), repayment(voucher)).body())
			.as("and now the first clawback cannot take it back")
			.contains("已在申报编号 " + review.referenceNo(second) + " 的追回中登记过缴款");
	}

	/**
	 * The first recording has not committed when the second one looks for the voucher:
	 * the second waits for it in the database and is then refused.
	 */
	@Test
	void shouldLetOnlyOneOfTwoSimultaneousRecordingsOfAVoucherPass() throws Exception {
		Case first = decidedClawback();
		Case second = decidedClawback();
		String voucher = "JK-RACE-" + first.id();
		PortalUser officer = review.user("gx-finance");
		CountDownLatch firstRecorded = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> one = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				collection.recordRepayment(officer, first.id(), TODAY, new BigDecimal("5000"), voucher);
				firstRecorded.countDown();
				await(commitFirst);
			}));
			assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> other = threads
				.submit(() -> collection.recordRepayment(officer, second.id(), TODAY, new BigDecimal("5000"), voucher));
			awaitVoucherWait(other);
			commitFirst.countDown();
			one.get(30, TimeUnit.SECONDS);

			assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ClawbackRefused.class)
				.cause()
				.hasMessageContaining("刚刚已在本县另一追回案件中登记");
		}
		finally {
			commitFirst.countDown();
			threads.shutdownNow();
		}
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM clawback_repayment r JOIN clawback c ON c.id = r.clawback_id
				WHERE c.application_id IN (?, ?)""").params(first.id(), second.id()).query(Integer.class).single())
			.isEqualTo(1);
	}

	// --- the cases

	private Case allocatedSubsidy() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		return claim;
	}

	private void pay(Case claim, int amount, String voucher) {
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", TODAY.toString(), "paidAmount", (double) amount, "voucherNo", voucher));
		review.runJobs(claim);
	}

	/**
	 * 37 000 yuan paid, a clawback for false material started by the city industry
	 * bureau, 37 000 yuan to repay by a decision.
	 */
	private Case decidedClawback() {
		Case claim = allocatedSubsidy();
		pay(claim, 37000, "GK-CB-" + claim.id());
		HttpResponse<String> started = as("lc-industry").postJson("/api/clawbacks",
				"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		HttpResponse<String> determined = submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "APPROVE", "opinion", "追回全部奖补资金。", "clawbackAmount", 37000, "repaymentDeadline",
						review.workingDay(TODAY.plusDays(20)).toString(), "listNegative", false));
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback", Map.of("decision",
				"APPROVE", "opinion", "与拨付记录核对一致。", "repaymentAccount", "冠县财政局国库存款账户，账号 1610 0012 0900 0088 888"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
		review.runJobs(claim);
		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);
		assertThat(json(as("gx-finance").get("/api/clawbacks/" + claim.id()).body()).get("status").asText())
			.isEqualTo("DECIDED");
		return claim;
	}

	// --- helpers

	private static String repayments(Case claim) {
		return "/api/clawbacks/" + claim.id() + "/repayments";
	}

	private static String repayment(String voucher) {
		return "{\"paidOn\":\"" + TODAY + "\",\"amount\":5000,\"voucherNo\":\"" + voucher + "\"}";
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Until the other recording is done or waits in the database for the voucher the
	 * first one holds (H2 shows the statement the session executes).
	 */
	private void awaitVoucherWait(Future<?> other) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (!other.isDone() && jdbc.sql("""
				SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS
				WHERE UPPER(EXECUTING_STATEMENT) LIKE 'INSERT INTO CLAWBACK_VOUCHER%'""")
			.query(Integer.class)
			.single() == 0) {
			assertThat(Instant.now()).as("the second recording waits for the first one's voucher").isBefore(until);
			Thread.sleep(20);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
