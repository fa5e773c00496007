package cn.liaocheng.renewal.clawback;

/** Where a clawback stands, in the words the enterprise and the bodies see. */
public enum ClawbackStatus {

	DETERMINING("市工业和信息化局核定中"), CONFIRMING("县级财政局核对中"),
	/**
	 * The intended decision was notified (事先告知): the enterprise may state its case within
	 * the period, or waive it; a statement waits for the bureau's ruling.
	 */
	NOTIFIED("已事先告知，陈述申辩中"), DECIDED("待缴回"), OVERDUE("逾期未缴清"), REPAID("已缴清"), DROPPED("经核查不予追回"),
	/**
	 * Nothing of the allocation had been paid: the decision revokes it, and nothing is
	 * owed.
	 */
	REVOKED("奖补资金应予撤销，停止拨付");

	private final String label;

	ClawbackStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * Whether repayments may be recorded: after the decision, until everything is repaid.
	 */
	public boolean collecting() {
		return this == DECIDED || this == OVERDUE;
	}

}
