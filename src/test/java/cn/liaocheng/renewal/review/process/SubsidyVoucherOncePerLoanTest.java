package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LedgerRow;
import cn.liaocheng.renewal.ledger.internal.LedgerStatus;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A payment voucher of the city finance bureau's interest-subsidy payments is one
 * transfer to one enterprise: it may pay several periods of the same loan, never a period
 * of another loan as well; upper or lower case and surrounding spaces make no other
 * voucher.
 */
@WebIntegrationTest
class SubsidyVoucherOncePerLoanTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** After the periods of March, April and May 2026, not after today. */
	private static final String PAID_ON = "2026-06-10";

	@LocalServerPort
	int port;

	@Autowired
	LoanBook book;

	@Autowired
	LedgerAccrual accrual;

	@Autowired
	LedgerPayments payments;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SubsidyVoucherOncePerLoanTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aVoucherThatPaidAPeriodOfOneLoanIsRefusedOnAnotherLoansPeriodAndPaysTheFirstLoansOtherPeriods() {
		Case first = disbursedLoan();
		Case second = disbursedLoan();
		// March (from the 16th), April and May.
		accrual.accrueAll(ReviewFixture.GRANT_DATE.plusMonths(3).withDayOfMonth(1));
		WebClient payer = as("lc-finance-pay");
		String voucher = "LCCZ-" + first.id() + "-0001";
		long firstMarch = approvedPeriod(first, 0);
		HttpResponse<String> paid = payer.postJson(period(first, firstMarch) + "/payment", paidWith(voucher));
		assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
		assertThat(json(paid.body()).get("status").asText()).isEqualTo("PAID");

		long secondMarch = approvedPeriod(second, 0);
		String typed = voucher.toLowerCase() + " ";
		HttpResponse<String> refused = payer.postJson(period(second, secondMarch) + "/payment", paidWith(typed));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(json(refused.body()).path("detail").asText()).contains(
				"拨付凭证号 " + typed.strip() + " 已在申报编号 " + review.referenceNo(first) + " 的贴息拨付中登记过",
				"同一张拨付凭证不能用于另一笔贷款的贴息");
		JsonNode row = row(second, secondMarch);
		assertThat(row.get("status").asText()).as("still approved, not paid").isEqualTo("APPROVED");
		assertThat(row.hasNonNull("paidOn")).as(row.toString()).isFalse();
		assertThat(row.hasNonNull("voucherNo")).as(row.toString()).isFalse();
		assertThat(row.hasNonNull("noticeDecisionId")).as(row.toString()).isFalse();
		assertThat(review.allDecisions(second)).as("no payment notice issued")
			.doesNotContain(DecisionType.INTEREST_SUBSIDY_PAYMENT);
		assertThat(payer.getBytes(period(second, secondMarch) + "/notice").statusCode()).isEqualTo(404);

		// One transfer may pay several periods of one loan: April of the first loan, the
		// voucher typed as it came.
		long firstApril = approvedPeriod(first, 1);
		HttpResponse<String> again = payer.postJson(period(first, firstApril) + "/payment", paidWith(" " + typed));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json(again.body()).get("status").asText()).isEqualTo("PAID");
		assertThat(json(again.body()).get("noticeDecisionId").isNumber()).isTrue();

		// The second loan's period is paid with a voucher of its own.
		HttpResponse<String> own = payer.postJson(period(second, secondMarch) + "/payment",
				paidWith("LCCZ-" + second.id() + "-0001"));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
	}

	/**
	 * Two officers paying two periods of one loan with one transfer's voucher at the same
	 * moment: the second waits for the first and both are paid (the voucher had been
	 * refused as "just used by another payment").
	 */
	@Test
	void twoPeriodsOfOneLoanPaidWithOneVoucherAtTheSameMomentAreBothPaid() throws Exception {
		Case loan = disbursedLoan();
		accrual.accrueAll(ReviewFixture.GRANT_DATE.plusMonths(3).withDayOfMonth(1));
		long march = approvedPeriod(loan, 0);
		long april = approvedPeriod(loan, 1);
		String voucher = "LCCZ-" + loan.id() + "-SAME";
		LocalDate paidOn = LocalDate.parse(PAID_ON);
		PortalUser payer = review.user("lc-finance-pay");

		try (OpenTransaction<Void> first = OpenTransaction.begin(transactions,
				() -> payments.pay(payer, loan.id(), march, paidOn, voucher))) {
			Future<LedgerRow> second = first.meanwhile(() -> payments.pay(payer, loan.id(), april, paidOn, voucher));
			assertThat(first.stillWaiting(second)).as("the second payment waits for the first").isTrue();
			first.commit();
			assertThat(OpenTransaction.outcome(second).status()).isEqualTo(LedgerStatus.PAID);
		}
		assertThat(row(loan, march).get("status").asText()).isEqualTo("PAID");
		assertThat(row(loan, april).get("voucherNo").asText()).isEqualTo(voucher);
	}

	/**
	 * A granted loan of the bank, its money paid out on the grant day (16 March 2026).
	 */
	private Case disbursedLoan() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		book.record(
				review.user(DemoUsers.BANK_OFFICER), loan.id(), new LoanBook.Recording(LoanEventType.DISBURSEMENT,
						ReviewFixture.GRANT_DATE, new BigDecimal("1200000"), "ICBC-VOUCHER-" + loan.id(), null),
				"voucher-loan-" + loan.id());
		return loan;
	}

	/**
	 * The loan's period at {@code index}, approved by one officer of the city finance
	 * bureau: another one pays it.
	 */
	private long approvedPeriod(Case loan, int index) {
		WebClient finance = as("lc-finance");
		long rowId = loan(loan).get("rows").get(index).get("id").asLong();
		HttpResponse<String> approved = finance.postJson(period(loan, rowId) + "/approve", "{}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		return rowId;
	}

	private JsonNode row(Case loan, long rowId) {
		for (JsonNode row : loan(loan).get("rows")) {
			if (row.get("id").asLong() == rowId) {
				return row;
			}
		}
		throw new AssertionError("no row " + rowId + " of loan " + loan.id());
	}

	private JsonNode loan(Case loan) {
		HttpResponse<String> response = as("lc-finance").get(ledger(loan));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response.body());
	}

	private static String ledger(Case loan) {
		return "/api/ledger/loans/" + loan.id();
	}

	private static String period(Case loan, long rowId) {
		return ledger(loan) + "/ledger/" + rowId;
	}

	private static String paidWith(String voucher) {
		return "{\"paidOn\":\"" + PAID_ON + "\",\"voucherNo\":\"" + voucher + "\"}";
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

}
