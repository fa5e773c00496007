package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.liaocheng.renewal.security.PlainText;

/**
 * What a bank may record, checked against the loan as recorded so far. Entries go in date
 * order and never into a period the city finance bureau has approved or paid, so that no
 * approved or paid period, nor its payment notice, changes after the fact; an entry in a
 * period only accrued reopens it ({@link #reopened}).
 */
final class LoanRecordingRules {

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

	private LoanRecordingRules() {
	}

	static LoanBook.Recording check(GrantedLoan loan, List<LoanEvent> events, List<LedgerRow> rows,
			LoanBook.Recording r, LocalDate today) {
		if (r.type() == null) {
			throw LedgerException.invalid("type", "请选择登记事项（放款、归还本金、提前结清或逾期/违约）");
		}
		LocalDate date = r.date();
		if (date == null) {
			throw LedgerException.invalid("date", "请填写日期");
		}
		if (date.isAfter(today)) {
			throw LedgerException.invalid("date", "日期不能晚于今天");
		}
		if (events.stream().anyMatch(e -> e.type().closes())) {
			throw LedgerException.conflict("该笔贷款已提前结清或已登记逾期/违约，不能再登记");
		}
		LocalDate latest = events.isEmpty() ? null : events.get(events.size() - 1).date();
		if (latest != null && date.isBefore(latest)) {
			throw LedgerException.invalid("date", "请按时间顺序登记：日期不能早于上一笔登记的日期（" + latest + "）");
		}
		LedgerRow settled = lastSettled(rows);
		if (settled != null && !date.isAfter(settled.periodEnd())) {
			throw LedgerException.conflict("该日期所在的贴息期间已经市财政局审核（截至" + settled.periodEnd() + "），不能补录；如登记有误，请书面告知市财政局");
		}
		if (reopened(rows, date).stream().anyMatch(row -> row.shares().isEmpty())) {
			// A period written before the ledger kept tranches fixed the decided rule for
			// the tranches it covered; computing it again would lose that.
			throw LedgerException
				.conflict("该日期所在的贴息期间已计提（截至" + rows.get(rows.size() - 1).periodEnd() + "），不能补录；如登记有误，请书面告知市财政局");
		}
		BigDecimal balance = events.stream().map(LoanEvent::balanceChange).reduce(BigDecimal.ZERO, BigDecimal::add);
		String note = text(r.note(), "note", 500, "说明");
		return switch (r.type()) {
			case DISBURSEMENT -> disbursement(loan, events, date, r);
			case REPAYMENT -> {
				requireDisbursed(events);
				BigDecimal amount = amount(r.amount(), "amount", "归还本金");
				// The whole balance may be repaid at maturity: that is a repayment, not
				// the early settlement that 提前结清 states.
				if (amount.compareTo(balance) > 0) {
					throw LedgerException.invalid("amount", "归还本金不能超过贷款余额（" + yuan(balance) + "元）；到期前全部归还的，请登记“提前结清”");
				}
				yield new LoanBook.Recording(r.type(), date, amount, null, note);
			}
			case EARLY_REPAYMENT -> {
				requireDisbursed(events);
				if (balance.signum() <= 0) {
					throw LedgerException.conflict("贷款余额为零，无需结清");
				}
				yield new LoanBook.Recording(r.type(), date, balance, null, note);
			}
			case DEFAULT -> {
				requireDisbursed(events);
				if (note == null) {
					throw LedgerException.invalid("note", "请说明逾期或违约情况");
				}
				yield new LoanBook.Recording(r.type(), date, null, null, note);
			}
		};
	}

	/**
	 * The latest period the finance bureau has approved or paid: no entry may fall in it
	 * or before it, so that no approved, paid or notified figure changes after the fact.
	 */
	private static LedgerRow lastSettled(List<LedgerRow> rows) {
		LedgerRow last = null;
		for (LedgerRow row : rows) {
			if (row.status() != LedgerStatus.ACCRUED && (last == null || row.periodEnd().isAfter(last.periodEnd()))) {
				last = row;
			}
		}
		return last;
	}

	/**
	 * The accrued periods an entry of {@code date} falls in or before: computations no
	 * one has approved, which are removed with the entry and computed again from it at
	 * the next accrual. Banks book a day's repayments after the day, and the ledger
	 * accrues a month within the hour after it ends.
	 */
	static List<LedgerRow> reopened(List<LedgerRow> rows, LocalDate date) {
		return rows.stream()
			.filter(row -> row.status() == LedgerStatus.ACCRUED && !date.isAfter(row.periodEnd()))
			.toList();
	}

	private static LoanBook.Recording disbursement(GrantedLoan loan, List<LoanEvent> events, LocalDate date,
			LoanBook.Recording r) {
		// The bank reports its grant once the loan is paid out, and the signed decisions
		// state that it was paid on that day: the interest-subsidy rule was chosen by it
		// and the subsidy runs from it. The first disbursement is that payment, so a
		// ledger that starts on another day would contradict the decisions.
		boolean first = events.stream().noneMatch(e -> e.type() == LoanEventType.DISBURSEMENT);
		if (first && loan.grantDate() != null && !date.equals(loan.grantDate())) {
			throw LedgerException.invalid("date", "首笔放款日期应为本行审贷时报告的放款日期（" + loan.grantDate()
					+ "）：贷款支持决定书和贴息决定据此日写明放款并适用国家贴息政策，贴息也自该日起算。实际首笔放款不在该日的，请不要登记其他日期，书面告知市财政局核实处理");
		}
		BigDecimal amount = amount(r.amount(), "amount", "放款金额");
		BigDecimal disbursed = events.stream()
			.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
			.map(LoanEvent::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (disbursed.add(amount).compareTo(loan.grantedAmount()) > 0) {
			throw LedgerException.invalid("amount",
					"累计放款不能超过批准的贷款金额（" + yuan(loan.grantedAmount()) + "元），已放款" + yuan(disbursed) + "元");
		}
		String contract = text(r.contractNo(), "contractNo", 64, "借款合同编号");
		if (contract == null) {
			throw LedgerException.invalid("contractNo", "请填写借款合同编号");
		}
		return new LoanBook.Recording(r.type(), date, amount, contract, text(r.note(), "note", 500, "说明"));
	}

	private static String yuan(BigDecimal amount) {
		return String.format("%,.2f", amount);
	}

	private static void requireDisbursed(List<LoanEvent> events) {
		if (events.stream().noneMatch(e -> e.type() == LoanEventType.DISBURSEMENT)) {
			throw LedgerException.conflict("该笔贷款尚未登记放款");
		}
	}

	private static BigDecimal amount(BigDecimal amount, String field, String label) {
		if (amount == null) {
			throw LedgerException.invalid(field, "请填写" + label);
		}
		if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
			throw LedgerException.invalid(field, label + "应为大于零的金额（元）");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw LedgerException.invalid(field, label + "最多保留两位小数（元、角、分）");
		}
		return amount.setScale(2);
	}

	/**
	 * Stripped text, or null when blank; control characters and over-long text are
	 * refused.
	 */
	private static String text(String value, String field, int max, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw LedgerException.invalid(field, label + "不能超过" + max + "个字");
		}
		PlainText.problem(v, true).ifPresent(problem -> {
			throw LedgerException.invalid(field, label + problem);
		});
		return v;
	}

}
