package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LedgerRow;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A loan paid out in tranches: each tranche accrues under the national interest-subsidy
 * rule in force on its own disbursement day, not under the rule of the loan's first day,
 * and the ledger and the payment notice state the rate applied to each.
 */
@WebIntegrationTest
class LoanLedgerTranchesTest extends ReviewProcessTest {

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
	LoanLedgerTranchesTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aTranchePaidOutAfterTheRateWasRaisedAccruesAtTheRaisedRateAndItsNoticeStatesBothRates() {
		Case loan = review.listedLoan("icbc");
		// Disbursed on 20 June 2024, before the July 2024 measures: 1 point a year.
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-LC-2024-0620");
		disburse(loan, "2024-09-01", "1200000", "ICBC-LC-2024-0901");

		accrual.accrueAll(LocalDate.of(2024, 10, 1));

		List<LedgerRow> rows = rows(loan);
		// June to August the first tranche alone, 1,200,000 × 1% ÷ 360 a day: 11 days →
		// 366.67, 31 days → 1,033.33. September: 30 × 1,200,000 at 1 point (1,000.00) and
		// the tranche of 1 September, paid out under the raised rule, 30 × 1,200,000 at
		// 1.5 points (1,500.00).
		assertThat(rows).extracting(LedgerRow::periodLabel).containsExactly("2024-06", "2024-07", "2024-08", "2024-09");
		assertThat(rows).extracting(r -> r.amount().toPlainString())
			.containsExactly("366.67", "1033.33", "1033.33", "2500.00");
		LedgerRow september = rows.get(3);
		assertThat(september.balanceBasis()).isEqualByComparingTo("72000000");

		payments.approve(review.user("lc-finance"), loan.id(), september.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), september.id(), LocalDate.of(2024, 10, 10),
				"LCCZ-2024-1010");
		String notice = review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text();
		assertThat(notice).contains("2024年6月20日放款", "贴息1个百分点/年", "2024年9月1日放款", "贴息1.5个百分点/年", "2,500.00")
			.doesNotContain("计算为");
	}

	@Test
	void aTranchePaidOutAfterTheLastRuleEndedAccruesNothingAndTheLedgerSaysSo() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		disburse(loan, "2026-03-16", "1200000", "ICBC-LC-2026-0316");
		// The bank records days up to today only; the tranche lies after the 2026 rule.
		insertDisbursement(loan, "2027-01-15", "1200000", "ICBC-LC-2027-0115");

		accrual.accrueAll(LocalDate.of(2027, 3, 1));

		// January and February 2027: the first tranche alone, 1,200,000 × 1.5% ÷ 360 =
		// 50.00 a day.
		List<LedgerRow> rows = rows(loan);
		assertThat(rows).filteredOn(r -> r.periodLabel().startsWith("2027"))
			.extracting(r -> r.amount().toPlainString())
			.containsExactly("1550.00", "1400.00");
		assertThat(rows).filteredOn(r -> r.periodLabel().equals("2027-01"))
			.singleElement()
			.satisfies(r -> assertThat(r.balanceBasis()).isEqualByComparingTo("37200000"));
		String page = session("lc-finance").get("/ledger/loans/" + loan.id()).body();
		assertThat(page).contains("该笔放款于2027-01-15发放，不在贴息政策期限内，不计贴息");
		String enterprisePage = session(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + loan.id() + "/loan")
			.body();
		assertThat(enterprisePage).contains("该笔放款于2027-01-15发放，不在贴息政策期限内，不计贴息");
	}

	private List<LedgerRow> rows(Case loan) {
		return book.view(review.user("lc-finance"), loan.id()).rows();
	}

	private void disburse(Case loan, String day, String amount, String contract) {
		book.record(review.user(DemoUsers.BANK_OFFICER), loan.id(), new LoanBook.Recording(LoanEventType.DISBURSEMENT,
				LocalDate.parse(day), new BigDecimal(amount), contract, null));
	}

	private void insertDisbursement(Case loan, String day, String amount, String contract) {
		jdbc.sql("""
				INSERT INTO loan_event (application_id, bank_key, event_type, event_date, amount, contract_no,
				    recorded_by, recorded_at)
				VALUES (?, 'icbc', 'DISBURSEMENT', ?, ?, ?, ?, ?)""")
			.params(loan.id(), Date.valueOf(LocalDate.parse(day)), new BigDecimal(amount), contract,
					DemoUsers.BANK_OFFICER, Timestamp.from(Instant.now()))
			.update();
	}

	private WebClient session(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		return client;
	}

}
