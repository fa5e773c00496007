package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LedgerRow;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The ledger's pages with a browser's session: CSRF on every form, and only the granting
 * bank's officers in.
 */
@WebIntegrationTest
class LoanLedgerPagesTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	LoanBook book;

	@Autowired
	LedgerAccrual accrual;

	@Autowired
	LedgerPayments payments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoanLedgerPagesTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aFormWithoutItsCsrfTokenRecordsNothingAndOtherBanksAndEnterprisesAreKeptOut() {
		Case loan = grantedLoan();
		String page = "/ledger/loans/" + loan.id();
		WebClient icbc = session(DemoUsers.BANK_OFFICER);
		HttpResponse<String> form = icbc.get(page);
		assertThat(form.statusCode()).isEqualTo(200);
		String entry = "type=DISBURSEMENT&date=2026-03-16&amount=100000&contractNo=" + enc("ICBC-LC-CSRF");

		assertThat(icbc.postForm(page + "/events", entry).statusCode()).as("without the token").isEqualTo(403);
		assertThat(icbc.postForm(page + "/events", entry + "&_csrf=forged").statusCode()).as("a forged token")
			.isEqualTo(403);
		assertThat(icbc.get(page).body()).doesNotContain("ICBC-LC-CSRF");

		String entryForm = icbc.get(page).body();
		String token = WebClient.csrfTokenOf(entryForm);
		HttpResponse<String> keyless = icbc.postForm(page + "/events", entry + "&_csrf=" + enc(token));
		assertThat(icbc.get(keyless.headers().firstValue("Location").orElseThrow()).body())
			.as("a form without its record key (a hand-made request) records nothing")
			.contains("登记表缺少编号，未登记")
			.doesNotContain("已登记放款");
		assertThat(book.view(review.user(DemoUsers.BANK_OFFICER), loan.id()).events()).isEmpty();
		String key = entryForm.replaceAll("(?s).*name=\"recordKey\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> recorded = icbc.postForm(page + "/events",
				entry + "&recordKey=" + key + "&_csrf=" + enc(token));
		assertThat(recorded.statusCode()).isEqualTo(302);
		assertThat(icbc.get(page).body()).contains("ICBC-LC-CSRF", "已登记放款");

		WebClient abc = session("abc-officer");
		assertThat(abc.get(page).statusCode()).as("another bank's officer").isEqualTo(404);
		assertThat(abc.get("/ledger").body()).doesNotContain("/ledger/loans/" + loan.id());
		String abcToken = WebClient.csrfTokenOf(abc.get("/ledger").body());
		assertThat(abc.postForm(page + "/events", entry + "&recordKey=abc-" + key + "&_csrf=" + enc(abcToken))
			.statusCode()).isEqualTo(404);
		WebClient enterprise = session(DemoUsers.ENTERPRISE);
		assertThat(enterprise.get(page).statusCode()).as("the enterprise at the bank's page").isEqualTo(403);
		assertThat(enterprise.get("/enterprise/applications/" + loan.id() + "/loan").body()).contains("ICBC-LC-CSRF",
				"100,000.00");
		assertThat(
				session(DemoUsers.OTHER_ENTERPRISE).get("/enterprise/applications/" + loan.id() + "/loan").statusCode())
			.isEqualTo(404);
		assertThat(icbc.get(page).body()).containsOnlyOnce("ICBC-LC-CSRF");
	}

	/**
	 * The officer's own id with a wrong password in a Basic header beside the session
	 * does not make the form exempt from CSRF: HTTP Basic is checked on its own, without
	 * the session, and refused.
	 */
	@Test
	void theOfficersIdWithAWrongBasicPasswordBesideTheSessionRecordsNothing() {
		Case loan = grantedLoan();
		String page = "/ledger/loans/" + loan.id();
		WebClient icbc = session(DemoUsers.BANK_OFFICER);
		String key = icbc.get(page).body().replaceAll("(?s).*name=\"recordKey\" value=\"([^\"]+)\".*", "$1");
		String entry = "type=DISBURSEMENT&date=2026-03-16&amount=100000&contractNo=" + enc("ICBC-LC-INSIDER")
				+ "&recordKey=" + key;
		String wrong = "Basic " + Base64.getEncoder()
			.encodeToString((DemoUsers.BANK_OFFICER + ":not-the-password").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> sent = icbc.sendBody("POST", page + "/events", HttpRequest.BodyPublishers.ofString(entry),
				"application/x-www-form-urlencoded", "Authorization", wrong);

		assertThat(sent.statusCode()).isEqualTo(401);
		assertThat(book.view(review.user(DemoUsers.BANK_OFFICER), loan.id()).events()).isEmpty();
		new LoginFailureRows(jdbc).endLocks(DemoUsers.BANK_OFFICER);
		assertThat(
				new WebClient(port).withBasic(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD).get("/api/me").statusCode())
			.as("the right password clears the failure for the tests that follow")
			.isEqualTo(200);
	}

	/**
	 * The entry form sent twice (a double click while the first is slow, a bank system
	 * retrying after a timeout) records one entry; the same form or key with other
	 * contents is refused, and another form records its own entry.
	 */
	@Test
	void theSameEntryFormOrIdempotencyKeySentTwiceRecordsOneEntry() {
		Case loan = grantedLoan();
		String page = "/ledger/loans/" + loan.id();
		WebClient icbc = session(DemoUsers.BANK_OFFICER);
		String form = icbc.get(page).body();
		String key = form.replaceAll("(?s).*name=\"recordKey\" value=\"([^\"]+)\".*", "$1");
		assertThat(key).matches("[0-9a-f-]{36}");
		String entry = "type=DISBURSEMENT&date=2026-03-16&amount=100000&contractNo=" + enc("ICBC-LC-TWICE")
				+ "&recordKey=" + key + "&_csrf=" + enc(WebClient.csrfTokenOf(form));

		for (int i = 0; i < 2; i++) {
			HttpResponse<String> sent = icbc.postForm(page + "/events", entry);
			assertThat(sent.statusCode()).isEqualTo(302);
			assertThat(icbc.get(sent.headers().firstValue("Location").orElseThrow()).body()).contains("已登记放款。");
		}
		assertThat(book.view(review.user(DemoUsers.BANK_OFFICER), loan.id()).events()).as("one entry")
			.singleElement()
			.satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("100000"));

		HttpResponse<String> other = icbc.postForm(page + "/events", entry.replace("amount=100000", "amount=90000"));
		assertThat(icbc.get(other.headers().firstValue("Location").orElseThrow()).body())
			.contains("这份登记表已于此前登记为放款（2026-03-16），本次内容与之不同，未登记。");

		WebClient api = new WebClient(port).withBasic(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD);
		String repayment = "{\"type\":\"REPAYMENT\",\"date\":\"2026-04-20\",\"amount\":20000}";
		HttpResponse<String> first = api.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment,
				"Idempotency-Key", "bank-retry-0001");
		HttpResponse<String> retried = api.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment,
				"Idempotency-Key", "bank-retry-0001");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(retried.body()).isEqualTo(first.body());
		assertThat(api
			.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment.replace("20000", "30000"),
					"Idempotency-Key", "bank-retry-0001")
			.statusCode()).isEqualTo(409);
		assertThat(api
			.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment.replace("}", ",\"note\":\"另一笔还款\"}"),
					"Idempotency-Key", "bank-retry-0001")
			.statusCode()).as("the same key with another note").isEqualTo(409);
		assertThat(api.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment, "Idempotency-Key", "../x")
			.statusCode()).isEqualTo(400);
		assertThat(book.view(review.user(DemoUsers.BANK_OFFICER), loan.id()).events()).hasSize(2);
		// Without a key the entry is refused, not recorded: sent again after a time-out
		// it would count the money twice.
		HttpResponse<String> unnamed = api.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment);
		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(unnamed.body()).contains("Idempotency-Key", "不会重复登记");
		assertThat(api.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment, "Idempotency-Key", " ")
			.statusCode()).as("a blank key").isEqualTo(400);
		assertThat(book.view(review.user(DemoUsers.BANK_OFFICER), loan.id()).events()).hasSize(2);
		// A second repayment of the same amount on the same day is an entry of its own
		// under a key of its own.
		assertThat(api
			.postJson("/api/ledger/loans/" + loan.id() + "/events", repayment, "Idempotency-Key", "bank-retry-0002")
			.statusCode()).isEqualTo(200);
		assertThat(book.view(review.user(DemoUsers.BANK_OFFICER), loan.id()).events()).hasSize(3);
	}

	/**
	 * The list is paged, newest first: the finance bureau's pages hold every granted loan
	 * once, a bank's pages only its own.
	 */
	@Test
	void theListOfLoansIsPagedAndEachPageOnlyHoldsWhatTheCallerMaySee() {
		Case older = grantedLoan();
		Case newer = grantedLoan();
		LoanBook.LoanPage first = book.page(review.user("lc-finance"), 1, 1, false, null);
		LoanBook.LoanPage second = book.page(review.user("lc-finance"), 2, 1, false, null);

		assertThat(first.total()).isGreaterThanOrEqualTo(2);
		assertThat(first.pages()).isEqualTo((int) first.total());
		assertThat(first.loans()).singleElement().satisfies(l -> assertThat(l.summary().id()).isEqualTo(newer.id()));
		assertThat(second.loans()).singleElement().satisfies(l -> assertThat(l.summary().id()).isEqualTo(older.id()));
		assertThat(book.page(review.user("lc-finance"), 999, 1, false, null).page()).as("past the end: the last page")
			.isEqualTo(first.pages());
		LoanBook.LoanPage otherBank = book.page(review.user("abc-officer"), 1, 1000, false, null);
		assertThat(otherBank.loans()).extracting(l -> l.summary().id()).doesNotContain(older.id(), newer.id());
		assertThat(session("lc-finance").get("/ledger?page=abc").statusCode()).as("not a page number").isEqualTo(400);
		assertThat(session("lc-finance").get("/ledger?page=-3").body()).contains("/ledger/loans/" + newer.id());
	}

	/**
	 * The finance bureau finds a loan by its reference number, the enterprise's name or
	 * credit code, and reads the lender and the amount granted in the list; a bank finds
	 * only its own, and a search's wildcards are taken as typed.
	 */
	@Test
	void theListFindsALoanByItsNumberOrEnterpriseAndShowsItsLenderAndAmount() {
		Case loan = grantedLoan();
		String number = review.referenceNo(loan);
		WebClient finance = session("lc-finance");

		String found = finance.get("/ledger?q=" + number.substring(number.length() - 6)).body();
		assertThat(found).contains("/ledger/loans/" + loan.id(), "中国工商银行聊城分行", "5,000,000.00");
		LoanBook.LoanPage byNumber = book.page(review.user("lc-finance"), 1, 1000, false, number);
		assertThat(byNumber.loans()).singleElement().satisfies(l -> assertThat(l.summary().id()).isEqualTo(loan.id()));
		assertThat(book.page(review.user("lc-finance"), 1, 1000, false, "冠县演示轴承").loans())
			.extracting(l -> l.summary().id())
			.contains(loan.id());
		assertThat(book.page(review.user("abc-officer"), 1, 1000, false, number).loans()).as("another bank's loan")
			.isEmpty();
		assertThat(book.page(review.user("lc-finance"), 1, 1000, false, "%").total()).as("a wildcard as typed")
			.isZero();
		HttpResponse<String> none = finance
			.get("/ledger?q=" + URLEncoder.encode("无此企业".repeat(30), StandardCharsets.UTF_8));
		assertThat(none.statusCode()).isEqualTo(200);
		assertThat(none.body()).contains("没有与“" + "无此企业".repeat(16) + "”相符的贷款");
	}

	/**
	 * A refused payment comes back with its reason, and the date and voucher typed stay
	 * in that period's form, as the bank's entry form keeps what was typed.
	 */
	@Test
	void aRefusedPaymentKeepsTheDateAndVoucherTypedInThatPeriodsForm() {
		Case loan = grantedLoan();
		book.record(
				review.user(DemoUsers.BANK_OFFICER), loan.id(), new LoanBook.Recording(LoanEventType.DISBURSEMENT,
						ReviewFixture.GRANT_DATE, new BigDecimal("3000000"), "ICBC-LC-KEEP", null),
				"keep-loan-" + loan.id());
		accrual.accrueAll(ReviewFixture.GRANT_DATE.plusMonths(3).withDayOfMonth(1));
		LedgerRow first = book.view(review.user("lc-finance"), loan.id()).rows().get(0);
		payments.approve(review.user("lc-finance"), loan.id(), first.id());
		WebClient payer = session("lc-finance-pay");
		String page = "/ledger/loans/" + loan.id();
		String token = WebClient.csrfTokenOf(payer.get(page).body());

		HttpResponse<String> refused = payer.postForm(page + "/ledger/" + first.id() + "/payment",
				"paidOn=" + first.periodEnd() + "&voucherNo=" + enc("LCCZ-KEEP-0001") + "&_csrf=" + enc(token));

		assertThat(refused.statusCode()).isEqualTo(302);
		String shown = payer.get(page).body();
		assertThat(shown).contains("拨付日期应晚于贴息期间的结束日");
		// Still approved, not paid: the period's payment form is offered again.
		String form = shown.substring(shown.indexOf("/ledger/" + first.id() + "/payment"));
		assertThat(form.substring(0, form.indexOf("</form>"))).contains("value=\"" + first.periodEnd() + "\"",
				"value=\"LCCZ-KEEP-0001\"");
	}

	/**
	 * The monthly ledger (月度台账) holds every loan's period of the month for the finance
	 * bureau, the bank's own for a bank, nothing for another bank, and is refused to an
	 * enterprise; its workbook holds what the page shows.
	 */
	@Test
	void theMonthlyLedgerShowsEachReaderTheLoansItMaySee() throws Exception {
		Case loan = grantedLoan();
		book.record(
				review.user(DemoUsers.BANK_OFFICER), loan.id(), new LoanBook.Recording(LoanEventType.DISBURSEMENT,
						ReviewFixture.GRANT_DATE, new BigDecimal("3000000"), "ICBC-LC-MONTH", null),
				"month-loan-" + loan.id());
		accrual.accrueAll(ReviewFixture.GRANT_DATE.plusMonths(1).withDayOfMonth(1));
		LedgerRow march = book.view(review.user("lc-finance"), loan.id()).rows().get(0);
		// A loan names the registered project it finances; its own row holds no name.
		String project = book.view(review.user("lc-finance"), loan.id()).loan().projectName();
		assertThat(project).isNotBlank();
		String referenceNo = review.referenceNo(loan);
		String month = "/ledger/monthly?month=2026-03";

		String finance = session("lc-finance").get(month).body();
		assertThat(finance).contains(referenceNo, "2026-03-16 至 2026-03-31", "已计提",
				String.format("%,.2f", march.amount()), "中国工商银行聊城分行");
		assertThat(session(DemoUsers.BANK_OFFICER).get(month).body()).contains(referenceNo);
		assertThat(session("abc-officer").get(month).body()).as("another bank").doesNotContain(referenceNo);
		HttpResponse<String> enterprise = session(DemoUsers.ENTERPRISE).get(month);
		assertThat(enterprise.statusCode()).isEqualTo(403);
		assertThat(enterprise.body()).doesNotContain(referenceNo);
		assertThat(session("lc-finance").get("/ledger/monthly?month=2023-13").body()).contains("月份“2023-13”无效")
			.doesNotContain("Whitelabel");

		HttpResponse<byte[]> workbook = session("lc-finance").getBytes("/ledger/monthly.xlsx?month=2026-03");
		assertThat(workbook.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
			String cells = sheetText(book);
			assertThat(cells).contains("设备更新贷款财政贴息月度台账（2026-03）", referenceNo, "|" + project + "|", "已计提", "全部已发放贷款");
		}
		assertThat(session("abc-officer").getBytes("/ledger/monthly.xlsx?month=2026-03").body()).satisfies(bytes -> {
			try (XSSFWorkbook other = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
				assertThat(sheetText(other)).doesNotContain(referenceNo).contains("本行发放的贷款");
			}
		});
		assertThat(session(DemoUsers.ENTERPRISE).getBytes("/ledger/monthly.xlsx?month=2026-03").statusCode())
			.isEqualTo(403);
	}

	private static String sheetText(XSSFWorkbook workbook) {
		StringBuilder text = new StringBuilder();
		DataFormatter format = new DataFormatter();
		workbook.getSheetAt(0)
			.forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('|')));
		return text.toString();
	}

	private WebClient session(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		return client;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/**
	 * The subsidy period is stated only beside a subsidy the finance bureau decided:
	 * neither beside 不予贴息 nor while it is being decided.
	 */
	@Test
	void theSubsidyPeriodIsStatedOnlyForADecidedSubsidy() {
		Case decided = grantedLoan();
		Case refused = review.listedLoan("icbc");
		review.grant(refused, "2000000.00", false, "WORKING_CAPITAL");
		Case pending = review.listedLoan("icbc");
		review.grantOnly(pending, "icbc", "3000000.00", true, "FIXED_ASSET");
		review.acceptOnly(pending, "icbc");
		WebClient finance = session("lc-finance");

		assertThat(finance.get("/ledger/loans/" + decided.id()).body()).contains("id=\"subsidy-period\"", "每月末后计提一期");
		assertThat(finance.get("/ledger/loans/" + refused.id()).body()).contains("不予贴息")
			.doesNotContain("subsidy-period", "贴息期间");
		assertThat(finance.get("/ledger/loans/" + pending.id()).body()).contains("正在核定")
			.doesNotContain("subsidy-period", "贴息期间");
	}

	private Case grantedLoan() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		return loan;
	}

}
