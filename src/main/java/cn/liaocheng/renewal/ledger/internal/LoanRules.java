package cn.liaocheng.renewal.ledger.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.TrancheRules;

/**
 * The rule each tranche of a granted loan accrues under. The tranche of the loan's first
 * day accrues under the rule the interest-subsidy decision applied, as decided, whatever
 * the table says later; a later tranche under the rule in force on its own day
 * ({@link TrancheRules}), which may be another rate or none. A loan refused the subsidy
 * accrues nothing on any tranche.
 */
@Component
class LoanRules {

	private final TrancheRules table;

	LoanRules(TrancheRules table) {
		this.table = table;
	}

	Accrual.Rules of(GrantedLoan loan) {
		Accrual.Rule decided = loan.terms().rule();
		if (!decided.subsidises() || loan.grantDate() == null) {
			return Accrual.Rules.always(decided);
		}
		return day -> {
			if (day.equals(loan.grantDate())) {
				return decided;
			}
			TrancheRules.TrancheRule rule = table.ruleFor(loan.applicationId(), day);
			return new Accrual.Rule(rule.points(), rule.months(), rule.basis(), rule.finding());
		};
	}

	/** For the pages: what each disbursement accrues under, in words. */
	static String describe(Accrual.Rule rule, LocalDate day) {
		if (!rule.subsidises()) {
			return rule.nothingFor(day.toString());
		}
		return LedgerRow.Share.points(rule.points()) + "，自 " + day + " 起最长 " + rule.months() + " 个月";
	}

}
