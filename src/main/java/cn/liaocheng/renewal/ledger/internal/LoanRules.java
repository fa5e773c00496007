package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.review.TrancheRules;

/**
 * The rule each tranche of a granted loan accrues under. The tranche of the loan's first
 * day accrues under the rule the interest-subsidy decision applied, as decided, whatever
 * the table says later; a later tranche under the rule in force on its own day
 * ({@link TrancheRules}), which may be another rate or none. A loan refused the subsidy
 * accrues nothing on any tranche.
 * <p>
 * A tranche's rule is read from the table once, when its first period is accrued, and
 * kept with that period's share (points, months, notices, finding): a later change to the
 * table or to the re-lending bank list does not change the rule of a tranche already
 * accruing, as its signed payment notices state it. A loan decided when no rule was in
 * force on its day (before the first rule, or after the last known) has every tranche,
 * the first too, follow the rule of its own day. A tranche paid out after the last rule
 * known keeps nothing (its rule is pending), so that a rule added or extended later
 * covers its later periods. A tranche that accrued in a period written before the ledger
 * kept shares accrued under the decided rule, and keeps it.
 */
@Component
class LoanRules {

	private final TrancheRules table;

	private final LedgerStore store;

	LoanRules(TrancheRules table, LedgerStore store) {
		this.table = table;
		this.store = store;
	}

	Accrual.Rules of(GrantedLoan loan) {
		Accrual.Rule decided = loan.terms().rule();
		if (loan.grantDate() == null || !decided.subsidises() && !loan.byTranche()) {
			return Accrual.Rules.always(decided);
		}
		if (!decided.subsidises()) {
			// No rule was in force on the loan's day when it was decided: every tranche,
			// the first too, follows the rule of its own day, kept once accrued.
			Map<LocalDate, Accrual.Rule> kept = store.keptRules(loan.applicationId());
			return day -> Optional.ofNullable(kept.get(day)).orElseGet(() -> {
				TrancheRules.TrancheRule current = table.ruleFor(loan.applicationId(), day);
				return new Accrual.Rule(current.points(), current.months(), current.basis(), current.finding(),
						current.pending());
			});
		}
		Map<LocalDate, Accrual.Rule> kept = store.keptRules(loan.applicationId());
		Optional<LocalDate> accruedWithoutShares = store.lastPeriodWithoutShares(loan.applicationId());
		return day -> {
			if (day.equals(loan.grantDate())) {
				return decided;
			}
			Accrual.Rule rule = kept.get(day);
			if (rule != null) {
				return rule;
			}
			if (accruedWithoutShares.map(end -> !day.isAfter(end)).orElse(false)) {
				return decided;
			}
			TrancheRules.TrancheRule current = table.ruleFor(loan.applicationId(), day);
			return new Accrual.Rule(current.points(), current.months(), current.basis(), current.finding(),
					current.pending());
		};
	}

	/** For the pages: what each disbursement accrues under, in words. */
	static String describe(Accrual.Rule rule, LocalDate day) {
		if (!rule.subsidises()) {
			return rule.nothingFor(day.toString());
		}
		return LedgerRow.Share.points(rule.points()) + "，自 " + day + " 起最长 " + rule.months() + " 个月";
	}

	/**
	 * For the pages: the limit of the principal paid out on a day, where the decision did
	 * not state it: a tranche of a loan decided by tranche, or of a decided loan under a
	 * rule of another rate or term (outside the decided total); and the reduced total the
	 * tranches at the decided rate share, once principal accrues outside it. Nothing for
	 * a tranche within a total the decision states as it is.
	 */
	static String limitLine(Accrual.Limits limits, Accrual.Rule rule, LocalDate day) {
		BigDecimal limit = limits.limitOf(day, rule);
		if (!rule.subsidises() || limit == null) {
			return "";
		}
		if (!limits.decided()) {
			return "，当日放款贴息上限 " + Money.yuan(limit) + " 元";
		}
		if (!limits.shares().test(rule)) {
			return "，当日放款贴息上限 " + Money.yuan(limit) + " 元，不计入核定的贴息总额";
		}
		if (!limits.outsideTheTotal()) {
			return "";
		}
		return "，与核定比例和期限相同的各笔合计贴息上限 " + Money.yuan(limit) + " 元" + "（核定的贴息总额扣减适用其他比例或期限的各笔放款本金按核定比例和期限计算的金额）";
	}

}
