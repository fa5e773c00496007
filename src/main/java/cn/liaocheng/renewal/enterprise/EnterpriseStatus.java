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
	DISABLED("已停用");

	private final String label;

	EnterpriseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
