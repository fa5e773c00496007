package cn.liaocheng.renewal.aftercare.internal;

/** What an enterprise's evidence for acceptance, rectification or performance is. */
public enum EvidenceCategory {

	COMMISSIONING("设备安装调试及试运行记录"), PHOTO("设备现场照片"), FINAL_ACCOUNTS("项目竣工决算或专项审计报告"), RECTIFICATION("整改情况说明及佐证材料"),
	OTHER("其他材料");

	private final String label;

	EvidenceCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
