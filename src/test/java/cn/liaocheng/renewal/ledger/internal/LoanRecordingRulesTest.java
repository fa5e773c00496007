package cn.liaocheng.renewal.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a bank may record on its loan's ledger: the first disbursement is the payment the
 * bank reported with its grant, on the day the decisions state and the interest-subsidy
 * rule was chosen by.
 */
class LoanRecordingRulesTest {

	private static final LocalDate REPORTED = LocalDate.parse("2026-03-16");

	private static final LocalDate TODAY = LocalDate.parse("2026-09-01");

	private final GrantedLoan loan = new GrantedLoan(1, "LC-D-2026-0001", "371502", "聊城示例制造有限公司", "91371500MA3C000001",
			"enterprise", "数控机床更新项目", "icbc", new BigDecimal("5000000.00"), new BigDecimal("3.10"), 36, REPORTED,
			new Accrual.Terms(new BigDecimal("1.5"), 24, new BigDecimal("375000.00")), true, false);

	private final List<LoanEvent> events = new ArrayList<>();

	@Test
	void shouldRefuseAFirstDisbursementLaterThanTheReportedDisbursementDate() {
		assertThatThrownBy(() -> disburse("2026-04-01", "3000000")).isInstanceOfSatisfying(LedgerException.class, e -> {
			assertThat(e.reason()).isEqualTo(LedgerException.Reason.INVALID);
			assertThat(e.field()).isEqualTo("date");
		}).hasMessageContaining("首笔放款日期应为本行审贷时报告的放款日期（2026-03-16）");
	}

	@Test
	void shouldRefuseAFirstDisbursementEarlierThanTheReportedDisbursementDate() {
		assertThatThrownBy(() -> disburse("2026-03-15", "3000000")).isInstanceOf(LedgerException.class)
			.hasMessageContaining("2026-03-16");
	}

	@Test
	void shouldTakeTheFirstDisbursementOnTheReportedDayAndLaterTranchesAfterIt() {
		LoanBook.Recording first = disburse("2026-03-16", "3000000");
		events.add(new LoanEvent(1, first.type(), first.date(), first.amount(), first.contractNo(), null, "bank",
				Instant.now()));

		LoanBook.Recording second = disburse("2026-05-20", "2000000");

		assertThat(first.date()).isEqualTo(REPORTED);
		assertThat(second.date()).isEqualTo(LocalDate.parse("2026-05-20"));
		assertThat(second.amount()).isEqualByComparingTo("2000000");
	}

	/**
	 * Banks book a day's repayments after the day: one of the last day of a month is
	 * recorded the next morning, after the hourly accrual has computed that month. Until
	 * the finance bureau approves the period it is a computation nobody has acted on, so
	 * the entry is taken and the period computed again from it, rather than refused and
	 * the month paid on principal already repaid.
	 */
	@Test
	void shouldTakeAMonthEndRepaymentRecordedAfterTheMonthWasAccruedButNotYetApproved() {
		recorded(LoanEventType.DISBURSEMENT, "2026-03-16", "3000000");
		List<LedgerRow> rows = List.of(row("2026-03", "2026-03-16", "2026-03-31", LedgerStatus.PAID),
				row("2026-04", "2026-04-01", "2026-04-30", LedgerStatus.APPROVED),
				row("2026-05", "2026-05-01", "2026-05-31", LedgerStatus.ACCRUED));

		LoanBook.Recording repayment = LoanRecordingRules.check(loan, events, rows,
				new LoanBook.Recording(LoanEventType.REPAYMENT, LocalDate.parse("2026-05-31"),
						new BigDecimal("1000000"), null, null),
				LocalDate.parse("2026-06-01"));

		assertThat(repayment.amount()).isEqualByComparingTo("1000000");
	}

	@Test
	void shouldRefuseAnEntryInAPeriodTheFinanceBureauHasApproved() {
		recorded(LoanEventType.DISBURSEMENT, "2026-03-16", "3000000");
		List<LedgerRow> rows = List.of(row("2026-03", "2026-03-16", "2026-03-31", LedgerStatus.PAID),
				row("2026-04", "2026-04-01", "2026-04-30", LedgerStatus.APPROVED),
				row("2026-05", "2026-05-01", "2026-05-31", LedgerStatus.ACCRUED));

		assertThatThrownBy(() -> LoanRecordingRules.check(loan, events, rows,
				new LoanBook.Recording(LoanEventType.REPAYMENT, LocalDate.parse("2026-04-30"),
						new BigDecimal("1000000"), null, null),
				LocalDate.parse("2026-06-01")))
			.isInstanceOfSatisfying(LedgerException.class,
					e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.CONFLICT))
			.hasMessageContaining("2026-04-30");
	}

	/**
	 * The last instalment paid at maturity repays the loan; it is not an early settlement
	 * (提前结清), which the ledger and the enterprise's page would then state.
	 */
	@Test
	void shouldTakeARepaymentOfTheWholeBalanceAsARepaymentNotAnEarlySettlement() {
		recorded(LoanEventType.DISBURSEMENT, "2026-03-16", "3000000");
		recorded(LoanEventType.REPAYMENT, "2026-06-16", "1000000");

		LoanBook.Recording last = LoanRecordingRules.check(loan, events, List.of(), new LoanBook.Recording(
				LoanEventType.REPAYMENT, LocalDate.parse("2026-08-16"), new BigDecimal("2000000"), null, null), TODAY);

		assertThat(last.type()).isEqualTo(LoanEventType.REPAYMENT);
		assertThat(last.amount()).isEqualByComparingTo("2000000");
		assertThatThrownBy(() -> LoanRecordingRules.check(loan, events, List.of(),
				new LoanBook.Recording(LoanEventType.REPAYMENT, LocalDate.parse("2026-08-16"),
						new BigDecimal("2000000.01"), null, null),
				TODAY))
			.isInstanceOf(LedgerException.class)
			.hasMessageContaining("2,000,000.00");
	}

	private void recorded(LoanEventType type, String date, String amount) {
		events.add(new LoanEvent(events.size() + 1, type, LocalDate.parse(date), new BigDecimal(amount).setScale(2),
				"ICBC-LC-2026-0316", null, "bank", Instant.now()));
	}

	private static LedgerRow row(String label, String start, String end, LedgerStatus status) {
		return new LedgerRow(1, 1, label, LocalDate.parse(start), LocalDate.parse(end), new BigDecimal("90000000.00"),
				30, new BigDecimal("1.5"), new BigDecimal("3750.00"), status, Instant.now(), null, null, null, null,
				null, null, List.of(new LedgerRow.Share(LocalDate.parse("2026-03-16"), new BigDecimal("90000000.00"),
						30, new BigDecimal("1.5"), 24, null, null, false)));
	}

	private LoanBook.Recording disburse(String date, String amount) {
		return LoanRecordingRules.check(loan, events, List.of(), new LoanBook.Recording(LoanEventType.DISBURSEMENT,
				LocalDate.parse(date), new BigDecimal(amount), "ICBC-LC-2026-0316", null), TODAY);
	}

}
