package cn.liaocheng.renewal.statistics.internal;

/**
 * The figures the system can compute for a target from its own data. A target measured
 * {@code COMPUTED} names one; an administrator may choose among these only, so no
 * expression or SQL comes from the targets table.
 */
public enum ComputedFigure {

	/**
	 * Equipment investment of project registrations approved into the project library, by
	 * year of decision, in 亿元.
	 */
	APPROVED_EQUIPMENT_INVESTMENT("本系统批准入库项目的设备投资（按批准年度，亿元）");

	private final String label;

	ComputedFigure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
