package cn.liaocheng.renewal.ledger.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.VoucherNumber;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The finance bureau's part of the ledger: it approves an accrued period (已计提 → 已审核),
 * records its payment with date and voucher (→ 已拨付), and the payment notice is then
 * issued and signed by the bureau, once per period.
 */
@Service
public class LedgerPayments {

	static final String ISSUER = "finance";

	/**
	 * The ground a payment notice states: the rule of each day, as the loan's
	 * interest-subsidy decision said, named by the title of the one issued (the
	 * confirmation, or the decision by tranche when no rule covered the loan's day);
	 * {@code issued} empty only for a loan without one, named by what its record says.
	 */
	static String basis(GrantedLoan loan, Optional<DecisionType> issued) {
		DecisionType decision = issued.orElse(
				loan.byTranche() ? DecisionType.INTEREST_SUBSIDY_BY_TRANCHE : DecisionType.INTEREST_SUBSIDY_GRANTED);
		return "放款日适用的国家设备更新贷款财政贴息政策（见本贷款的" + decision.title() + "）";
	}

	private final ApplicationStages stages;

	private final LedgerStore store;

	private final Decisions decisions;

	private final OrganizationCatalog organizations;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final LoanRules rules;

	LedgerPayments(ApplicationStages stages, LedgerStore store, Decisions decisions, OrganizationCatalog organizations,
			AuditTrail audit, PlatformTransactionManager transactions, LoanRules rules) {
		this.stages = stages;
		this.rules = rules;
		this.store = store;
		this.decisions = decisions;
		this.organizations = organizations;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	public LedgerRow approve(PortalUser user, long applicationId, long rowId) {
		return transaction.execute(status -> {
			GrantedLoan loan = GrantedLoan.of(stages, applicationId);
			LedgerAccess.requireFinance(user, loan);
			LedgerRow row = row(applicationId, rowId);
			if (row.status() != LedgerStatus.ACCRUED || !store.approve(rowId, user.userId())) {
				throw LedgerException.conflict("该期贴息当前状态为“" + row.status().label() + "”，只能审核“已计提”的期间");
			}
			audit.record(user.userId(), "SUBSIDY_PERIOD_APPROVED", "application:" + applicationId,
					row.periodLabel() + " " + row.amount().toPlainString());
			return row(applicationId, rowId);
		});
	}

	/**
	 * Records the payment and issues the period's signed notice, in one transaction: a
	 * payment is never recorded without its notice (should signing fail, nothing is
	 * recorded and the officer is told to try again); returns the row with the notice's
	 * id.
	 */
	public LedgerRow pay(PortalUser user, long applicationId, long rowId, LocalDate paidOn, String voucherNo) {
		transaction.executeWithoutResult(status -> {
			GrantedLoan loan = GrantedLoan.of(stages, applicationId);
			LedgerAccess.requireFinance(user, loan);
			// One payment of a loan at a time: two periods paid with one transfer's
			// voucher at the same moment both find the voucher held by this loan.
			store.lock(applicationId);
			LedgerRow row = row(applicationId, rowId);
			// Central funds: the period is approved and its payment recorded by two
			// different people of the bureau.
			if (user.userId().equals(row.approvedBy())) {
				throw new LedgerException(LedgerException.Reason.FORBIDDEN, null,
						"审核和拨付须由不同人员办理：本期贴息由您审核，请由市财政局其他人员登记拨付");
			}
			LocalDate date = checkedPaymentDate(row, paidOn);
			String voucher = checkedVoucher(voucherNo);
			if (row.status() != LedgerStatus.APPROVED || !store.pay(rowId, date, voucher, user.userId())) {
				throw LedgerException.conflict("该期贴息当前状态为“" + row.status().label() + "”，只能拨付“已审核”的期间");
			}
			holdVoucher(applicationId, voucher);
			audit.record(user.userId(), "SUBSIDY_PERIOD_PAID", "application:" + applicationId,
					row.periodLabel() + " " + row.amount().toPlainString() + " " + date + " " + voucher);
			notice(applicationId, rowId);
		});
		return row(applicationId, rowId);
	}

	/**
	 * One voucher is one transfer to one enterprise: it may pay several periods of this
	 * loan at once, never a period of another loan as well (V148).
	 */
	private void holdVoucher(long applicationId, String voucher) {
		String key = VoucherNumber.key(voucher);
		Optional<Long> holder = store.voucherHolder(key);
		if (holder.isPresent()) {
			if (holder.get() != applicationId) {
				throw LedgerException.conflict("拨付凭证号 " + voucher + " 已在申报编号 "
						+ stages.facts(holder.get()).referenceNo() + " 的贴息拨付中登记过，同一张拨付凭证不能用于另一笔贷款的贴息，请核对");
			}
			return;
		}
		try {
			store.holdVoucher(key, applicationId);
		}
		catch (DuplicateKeyException usedMeanwhile) {
			throw LedgerException.conflict("拨付凭证号 " + voucher + " 刚刚已在另一笔拨付中登记，请刷新后核对");
		}
	}

	/**
	 * The signed payment notice of a paid period, issued now if the payment's issue did
	 * not complete (the decision module issues it once per application and period,
	 * however often this is called).
	 */
	public IssuedDecision notice(long applicationId, long rowId) {
		LedgerRow row = row(applicationId, rowId);
		if (row.status() != LedgerStatus.PAID) {
			throw LedgerException.conflict("该期贴息尚未拨付，没有拨付通知");
		}
		GrantedLoan loan = GrantedLoan.of(stages, applicationId);
		LocalDate last = row.periodStart().plusDays(row.days() - 1L);
		// The contracts of the principal the period counted (its tranches), not those of
		// money paid out after it or repaid before it; a period written before the ledger
		// kept its tranches counted what was paid out by its last day.
		Set<LocalDate> counted = row.shares().stream().map(LedgerRow.Share::disbursedOn).collect(Collectors.toSet());
		List<LoanEvent> events = store.events(applicationId);
		String contract = events.stream()
			.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
			.filter(e -> counted.isEmpty() ? !e.date().isAfter(last) : counted.contains(e.date()))
			.map(LoanEvent::contractNo)
			.distinct()
			.reduce((a, b) -> a + "、" + b)
			.orElse(null);
		DecisionRequest.Payment payment = new DecisionRequest.Payment(row.periodLabel(), row.periodStart(), last,
				row.days(), row.balanceBasis(), row.points(), row.amount(), row.paidOn(), row.voucherNo(), contract,
				basis(loan, interestDecision(applicationId)), tranches(row, loan), loan.byTranche(),
				!loan.byTranche() && Accrual.Limits.decided(rules.of(loan), loan.terms(), events).outsideTheTotal());
		IssuedDecision issued = decisions
			.issue(new DecisionRequest(applicationId, ISSUER, DecisionType.INTEREST_SUBSIDY_PAYMENT,
					loan.enterpriseName(), loan.creditCode(), null, loan.projectName(), loan.referenceNo(),
					new DecisionRequest.Amounts(null, null, null, loan.grantedAmount(), null, null, null),
					organizations.bankName(loan.bankKey()), null, null, null, null, payment));
		if (row.noticeDecisionId() == null) {
			store.notice(rowId, issued.id());
		}
		return issued;
	}

	/** The type of the loan's interest-subsidy decision, if one was issued. */
	private Optional<DecisionType> interestDecision(long applicationId) {
		return decisions.allForApplication(applicationId)
			.stream()
			.map(IssuedDecision::type)
			.filter(t -> t.stage() == DecisionType.Stage.INTEREST_SUBSIDY)
			.findFirst();
	}

	/**
	 * The period's tranches as the notice states them, unless every tranche accrued under
	 * the rule the interest-subsidy decision states ({@link LedgerRow#byTranche}): the
	 * rate of each, the notices of a rule other than the decided one, why a tranche gets
	 * nothing, and whether it accrues within its own limit rather than the decided total.
	 */
	private static List<DecisionRequest.Tranche> tranches(LedgerRow row, GrantedLoan loan) {
		if (!row.byTranche(loan.terms())) {
			return List.of();
		}
		String decided = loan.terms().basis();
		return row.shares()
			.stream()
			.map(s -> new DecisionRequest.Tranche(s.disbursedOn(), s.balanceBasis(), s.points(),
					s.basis() == null || s.basis().equals(decided) ? null : s.basis(), s.finding(), s.pending(),
					s.subsidised() && (loan.byTranche() || !loan.terms().covers(s.rule()))))
			.toList();
	}

	/**
	 * City finance issues the notice of a paid period whose issue did not complete at
	 * payment.
	 */
	public IssuedDecision reissue(PortalUser user, long applicationId, long rowId) {
		LedgerAccess.requireFinance(user, GrantedLoan.of(stages, applicationId));
		return notice(applicationId, rowId);
	}

	/** The notice of a paid period, for the granting bank and the finance bureau. */
	public Optional<IssuedDecision> noticeFor(PortalUser user, long applicationId, long rowId) {
		GrantedLoan loan = GrantedLoan.of(stages, applicationId);
		LedgerAccess.requireSight(user, loan);
		return noticeOf(applicationId, rowId);
	}

	/**
	 * The notice of a paid period, for a caller who has checked the enterprise's access.
	 */
	public Optional<IssuedDecision> noticeOf(long applicationId, long rowId) {
		LedgerRow row = row(applicationId, rowId);
		if (row.noticeDecisionId() == null) {
			return Optional.empty();
		}
		return decisions.allForApplication(applicationId)
			.stream()
			.filter(d -> d.id() == row.noticeDecisionId())
			.findFirst();
	}

	public byte[] pdf(IssuedDecision decision) {
		return decisions.pdf(decision.id());
	}

	private LedgerRow row(long applicationId, long rowId) {
		return store.row(applicationId, rowId).orElseThrow(LedgerException::notFound);
	}

	private static LocalDate checkedPaymentDate(LedgerRow row, LocalDate paidOn) {
		if (paidOn == null) {
			throw LedgerException.invalid("paidOn", "请填写拨付日期");
		}
		if (!paidOn.isAfter(row.periodEnd())) {
			throw LedgerException.invalid("paidOn", "拨付日期应晚于贴息期间的结束日（" + row.periodEnd() + "）");
		}
		if (paidOn.isAfter(LocalDate.now(LoanBook.CHINA))) {
			throw LedgerException.invalid("paidOn", "拨付日期不能晚于今天");
		}
		return paidOn;
	}

	private static String checkedVoucher(String voucherNo) {
		String v = voucherNo == null ? "" : voucherNo.strip();
		if (v.isEmpty()) {
			throw LedgerException.invalid("voucherNo", "请填写拨付凭证号");
		}
		if (v.length() > 64) {
			throw LedgerException.invalid("voucherNo", "拨付凭证号不能超过64个字");
		}
		PlainText.problem(v, false).ifPresent(problem -> {
			throw LedgerException.invalid("voucherNo", "拨付凭证号" + problem);
		});
		return v;
	}

}
