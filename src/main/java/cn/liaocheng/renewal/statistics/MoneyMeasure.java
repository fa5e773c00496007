package cn.liaocheng.renewal.statistics;

/**
 * What kind of money movement a {@link MoneyFlow} counts; the label is what the dashboard
 * and the exports show.
 */
public enum MoneyMeasure {

	/** Subsidy paid to the enterprise by county finance (拨付), on the payment date. */
	SUBSIDY_PAID("奖补资金已拨付"),
	/**
	 * Amounts ordered back by a signed clawback decision (追回决定), on the decision date.
	 */
	CLAWBACK_ORDERED("追回资金（已决定）"),
	/**
	 * Allocations a clawback decision revokes or proposes to revoke, on the decision
	 * date: the allocated amount when nothing was paid (撤销决定), the unpaid rest when some
	 * of it was; counted beside the allocations, which stay as decided.
	 */
	SUBSIDY_REVOKED("应予撤销的奖补资金"),
	/** Clawed-back money actually returned, on the date received. */
	CLAWBACK_REPAID("追回资金（已退回）"),
	/** Loan principal the bank disbursed (放款), on the disbursement date. */
	LOAN_DISBURSED("贷款已发放"),
	/**
	 * Interest subsidy paid to the enterprise for a ledger period, on the payment date.
	 */
	INTEREST_SUBSIDY_PAID("贴息资金已支付");

	private final String label;

	MoneyMeasure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
