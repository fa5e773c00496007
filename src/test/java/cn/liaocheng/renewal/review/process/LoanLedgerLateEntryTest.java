package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.ledger.internal.LedgerException;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LedgerRow;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A bank records a month's last-day repayment the next morning, after the ledger has
 * accrued that month: until the city finance bureau approves the period, the period is
 * computed again from the recorded repayment; once approved, the entry is refused.
 */
@WebIntegrationTest
class LoanLedgerLateEntryTest extends ReviewProcessTest {

	@Autowired
	LoanBook book;

	@Autowired
	LedgerAccrual accrual;

	@Autowired
	LedgerPayments payments;

	@Autowired
	LoanLedgerLateEntryTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aRepaymentOfAMonthsLastDayRecordedAfterTheMonthWasAccruedIsCountedInThatMonth() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		record(loan, LoanEventType.DISBURSEMENT, "2026-03-16", "3000000", "ICBC-LC-2026-0316");
		accrual.accrueAll(LocalDate.of(2026, 6, 1));
		assertThat(period(loan, "2026-05").amount()).isEqualByComparingTo("3875.00");

		// Repaid on 31 May, booked on 1 June after the accrual run.
		record(loan, LoanEventType.REPAYMENT, "2026-05-31", "1000000", null);
		accrual.accrueAll(LocalDate.of(2026, 6, 1));

		// May: 30 days × 3,000,000 + 1 day × 2,000,000 = 92,000,000 × 1.5% ÷ 360
		LedgerRow may = period(loan, "2026-05");
		assertThat(may.balanceBasis()).isEqualByComparingTo("92000000");
		assertThat(may.amount()).isEqualByComparingTo("3833.33");
		assertThat(rows(loan)).extracting(LedgerRow::periodLabel).containsExactly("2026-03", "2026-04", "2026-05");
	}

	@Test
	void anEntryInAPeriodTheFinanceBureauApprovedIsRefusedAndChangesNothing() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		record(loan, LoanEventType.DISBURSEMENT, "2026-03-16", "3000000", "ICBC-LC-2026-0316");
		accrual.accrueAll(LocalDate.of(2026, 6, 1));
		payments.approve(review.user("lc-finance"), loan.id(), period(loan, "2026-05").id());

		assertThatThrownBy(() -> record(loan, LoanEventType.REPAYMENT, "2026-05-31", "1000000", null))
			.isInstanceOf(LedgerException.class)
			.hasMessageContaining("2026-05-31");
		assertThat(period(loan, "2026-05").amount()).isEqualByComparingTo("3875.00");
	}

	private void record(Case loan, LoanEventType type, String day, String amount, String contract) {
		book.record(review.user(DemoUsers.BANK_OFFICER), loan.id(),
				new LoanBook.Recording(type, LocalDate.parse(day), new BigDecimal(amount), contract, null),
				UUID.randomUUID().toString());
	}

	private LedgerRow period(Case loan, String label) {
		return rows(loan).stream().filter(r -> r.periodLabel().equals(label)).findFirst().orElseThrow();
	}

	private List<LedgerRow> rows(Case loan) {
		return book.view(review.user("lc-finance"), loan.id()).rows();
	}

}
