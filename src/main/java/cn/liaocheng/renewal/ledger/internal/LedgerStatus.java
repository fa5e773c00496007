package cn.liaocheng.renewal.ledger.internal;

/** A ledger period's way from computation to payment. */
public enum LedgerStatus {

	ACCRUED("已计提"), APPROVED("已审核"), PAID("已拨付");

	private final String label;

	LedgerStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
