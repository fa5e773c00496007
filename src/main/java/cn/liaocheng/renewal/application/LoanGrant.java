package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a bank reported when it granted a loan: the basis of the interest subsidy and of
 * the decision text.
 */
public record LoanGrant(BigDecimal amount, BigDecimal rate, int termMonths, LocalDate grantDate, LoanType type,
		boolean usedRelending) {

	/**
	 * The accepted grant as recorded (a grant reported before the loan type was asked is
	 * a fixed-asset loan).
	 */
	public static LoanGrant of(Outcomes o) {
		return new LoanGrant(o.grantedAmount(), o.grantedRate(), o.grantedTermMonths(), o.grantDate(),
				o.grantedLoanType() == null ? LoanType.FIXED_ASSET : o.grantedLoanType(),
				Boolean.TRUE.equals(o.usedRelending()));
	}

	/**
	 * The kinds of loan a bank can grant for a listed project; the national
	 * interest-subsidy rules name them.
	 */
	public enum LoanType {

		FIXED_ASSET("固定资产贷款"), WORKING_CAPITAL("流动资金贷款"), TECH_INNOVATION("科技创新贷款");

		private final String label;

		LoanType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
