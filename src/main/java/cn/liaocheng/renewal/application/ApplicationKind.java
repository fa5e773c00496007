package cn.liaocheng.renewal.application;

/** The three kinds of application, each with the process that reviews it. */
public enum ApplicationKind {

	PROJECT("项目入库申请", "project-registration", "XM"),
	SUBSIDY("奖补资金申请", "subsidy-application", "JB"),
	LOAN("技术改造贷款申请", "loan-application", "DK");

	private final String label;

	private final String processKey;

	private final String referencePrefix;

	ApplicationKind(String label, String processKey, String referencePrefix) {
		this.label = label;
		this.processKey = processKey;
		this.referencePrefix = referencePrefix;
	}

	public String label() {
		return label;
	}

	public String processKey() {
		return processKey;
	}

	public String referencePrefix() {
		return referencePrefix;
	}

}
