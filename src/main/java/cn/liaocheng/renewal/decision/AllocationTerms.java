package cn.liaocheng.renewal.decision;

import java.util.Map;
import java.util.Optional;

/**
 * What the allocation notice (奖补资金下达通知书) binds the enterprise to after the award, beyond
 * earmarking and supervision: the acceptance and rectification the after-award process
 * enforces, and what follows when they fail. Notices issued with these terms record
 * {@link #VERSION} as their wording ({@link Decisions#textVersion}); earlier notices
 * record none and did not carry them, so a later decision cites them only for a notice
 * that did, and in the words of the version that notice recorded.
 */
public final class AllocationTerms {

	/** The wording of the allocation notice that states the after-award terms. */
	public static final String VERSION = "aftercare-1";

	/** What the enterprise is to do after the money is paid. */
	public static final String ACCEPTANCE = "奖补资金全额拨付后，请你单位按规定申请项目验收；验收要求限期整改的，请在规定期限内完成整改并提交整改材料";

	/** What follows when it does not. */
	public static final String RECOVERY = "项目未通过验收，或者未在规定期限内提交整改材料的，已拨付的奖补资金予以追回，尚未拨付的不再拨付";

	/**
	 * The terms as one version of the notice stated them, each without its closing full
	 * stop.
	 */
	public record Wording(String acceptance, String recovery) {
	}

	/**
	 * Every wording a notice was ever issued in, by version: a notice already signed is
	 * quoted in its own version's words, never in today's. When the terms change, the new
	 * wording gets a new {@link #VERSION} and the old one stays here.
	 */
	private static final Map<String, Wording> WORDINGS = Map.of(VERSION, new Wording(ACCEPTANCE, RECOVERY));

	private AllocationTerms() {
	}

	/**
	 * The terms a notice of the given recorded wording stated; empty for a notice that
	 * recorded none (issued before the terms) or a version this system does not know.
	 */
	public static Optional<Wording> of(String textVersion) {
		return textVersion == null ? Optional.empty() : Optional.ofNullable(WORDINGS.get(textVersion));
	}

}
