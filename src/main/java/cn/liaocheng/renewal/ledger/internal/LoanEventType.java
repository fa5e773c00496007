package cn.liaocheng.renewal.ledger.internal;

/** What a granting bank records about its loan. */
public enum LoanEventType {

	DISBURSEMENT("放款"), REPAYMENT("归还本金"), EARLY_REPAYMENT("提前结清"), DEFAULT("逾期/违约");

	private final String label;

	LoanEventType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * Early repayment and default end the loan's subsidy: nothing can be recorded after
	 * them.
	 */
	boolean closes() {
		return this == EARLY_REPAYMENT || this == DEFAULT;
	}

}
