package cn.liaocheng.renewal.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A part of a dossier that review steps already passed have verified and that the review
 * after a correction does not verify again: the correction goes back to the step that
 * returned the case, and the steps before it keep their opinions. A resubmission may not
 * change such a part, or a decision would rest on figures no responsible body checked.
 */
public enum SettledPart {

	/**
	 * The equipment lines and invoices of a subsidy claim, which the subsidy is computed
	 * from, and the files that evidence the purchase (invoices, contracts, payment
	 * vouchers): the county finance bureau verifies them at its invoice check.
	 */
	INVOICES("县级财政部门已核验设备明细和发票", List.of("设备明细及发票", "设备投用日期"),
			List.of(AttachmentCategory.INVOICE, AttachmentCategory.CONTRACT, AttachmentCategory.PAYMENT_PROOF)),

	/**
	 * What decides which city bodies review the case (the joint review's routing): the
	 * project's policy task and factor needs, and the registered project a subsidy or
	 * loan refers to.
	 */
	ROUTING("市级联审单位已按重点任务、要素需求和所属入库项目确定", List.of("重点任务", "要素需求", "所属入库项目"), List.of());

	private final String why;

	private final List<String> parts;

	private final List<AttachmentCategory> attachments;

	SettledPart(String why, List<String> parts, List<AttachmentCategory> attachments) {
		this.why = why;
		this.parts = parts;
		this.attachments = attachments;
	}

	/** Why the parts are settled, in the enterprise's words. */
	public String why() {
		return why;
	}

	/** The parts, named as {@link DossierChanges} names them. */
	public List<String> parts() {
		return parts;
	}

	/**
	 * The parts a dossier of {@code kind} has, as its enterprise is told of them: a
	 * project names its policy task and factor needs, a subsidy claim or a loan the
	 * registered project it refers to.
	 */
	public List<String> parts(ApplicationKind kind) {
		if (this != ROUTING) {
			return parts;
		}
		return kind == ApplicationKind.PROJECT ? List.of("重点任务", "要素需求") : List.of("所属入库项目");
	}

	/**
	 * The categories of attachments that evidence the part: none of them may be added or
	 * removed while the part is settled.
	 */
	public List<AttachmentCategory> attachments() {
		return attachments;
	}

	/** The attachments' categories as the enterprise reads them, separated by 、. */
	public String attachmentLabels() {
		return String.join("、", attachments.stream().map(AttachmentCategory::label).toList());
	}

	/** The part of {@code settled} whose evidence {@code category} is, if any. */
	public static Optional<SettledPart> evidencedBy(Collection<SettledPart> settled, AttachmentCategory category) {
		return settled.stream().filter(part -> part.attachments.contains(category)).sorted().findFirst();
	}

}
