package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.VerificationResult;
import cn.liaocheng.renewal.ledger.LedgerTotals;
import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * A granted loan's life on PostgreSQL through the ledger's HTTP doors: the granting bank
 * records disbursement and repayments, the accrual job writes each ended month once, city
 * finance approves and pays, and the period's payment notice comes signed. The loan
 * itself is granted by the real review processes (2026 rule for fixed-asset loans: 1.5
 * points a year, 24 months, cap 2,000,000 yuan). Figures are computed by hand: Σ daily
 * balance × 1.5% ÷ 360.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "renewal.ledger.accrual.initial-delay=PT24H")
@ActiveProfiles({ "postgres", "demo" })
class LoanLedgerOnPostgresTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_ledger");
	}

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LedgerAccrual accrual;

	@Autowired
	Decisions decisions;

	@Autowired
	LedgerTotals totals;

	ReviewFixture review;

	WebClient icbc;

	WebClient finance;

	@BeforeEach
	void open() {
		review = ReviewFixture.open(context);
		icbc = as(DemoUsers.BANK_OFFICER);
		finance = as("lc-finance");
	}

	@AfterEach
	void close() {
		review.close();
	}

	@Test
	void shouldAccrueFromTheActualBalanceAndPayEachPeriodWithASignedNotice() throws Exception {
		long id = grantedLoan().id();

		assertThat(record(icbc, id, "DISBURSEMENT", "2026-03-16", "3000000", "ICBC-LC-2026-0316").statusCode())
			.isEqualTo(200);
		assertThat(record(icbc, id, "REPAYMENT", "2026-05-10", "1000000", null).statusCode()).isEqualTo(200);
		accrual.accrueAll(LocalDate.parse("2026-07-01"));
		accrual.accrueAll(LocalDate.parse("2026-07-01")); // a second run, as on another
															// node: nothing doubles

		JsonNode rows = loan(finance, id).get("rows");
		assertThat(labels(rows)).containsExactly("2026-03", "2026-04", "2026-05", "2026-06");
		assertThat(money(rows, "amount")).containsExactly("2000.00", "3750.00", "2958.33", "2500.00");
		assertThat(money(rows, "balanceBasis")).containsExactly("48000000.00", "90000000.00", "71000000.00",
				"60000000.00");
		assertThat(texts(rows, "days")).containsExactly("16", "30", "31", "30");
		assertThat(texts(rows, "status")).containsOnly("ACCRUED");

		// An entry in a period only accrued reopens it (LoanLedgerLateEntryTest); once
		// city finance has approved the period, nothing in it may be recorded.
		long june = rows.get(3).get("id").asLong();
		assertThat(finance.postJson(ledger(id, june, "approve"), "{}").statusCode()).isEqualTo(200);
		HttpResponse<String> backdated = record(icbc, id, "REPAYMENT", "2026-06-20", "100000", null);
		assertThat(backdated.statusCode()).isEqualTo(409);
		assertThat(backdated.body()).contains("已经市财政局审核");
		assertThat(record(icbc, id, "REPAYMENT", "2026-07-15", "500000", null).statusCode()).isEqualTo(200);
		accrual.accrueAll(LocalDate.parse("2026-08-01"));
		JsonNode view = loan(icbc, id);
		// July: 14 × 2,000,000 + 17 × 1,500,000 = 53,500,000 → 2,229.17
		assertThat(money(view.get("rows"), "amount")).endsWith("2229.17");
		assertThat(view.get("balance").decimalValue()).isEqualByComparingTo("1500000");

		long march = view.get("rows").get(0).get("id").asLong();
		assertThat(icbc.postJson(ledger(id, march, "approve"), "{}").statusCode()).as("a bank approving")
			.isEqualTo(403);
		assertThat(finance.postJson(ledger(id, march, "payment"), pay("2026-08-05")).statusCode())
			.as("paying before approval")
			.isEqualTo(409);
		HttpResponse<String> approved = finance.postJson(ledger(id, march, "approve"), "{}");
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(approved.body()).get("status").asText()).isEqualTo("APPROVED");
		HttpResponse<String> byTheApprover = finance.postJson(ledger(id, march, "payment"), pay("2026-08-05"));
		assertThat(byTheApprover.statusCode()).as("paying what one approved oneself").isEqualTo(403);
		assertThat(JSON.readTree(byTheApprover.body()).path("detail").asText()).contains("审核和拨付须由不同人员办理");
		assertThat(finance.get("/ledger/loans/" + id).body()).contains("已由您审核，请由其他人员登记拨付");
		assertThat(as("lc-finance-lead").get("/api/ledger/loans/" + id).statusCode())
			.as("the bureau's lead acts for it too")
			.isEqualTo(200);
		WebClient payer = as("lc-finance-pay");
		HttpResponse<String> paid = payer.postJson(ledger(id, march, "payment"), pay("2026-08-05"));
		assertThat(paid.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(paid.body()).get("status").asText()).isEqualTo("PAID");
		assertThat(JSON.readTree(paid.body()).get("noticeDecisionId").isNumber()).isTrue();
		assertThat(payer.postJson(ledger(id, march, "payment"), pay("2026-08-06")).statusCode()).as("paying twice")
			.isEqualTo(409);

		HttpResponse<byte[]> pdf = icbc.getBytes("/api/ledger/loans/" + id + "/ledger/" + march + "/notice");
		assertThat(pdf.statusCode()).isEqualTo(200);
		VerificationResult verified = decisions.verify(pdf.body());
		assertThat(verified.verdict()).isEqualTo(VerificationResult.Verdict.GENUINE);
		assertThat(verified.decision().type()).isEqualTo(DecisionType.INTEREST_SUBSIDY_PAYMENT);
		byte[] altered = pdf.body().clone();
		altered[altered.length / 2] ^= 1;
		assertThat(decisions.verify(altered).verdict()).isNotEqualTo(VerificationResult.Verdict.GENUINE);
		String text = review.issued(new Case(id, null, null), DecisionType.INTEREST_SUBSIDY_PAYMENT).text();
		assertThat(text)
			.contains("贴息资金拨付通知书", "聊城市财政局", "核定2026年3月贴息资金", "贴息期间：2026年3月（", "人民币2,000.00元", "LCCZ-2026-0805-01",
					"ICBC-LC-2026-0316", "2026年3月31日，16天", "48,000,000.00", "拨付情况")
			// A payment on a granted loan names its lender, not the banks asked.
			.contains("贷款银行：中国工商银行聊城分行")
			.doesNotContain("意向银行", "申请贷款金额");

		assertTotalsOfMonthAgreeWithTheLoans("2026-03");
		assertTotalsOfMonthAgreeWithTheLoans("2026-07");

		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		HttpResponse<String> page = enterprise.get("/enterprise/applications/" + id + "/loan");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("还款中", "1,500,000.00", "2,958.33", "已拨付",
				"/enterprise/applications/" + id + "/decisions/");
		assertThat(enterprise
			.get("/enterprise/applications/" + id + "/decisions/"
					+ JSON.readTree(paid.body()).get("noticeDecisionId").asLong())
			.statusCode()).isEqualTo(200);
		WebClient other = new WebClient(port);
		other.login(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(other.get("/enterprise/applications/" + id + "/loan").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldComputeAnAccruedPeriodAgainFromAnEntryBookedAfterItWasAccrued() throws Exception {
		long id = grantedLoan().id();
		record(icbc, id, "DISBURSEMENT", "2026-03-16", "3000000", "ICBC-LC-2026-0316");
		accrual.accrueAll(LocalDate.parse("2026-06-01"));
		assertThat(money(loan(finance, id).get("rows"), "amount")).containsExactly("2000.00", "3750.00", "3875.00");

		assertThat(record(icbc, id, "REPAYMENT", "2026-05-31", "1000000", null).statusCode()).isEqualTo(200);
		assertThat(labels(loan(finance, id).get("rows"))).containsExactly("2026-03", "2026-04");
		accrual.accrueAll(LocalDate.parse("2026-06-01"));

		// May: 30 × 3,000,000 + 1 × 2,000,000 = 92,000,000 × 1.5% ÷ 360
		assertThat(money(loan(finance, id).get("rows"), "amount")).containsExactly("2000.00", "3750.00", "3833.33");
	}

	@Test
	void shouldStopTheSubsidyOnTheDayOfAFullEarlyRepayment() throws Exception {
		long id = grantedLoan().id();
		record(icbc, id, "DISBURSEMENT", "2026-03-16", "1000000", "ICBC-LC-2026-0401");

		HttpResponse<String> settled = record(icbc, id, "EARLY_REPAYMENT", "2026-03-26", null, null);
		assertThat(settled.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(settled.body()).get("amount").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(record(icbc, id, "DISBURSEMENT", "2026-05-01", "100000", "ICBC-LC-2026-0501").statusCode())
			.as("after settlement")
			.isEqualTo(409);
		accrual.accrueAll(LocalDate.parse("2026-09-01"));

		JsonNode view = loan(icbc, id);
		// 16–25 March: 10 × 1,000,000 × 1.5% ÷ 360 = 416.67; nothing after
		assertThat(labels(view.get("rows"))).containsExactly("2026-03");
		assertThat(money(view.get("rows"), "amount")).containsExactly("416.67");
		assertThat(view.get("state").asText()).contains("提前结清");
		assertThat(view.get("subsidyUntil").asText()).isEqualTo("2026-03-25");
	}

	@Test
	void shouldStopTheSubsidyOnTheDayOfADefault() throws Exception {
		long id = grantedLoan().id();
		record(icbc, id, "DISBURSEMENT", "2026-03-16", "2000000", "ICBC-LC-2026-0402");
		assertThat(record(icbc, id, "DEFAULT", "2026-05-16", null, null).statusCode())
			.as("a default without its reason")
			.isEqualTo(400);
		assertThat(icbc
			.postJson(events(id), "{\"type\":\"DEFAULT\",\"date\":\"2026-05-16\",\"note\":\"本息逾期90天，已列入不良\"}",
					"Idempotency-Key", newKey())
			.statusCode()).isEqualTo(200);
		accrual.accrueAll(LocalDate.parse("2026-09-01"));

		JsonNode rows = loan(finance, id).get("rows");
		// March 16 × 2,000,000 → 1,333.33; April 30 × 2,000,000 → 2,500.00; 1–15 May 15 ×
		// 2,000,000 → 1,250.00
		assertThat(labels(rows)).containsExactly("2026-03", "2026-04", "2026-05");
		assertThat(money(rows, "amount")).containsExactly("1333.33", "2500.00", "1250.00");
	}

	/**
	 * The decision granted 36,000.00 yuan (1,200,000 × 1.5 points × 24 months ÷ 12); the
	 * ledger, counting days over 360, would reach 36,550.00 over the same two years. It
	 * pays the 36,000.00 granted and writes no period after it. (Its last period ends in
	 * 2028, so it cannot be paid here; DecisionIssuingTest reads the notice of a period
	 * paid short.)
	 */
	@Test
	void shouldPayNoMoreThanTheInterestSubsidyDecisionGranted() throws Exception {
		long id = grantedLoan("1200000.00").id();
		record(icbc, id, "DISBURSEMENT", "2026-03-16", "1200000", "ICBC-LC-2026-0318");

		accrual.accrueAll(LocalDate.parse("2028-06-01"));

		JsonNode rows = loan(finance, id).get("rows");
		BigDecimal total = BigDecimal.ZERO;
		for (JsonNode row : rows) {
			assertThat(row.get("amount").decimalValue()).as(row.toString()).isPositive();
			total = total.add(row.get("amount").decimalValue());
		}
		assertThat(total).isEqualByComparingTo("36000.00");
		JsonNode last = rows.get(rows.size() - 1);
		// 50.00 a day: the last period pays what is left of the 36,000.00
		assertThat(last.get("amount").decimalValue()).isLessThan(BigDecimal.valueOf(50L * last.get("days").asInt()));
	}

	@Test
	void shouldCoverTwoYearsFromDisbursementAtMostAndNeverTwice() throws Exception {
		long id = grantedLoan().id();
		record(icbc, id, "DISBURSEMENT", "2026-03-16", "1200000", "ICBC-LC-2026-0317");

		accrual.accrueAll(LocalDate.parse("2028-06-01"));
		accrual.accrueAll(LocalDate.parse("2028-09-01"));

		JsonNode rows = loan(finance, id).get("rows");
		// 50.00 a day from 16 March 2026 to 15 March 2028: 731 days, 36,550.00 yuan in 25
		// months
		assertThat(rows).hasSize(25);
		assertThat(rows.get(24).get("periodLabel").asText()).isEqualTo("2028-03");
		assertThat(rows.get(24).get("days").asInt()).isEqualTo(15);
		BigDecimal total = BigDecimal.ZERO;
		int days = 0;
		for (JsonNode row : rows) {
			total = total.add(row.get("amount").decimalValue());
			days += row.get("days").asInt();
		}
		assertThat(days).isEqualTo(731);
		assertThat(total).isEqualByComparingTo("36550.00");
	}

	/**
	 * The finance bureau's list of every loan comes a part at a time, with the total in a
	 * header, so that years of loans are not one answer.
	 */
	@Test
	void shouldListTheLoansAPartAtATime() throws Exception {
		long firstMade = grantedLoan().id();
		grantedLoan();
		long last = grantedLoan().id();
		HttpResponse<String> first = finance.get("/api/ledger/loans?limit=1");
		assertThat(first.statusCode()).isEqualTo(200);
		long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
		assertThat(total).isGreaterThanOrEqualTo(3);
		assertThat(JSON.readTree(first.body())).singleElement()
			.satisfies(loan -> assertThat(loan.at("/summary/id").asLong()).isEqualTo(last));
		assertThat(JSON.readTree(finance.get("/api/ledger/loans?offset=2&limit=1").body())).singleElement()
			.satisfies(loan -> assertThat(loan.at("/summary/id").asLong()).isEqualTo(firstMade));
		assertThat(JSON.readTree(finance.get("/api/ledger/loans?offset=" + total).body())).isEmpty();
		for (String wrong : List.of("offset=-1", "limit=0", "limit=2001")) {
			HttpResponse<String> refused = finance.get("/api/ledger/loans?" + wrong);
			assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
			assertThat(refused.body()).as(wrong).contains("limit 应在 1 至 2000 之间");
		}
	}

	@Test
	void shouldLetOnlyTheGrantingBankRecordAndOnlyOnItsOwnLoan() throws Exception {
		long id = grantedLoan().id();
		WebClient abc = as("abc-officer");

		assertThat(abc.get("/api/ledger/loans/" + id).statusCode()).as("another bank reading").isEqualTo(404);
		assertThat(record(abc, id, "DISBURSEMENT", "2026-03-16", "100000", "X").statusCode())
			.as("another bank recording")
			.isEqualTo(404);
		assertThat(abc.get("/api/ledger/loans").body()).doesNotContain("\"id\":" + id + ",");
		assertThat(record(as(DemoUsers.ENTERPRISE), id, "DISBURSEMENT", "2026-03-16", "100000", "X").statusCode())
			.as("the enterprise recording")
			.isEqualTo(403);
		assertThat(record(as(DemoUsers.COUNTY_REVIEWER), id, "DISBURSEMENT", "2026-03-16", "100000", "X").statusCode())
			.as("a county reviewer")
			.isEqualTo(404);
		assertThat(record(finance, id, "DISBURSEMENT", "2026-03-16", "100000", "X").statusCode())
			.as("the finance bureau recording")
			.isEqualTo(403);
		long project = review.registeredProject(7);
		assertThat(record(icbc, project, "DISBURSEMENT", "2026-03-16", "100000", "X").statusCode())
			.as("an application that is no granted loan")
			.isEqualTo(404);

		HttpResponse<String> extra = icbc.postJson(events(id),
				"{\"type\":\"DISBURSEMENT\",\"date\":\"2026-03-16\",\"amount\":100000,\"contractNo\":\"X\",\"bankKey\":\"abc\"}",
				"Idempotency-Key", newKey());
		assertThat(extra.statusCode()).as("an extra field").isEqualTo(400);
		assertThat(extra.body()).contains("bankKey");
		assertThat(icbc
			.postJson(events(id),
					"{\"type\":\"DISBURSEMENT\",\"date\":\"2026-03-16\",\"amount\":100000,"
							+ "\"contractNo\":\"X\",\"applicationId\":1}",
					"Idempotency-Key", newKey())
			.statusCode()).isEqualTo(400);
		assertThat(record(icbc, id, "DISBURSEMENT", "2026-03-16", "5000000.01", "X").statusCode())
			.as("more than granted")
			.isEqualTo(400);
		assertThat(record(icbc, id, "DISBURSEMENT", "2026-03-15", "100000", "X").statusCode()).as("before the grant")
			.isEqualTo(400);
		assertThat(record(icbc, id, "DISBURSEMENT", "2026-03-17", "100000", "X").statusCode())
			.as("a first disbursement on another day than the one the decisions state")
			.isEqualTo(400);
		assertThat(record(icbc, id, "DISBURSEMENT", LocalDate.now().plusDays(3).toString(), "100000", "X").statusCode())
			.as("in the future")
			.isEqualTo(400);
		HttpResponse<String> reversed = record(icbc, id, "DISBURSEMENT", "2026-03-16", "100000", "ICBC-\u202E8130");
		assertThat(reversed.statusCode()).as("a contract number written backwards").isEqualTo(400);
		assertThat(reversed.body()).contains("改变文字方向");
		assertThat(abc.postJson("/api/ledger/loans/" + id + "/./events", "{}").statusCode()).isIn(400, 404);
		assertThat(abc.postJson("/api//ledger/loans/" + id + "/events", "{}").statusCode()).isIn(400, 404);
		assertThat(abc.postJson("/api/ledger/loans/" + id + "/events;x=1", "{}").statusCode()).isIn(400, 404);
		assertThat(loan(icbc, id).get("events")).as("nothing recorded by the refused calls").isEmpty();

		record(icbc, id, "DISBURSEMENT", "2026-03-16", "100000", "ICBC-LC-2026-0318");
		accrual.accrueAll(LocalDate.parse("2026-05-01"));
		long other = grantedLoan().id();
		long row = loan(finance, id).get("rows").get(0).get("id").asLong();
		assertThat(finance.postJson(ledger(other, row, "approve"), "{}").statusCode()).as("a row of another loan")
			.isEqualTo(404);
		assertThat(finance.postJson(ledger(id, row, "approve"), "{\"status\":\"PAID\"}").statusCode()).isEqualTo(400);
		assertThat(abc.getBytes("/api/ledger/loans/" + id + "/ledger/" + row + "/notice").statusCode()).isEqualTo(404);
	}

	/**
	 * The statistics' totals for 冠县 and the month against the sums of every loan's rows
	 * as the finance bureau reads them one loan at a time (the other tests' loans
	 * included, whatever their order).
	 */
	private void assertTotalsOfMonthAgreeWithTheLoans(String month) throws Exception {
		BigDecimal accrued = BigDecimal.ZERO;
		BigDecimal approved = BigDecimal.ZERO;
		BigDecimal paidSum = BigDecimal.ZERO;
		int loans = 0;
		for (JsonNode listed : JSON.readTree(finance.get("/api/ledger/loans").body())) {
			boolean counted = false;
			for (JsonNode row : loan(finance, listed.get("summary").get("id").asLong()).get("rows")) {
				if (!row.get("periodEnd").asText().startsWith(month)) {
					continue;
				}
				BigDecimal amount = row.get("amount").decimalValue();
				String status = row.get("status").asText();
				accrued = accrued.add(amount);
				approved = status.equals("ACCRUED") ? approved : approved.add(amount);
				paidSum = status.equals("PAID") ? paidSum.add(amount) : paidSum;
				counted = true;
			}
			loans += counted ? 1 : 0;
		}
		java.time.YearMonth m = java.time.YearMonth.parse(month);
		List<LedgerTotals.MonthTotal> found = totals.byCountyAndMonth(m, m);
		assertThat(found).singleElement().satisfies(t -> {
			assertThat(t.divisionCode()).isEqualTo("371525");
			assertThat(t.month()).isEqualTo(m);
		});
		LedgerTotals.MonthTotal total = found.get(0);
		assertThat(total.accrued()).isEqualByComparingTo(accrued);
		assertThat(total.approved()).isEqualByComparingTo(approved);
		assertThat(total.paid()).isEqualByComparingTo(paidSum);
		assertThat(total.loans()).isEqualTo(loans);
		assertThat(accrued.signum()).isPositive();
	}

	/**
	 * A loan disbursed while the city finance bureau still reviews its interest subsidy
	 * accrues nothing; once the bureau decides, the next run accrues every period from
	 * the first disbursement.
	 */
	@Test
	void shouldAccrueNothingUntilTheFinanceBureauHasDecidedTheInterestSubsidy() throws Exception {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");
		assertThat(record(icbc, loan.id(), "DISBURSEMENT", "2026-03-16", "3000000", "ICBC-LC-2026-0319").statusCode())
			.isEqualTo(200);

		accrual.accrueAll(LocalDate.parse("2026-06-01"));
		assertThat(loan(finance, loan.id()).get("rows")).isEmpty();
		// The API states no rate, months or cap of a subsidy still being decided.
		JsonNode underReview = loan(icbc, loan.id()).get("loan");
		assertThat(underReview.get("interestSubsidyDecided").asBoolean()).isFalse();
		for (String field : List.of("points", "subsidyMonths", "cap")) {
			assertThat(underReview.path(field).isMissingNode() || underReview.path(field).isNull()).as(field).isTrue();
		}

		review.decide(loan, "Task_FinanceInterestReview", "APPROVE");
		JsonNode decided = loan(icbc, loan.id()).get("loan");
		assertThat(decided.get("interestSubsidyDecided").asBoolean()).isTrue();
		assertThat(decided.get("points").decimalValue().signum()).isPositive();
		accrual.accrueAll(LocalDate.parse("2026-06-01"));
		JsonNode rows = loan(finance, loan.id()).get("rows");
		assertThat(labels(rows)).containsExactly("2026-03", "2026-04", "2026-05");
		assertThat(money(rows, "amount")).startsWith("2000.00");
	}

	private Case grantedLoan() {
		return grantedLoan("5000000.00");
	}

	private Case grantedLoan(String amount) {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, amount, true, "FIXED_ASSET");
		return loan;
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	/** A new Idempotency-Key: each entry the API records names itself. */
	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private static String events(long id) {
		return "/api/ledger/loans/" + id + "/events";
	}

	private static String ledger(long id, long row, String action) {
		return "/api/ledger/loans/" + id + "/ledger/" + row + "/" + action;
	}

	private static String pay(String date) {
		return "{\"paidOn\":\"" + date + "\",\"voucherNo\":\"LCCZ-2026-0805-01\"}";
	}

	private static HttpResponse<String> record(WebClient client, long id, String type, String date, String amount,
			String contract) {
		StringBuilder json = new StringBuilder("{\"type\":\"").append(type)
			.append("\",\"date\":\"")
			.append(date)
			.append('"');
		if (amount != null) {
			json.append(",\"amount\":").append(amount);
		}
		if (contract != null) {
			json.append(",\"contractNo\":\"").append(contract).append('"');
		}
		return client.postJson(events(id), json.append('}').toString(), "Idempotency-Key", newKey());
	}

	private static JsonNode loan(WebClient client, long id) throws Exception {
		HttpResponse<String> response = client.get("/api/ledger/loans/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<String> labels(JsonNode rows) {
		return texts(rows, "periodLabel");
	}

	/** Sums in yuan to the fen, however the JSON spelled them. */
	private static List<String> money(JsonNode rows, String field) {
		List<String> values = new ArrayList<>();
		rows.forEach(r -> values.add(r.get(field).decimalValue().setScale(2).toPlainString()));
		return values;
	}

	private static List<String> texts(JsonNode rows, String field) {
		List<String> values = new ArrayList<>();
		rows.forEach(r -> values.add(r.get(field).asText()));
		return values;
	}

}
