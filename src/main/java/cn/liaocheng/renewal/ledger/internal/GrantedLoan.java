package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.ReviewFacts;

/**
 * A loan whose grant the enterprise accepted, with the facts of its case read from the
 * current records (never from anything a request or a task completion could have
 * written): the granting bank, the grant and the interest subsidy rule the loan process
 * applied (the one source of the rate, months and cap), and whether the case is decided:
 * until the city finance bureau has decided the interest subsidy, the ledger accrues
 * nothing (it then accrues from the first disbursement).
 */
public record GrantedLoan(long applicationId, String referenceNo, String divisionCode, String enterpriseName,
		String creditCode, @JsonIgnore String enterpriseUser, String projectName, String bankKey,
		BigDecimal grantedAmount, BigDecimal rate, Integer termMonths, LocalDate grantDate,
		@JsonIgnore Accrual.Terms terms, @JsonIgnore boolean decided, @JsonIgnore boolean byTranche) {

	static GrantedLoan of(ApplicationStages stages, long applicationId) {
		ReviewFacts facts;
		try {
			facts = stages.facts(applicationId);
		}
		catch (ApplicationNotFoundException e) {
			throw LedgerException.notFound();
		}
		Outcomes o = facts.outcomes();
		if (facts.kind() != ApplicationKind.LOAN || o.grantedBankKey() == null || o.grantedAmount() == null) {
			throw LedgerException.notFound();
		}
		BigDecimal points = o.interestSubsidyPoints() == null ? BigDecimal.ZERO : o.interestSubsidyPoints();
		int months = o.interestSubsidyMonths() == null ? 0 : o.interestSubsidyMonths();
		// The ledger pays no more than the decision granted: the amount it determined
		// (it counts months, the ledger days) for the tranches under its rule, and the
		// rule's cap of one loan; a tranche under another rule is limited by that rule
		// (Accrual.Limits). A loan refused the subsidy accrues nothing.
		BigDecimal granted = o.interestSubsidyAmount();
		BigDecimal ruleCap = o.interestSubsidyCap() == null || o.interestSubsidyCap().signum() <= 0 ? null
				: o.interestSubsidyCap();
		BigDecimal cap = ruleCap;
		if (granted != null) {
			cap = cap == null ? granted : cap.min(granted);
			if (granted.signum() <= 0) {
				points = BigDecimal.ZERO;
			}
		}
		return new GrantedLoan(applicationId, facts.referenceNo(), facts.divisionCode(), facts.enterpriseName(),
				facts.creditCode(), facts.enterpriseUser(), facts.projectName(), o.grantedBankKey(), o.grantedAmount(),
				o.grantedRate(), o.grantedTermMonths(), o.grantDate(),
				new Accrual.Terms(points, months, cap, o.interestSubsidyBasis(), ruleCap),
				facts.status() == ApplicationStatus.APPROVED, o.interestSubsidyByTranche());
	}

	/**
	 * Whether the city finance bureau has decided the interest subsidy: until then the
	 * rule's points, months and cap below are a computation under review, and none is
	 * stated.
	 */
	@JsonProperty
	public boolean interestSubsidyDecided() {
		return decided;
	}

	/** Points a year of the decided subsidy; {@code null} while it is being decided. */
	@JsonProperty
	public BigDecimal points() {
		return decided ? terms.points() : null;
	}

	@JsonProperty
	public Integer subsidyMonths() {
		return decided ? terms.months() : null;
	}

	@JsonProperty
	public BigDecimal cap() {
		return decided ? terms.cap() : null;
	}

}
