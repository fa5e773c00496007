package cn.liaocheng.renewal.decision;

/**
 * What the allocation notice (奖补资金下达通知书) binds the enterprise to after the award, beyond
 * earmarking and supervision: the acceptance and rectification the after-award process
 * enforces, and what follows when they fail. Notices issued with these terms record
 * {@link #VERSION} as their wording ({@link Decisions#textVersion}); earlier notices
 * record none and did not carry them, so a later decision cites them only for a notice
 * that did.
 */
public final class AllocationTerms {

	/** The wording of the allocation notice that states the after-award terms. */
	public static final String VERSION = "aftercare-1";

	/** What the enterprise is to do after the money is paid. */
	public static final String ACCEPTANCE = "奖补资金全额拨付后，请你单位按规定申请项目验收；验收要求限期整改的，请在规定期限内完成整改并提交整改材料";

	/** What follows when it does not. */
	public static final String RECOVERY = "项目未通过验收，或者未在规定期限内提交整改材料的，已拨付的奖补资金予以追回，尚未拨付的不再拨付";

	private AllocationTerms() {
	}

	/** Whether a notice of the given recorded wording carried these terms. */
	public static boolean carriedBy(String textVersion) {
		return VERSION.equals(textVersion);
	}

}
