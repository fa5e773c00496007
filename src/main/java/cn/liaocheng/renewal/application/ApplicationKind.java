package cn.liaocheng.renewal.application;

/** The three kinds of application. */
public enum ApplicationKind {

	PROJECT("项目入库申请", "XM"), SUBSIDY("奖补资金申请", "JB"), LOAN("技术改造贷款申请", "DK");

	private final String label;

	private final String referencePrefix;

	ApplicationKind(String label, String referencePrefix) {
		this.label = label;
		this.referencePrefix = referencePrefix;
	}

	public String label() {
		return label;
	}

	public String referencePrefix() {
		return referencePrefix;
	}

}
