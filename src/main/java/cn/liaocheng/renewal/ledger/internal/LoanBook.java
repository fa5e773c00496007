package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The granting bank's record of its loan, and the views of it for the bank, the finance
 * bureau and the enterprise.
 */
@Service
public class LoanBook {

	static final ZoneId CHINA = ChinaTime.ZONE;

	private final ApplicationStages stages;

	private final LedgerStore store;

	private final OrganizationCatalog organizations;

	private final AuditTrail audit;

	private final LoanRules rules;

	private final Periodicity periodicity;

	LoanBook(ApplicationStages stages, LedgerStore store, OrganizationCatalog organizations, AuditTrail audit,
			LoanRules rules, @Value("${renewal.ledger.period:MONTHLY}") Periodicity periodicity) {
		this.stages = stages;
		this.periodicity = periodicity;
		this.rules = rules;
		this.store = store;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** What the bank records; only the fields its type needs are read. */
	public record Recording(LoanEventType type, LocalDate date, BigDecimal amount, String contractNo, String note) {
	}

	/** The most loans one answer of {@link #loans} holds. */
	public static final int MOST = 2000;

	/** Some of the loans, and how many there are in all. */
	public record LoanSlice(List<CaseListing> loans, long total) {
	}

	/**
	 * The loans a bank officer granted, or every granted loan for the finance bureau,
	 * newest first: {@code limit} of them (at most {@link #MOST}) from {@code offset}, so
	 * that a city's years of loans are read a part at a time (three queries).
	 */
	@Transactional(readOnly = true)
	public LoanSlice loans(PortalUser user, int offset, int limit) {
		if (offset < 0 || limit < 1 || limit > MOST) {
			throw LedgerException.invalid(offset < 0 ? "offset" : "limit", "offset 不能为负，limit 应在 1 至 " + MOST + " 之间");
		}
		List<String> banks = LedgerAccess.isFinance(user) ? null : LedgerAccess.bankKeys(user);
		long total = store.countGrantedLoans(banks, false, null);
		List<Long> ids = offset >= total ? List.of() : store.grantedLoans(banks, false, null, offset, limit);
		return new LoanSlice(ids.isEmpty() ? List.of() : stages.listings(ids), total);
	}

	/**
	 * Whether the user may see the ledger: the city finance bureau and its lead, and the
	 * participating banks' officers. Anyone else sees no loan in it.
	 */
	public boolean seesLoans(PortalUser user) {
		return LedgerAccess.seesLoans(user);
	}

	/** Loans listed on one page of the ledger's list. */
	public static final int PAGE_SIZE = 50;

	/**
	 * One page of the list: its loans, its number (from 1), how many pages and loans, and
	 * the periods of each loan waiting for the finance bureau.
	 */
	public record LoanPage(List<CaseListing> loans, int page, int pages, long total,
			Map<Long, Map<LedgerStatus, Integer>> waiting, Map<Long, String> lenders, Map<Long, BigDecimal> granted) {

		/**
		 * What waits on a loan for the finance bureau, in words (待审核 1 期，待拨付 2 期); empty
		 * when nothing does.
		 */
		public String waitingText(long applicationId) {
			Map<LedgerStatus, Integer> counts = waiting.getOrDefault(applicationId, Map.of());
			List<String> parts = new ArrayList<>();
			if (counts.containsKey(LedgerStatus.ACCRUED)) {
				parts.add("待审核 " + counts.get(LedgerStatus.ACCRUED) + " 期");
			}
			if (counts.containsKey(LedgerStatus.APPROVED)) {
				parts.add("待拨付 " + counts.get(LedgerStatus.APPROVED) + " 期");
			}
			return String.join("，", parts);
		}

	}

	/**
	 * One page of {@link #loans}, newest first, with each loan's lender and granted
	 * amount; a page number out of range shows the nearest page. {@code waiting}: only
	 * loans with a period waiting for the finance bureau; {@code text}: only those whose
	 * reference number, enterprise name or credit code contains it.
	 */
	@Transactional(readOnly = true)
	public LoanPage page(PortalUser user, int page, boolean waiting, String text) {
		return page(user, page, PAGE_SIZE, waiting, text);
	}

	/** One page of {@code size} loans. */
	@Transactional(readOnly = true)
	public LoanPage page(PortalUser user, int page, int size, boolean waiting, String text) {
		List<String> banks = LedgerAccess.isFinance(user) ? null : LedgerAccess.bankKeys(user);
		long total = store.countGrantedLoans(banks, waiting, text);
		int pages = ResultPage.pages(Math.toIntExact(total), size);
		int current = ResultPage.number(page, Math.toIntExact(total), size);
		List<Long> ids = store.grantedLoans(banks, waiting, text, ResultPage.offset(current, size), size);
		Map<Long, String> lenders = new HashMap<>();
		Map<Long, BigDecimal> granted = new HashMap<>();
		store.grantedTerms(ids).forEach((id, terms) -> {
			lenders.put(id, organizations.bankName(terms.bankKey()));
			if (terms.amount() != null) {
				granted.put(id, terms.amount());
			}
		});
		return new LoanPage(ids.isEmpty() ? List.of() : stages.listings(ids), current, pages, total, store.waiting(ids),
				lenders, granted);
	}

	@Transactional(readOnly = true)
	public LoanView view(PortalUser user, long applicationId) {
		GrantedLoan loan = GrantedLoan.of(stages, applicationId);
		LedgerAccess.requireSight(user, loan);
		return view(loan, LedgerAccess.actsAsLender(user, loan), LedgerAccess.actsAsFinance(user));
	}

	/**
	 * For the enterprise's own case page: the caller has checked that the application is
	 * the enterprise's.
	 */
	@Transactional(readOnly = true)
	public Optional<LoanView> viewOwn(long applicationId) {
		try {
			return Optional.of(view(GrantedLoan.of(stages, applicationId), false, false));
		}
		catch (LedgerException e) {
			return Optional.empty();
		}
	}

	/**
	 * Records an entry. Every entry carries a {@code recordKey} (the ledger page puts one
	 * in each form, API clients send an Idempotency-Key), whatever door it comes through:
	 * the same request again answers with the entry it recorded instead of recording a
	 * second one; the same key with other contents is refused.
	 */
	@Transactional
	public LoanEvent record(PortalUser user, long applicationId, Recording r, String recordKey) {
		GrantedLoan loan = GrantedLoan.of(stages, applicationId);
		LedgerAccess.requireLender(user, loan);
		if (recordKey == null || recordKey.isBlank()) {
			throw LedgerException.invalid("recordKey", "登记表缺少编号，未登记；请刷新页面后重新填写");
		}
		if (!recordKey.matches("[A-Za-z0-9-]{8,64}")) {
			throw LedgerException.invalid("recordKey", "登记表的编号无效，请刷新页面后重新填写");
		}
		store.lock(applicationId);
		Optional<LoanEvent> earlier = store.eventRecordedWith(applicationId, recordKey);
		if (earlier.isPresent()) {
			return repeated(earlier.get(), r);
		}
		List<LoanEvent> events = store.events(applicationId);
		List<LedgerRow> rows = store.rows(applicationId);
		Recording checked = LoanRecordingRules.check(loan, events, rows, r, LocalDate.now(CHINA));
		List<LedgerRow> reopened = LoanRecordingRules.reopened(rows, checked.date());
		if (!store.reopen(applicationId, reopened)) {
			// Approved between the read and now: the transaction rolls back what it
			// removed.
			throw LedgerException.conflict("该日期所在的贴息期间刚经市财政局审核，不能补录；如登记有误，请书面告知市财政局");
		}
		for (LedgerRow row : reopened) {
			audit.record(user.userId(), "SUBSIDY_PERIOD_REOPENED", "application:" + applicationId, row.periodLabel()
					+ " " + row.amount().toPlainString() + " " + checked.type().name() + " " + checked.date());
		}
		long id = store.insertEvent(applicationId, loan.bankKey(), checked.type(), checked.date(), checked.amount(),
				checked.contractNo(), checked.note(), user.userId(), recordKey);
		audit.record(user.userId(), "LOAN_" + checked.type().name(), "application:" + applicationId,
				checked.date() + (checked.amount() == null ? "" : " " + checked.amount().toPlainString())
						+ (checked.contractNo() == null ? "" : " " + checked.contractNo()));
		return store.events(applicationId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	/**
	 * The entry a request recorded before, sent again: the same entry, or a refusal when
	 * the request now says something else (an amount left out is the system's own, as for
	 * an early repayment).
	 */
	private static LoanEvent repeated(LoanEvent earlier, Recording r) {
		boolean same = earlier.type() == r.type() && earlier.date().equals(r.date())
				&& (r.amount() == null || earlier.amount() != null && earlier.amount().compareTo(r.amount()) == 0)
				&& Objects.equals(typed(earlier.contractNo()), typed(r.contractNo()))
				&& Objects.equals(typed(earlier.note()), typed(r.note()));
		if (!same) {
			throw LedgerException.conflict(
					"这份登记表已于此前登记为" + earlier.type().label() + "（" + earlier.date() + "），本次内容与之不同，未登记。请刷新页面核对台账后重新填写。");
		}
		return earlier;
	}

	/** A text field as recorded: blank is none. */
	private static String typed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	LoanView view(GrantedLoan loan, boolean lender, boolean finance) {
		List<LoanEvent> events = store.events(loan.applicationId());
		List<LedgerRow> rows = store.rows(loan.applicationId());
		BigDecimal disbursed = sum(events, LoanEventType.DISBURSEMENT);
		BigDecimal balance = events.stream().map(LoanEvent::balanceChange).reduce(BigDecimal.ZERO, BigDecimal::add);
		Optional<LoanEvent> closing = events.stream().filter(e -> e.type().closes()).findFirst();
		String state = closing.map(e -> e.type() == LoanEventType.DEFAULT ? "已违约，贴息终止" : "已提前结清，贴息终止")
			.orElse(disbursed.signum() == 0 ? "未放款" : balance.signum() == 0 ? "本金已还清" : "还款中");
		Optional<LocalDate> from = Accrual.firstDisbursement(events);
		// Before the subsidy is decided no rule is stated, not even a tranche's.
		Accrual.Rules rulesOfLoan = loan.decided() ? rules.of(loan).remembered()
				: Accrual.Rules.always(new Accrual.Rule(BigDecimal.ZERO, 0, null, null));
		LocalDate until = Accrual.stop(rulesOfLoan, events).map(d -> d.minusDays(1)).orElse(null);
		Map<Long, String> tranches = new LinkedHashMap<>();
		// A loan decided by tranche has no rate of its own day, but its tranches have
		// theirs, each with its limit; so has a tranche of a decided loan paid out under
		// a rule of another rate or term, outside the decided total.
		if (loan.decided() && (loan.terms().rule().subsidises() || loan.byTranche())) {
			Accrual.Limits limits = loan.byTranche() ? Accrual.Limits.byTranche(rulesOfLoan, events)
					: Accrual.Limits.decided(rulesOfLoan, loan.terms(), events);
			events.stream()
				.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
				.forEach(e -> tranches.put(e.id(), LoanRules.describe(rulesOfLoan.on(e.date()), e.date())
						+ LoanRules.limitLine(limits, rulesOfLoan.on(e.date()), e.date())));
		}
		BigDecimal accrued = rows.stream().map(LedgerRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal paid = rows.stream()
			.filter(row -> row.status() == LedgerStatus.PAID)
			.map(LedgerRow::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new LoanView(loan, organizations.bankName(loan.bankKey()), events, disbursed, balance, state,
				closing.isPresent(), from.orElse(null), until, tranches, rows, accrued, paid,
				lender && closing.isEmpty(), finance, periodicity == Periodicity.QUARTERLY ? "每季度末" : "每月末");
	}

	private static BigDecimal sum(List<LoanEvent> events, LoanEventType type) {
		return events.stream()
			.filter(e -> e.type() == type)
			.map(LoanEvent::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
