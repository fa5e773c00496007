package cn.liaocheng.renewal.enterprise;

/** Where an enterprise account stands. */
public enum EnterpriseStatus {

	/**
	 * Registered, waiting for its county industry bureau (or an administrator) to
	 * activate it.
	 */
	PENDING("待激活"),
	/** May submit applications. */
	ACTIVE("已激活"),
	/** Closed by an administrator. */
	DISABLED("已停用"),
	/**
	 * A registration its county industry bureau rejected before activating it (驳回注册),
	 * e.g. one made in another enterprise's name: its account is closed and its credit
	 * code may be registered again.
	 */
	REJECTED("已驳回");

	private final String label;

	EnterpriseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * Whether an enterprise in this status may act on its applications (write drafts,
	 * submit, accept a loan, take the after-award steps): active, or pending (drafts
	 * only). A disabled or rejected one reads, withdraws and answers a clawback.
	 */
	public boolean mayAct() {
		return this == ACTIVE || this == PENDING;
	}

}
