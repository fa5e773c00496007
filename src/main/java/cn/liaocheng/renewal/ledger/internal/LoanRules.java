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
	 * For the pages of a loan decided by tranche: the cap of the principal paid out on a
	 * day under its rule, which its decision did not state.
	 */
	static String capLine(Accrual.Rule rule, BigDecimal principal) {
		if (!rule.subsidises()) {
			return "";
		}
		return "，当日放款贴息上限 " + Money.yuan(rule.capOf(principal)) + " 元";
	}

}
