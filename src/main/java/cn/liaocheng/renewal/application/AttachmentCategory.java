package cn.liaocheng.renewal.application;

import java.util.List;

/**
 * What an attachment is, and which kinds of application need it before they can be
 * submitted.
 */
public enum AttachmentCategory {

	BUSINESS_LICENCE("营业执照", List.of(ApplicationKind.PROJECT)),
	PROJECT_PLAN("项目实施方案或可行性研究报告", List.of(ApplicationKind.PROJECT)), FILING_CERTIFICATE("项目备案证明", List.of()),
	INVOICE("设备购置发票", List.of(ApplicationKind.SUBSIDY)), CONTRACT("设备购置合同", List.of(ApplicationKind.SUBSIDY)),
	PAYMENT_PROOF("付款凭证", List.of(ApplicationKind.SUBSIDY)), LOAN_MATERIAL("贷款申请材料", List.of()),
	OTHER("其他材料", List.of());

	private final String label;

	private final List<ApplicationKind> requiredFor;

	AttachmentCategory(String label, List<ApplicationKind> requiredFor) {
		this.label = label;
		this.requiredFor = requiredFor;
	}

	public String label() {
		return label;
	}

	public boolean requiredFor(ApplicationKind kind) {
		return requiredFor.contains(kind);
	}

	/** The categories offered for a kind of application. */
	public static List<AttachmentCategory> offeredFor(ApplicationKind kind) {
		return switch (kind) {
			case PROJECT -> List.of(BUSINESS_LICENCE, PROJECT_PLAN, FILING_CERTIFICATE, OTHER);
			case SUBSIDY -> List.of(INVOICE, CONTRACT, PAYMENT_PROOF, OTHER);
			case LOAN -> List.of(LOAN_MATERIAL, FILING_CERTIFICATE, OTHER);
		};
	}

}
