package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The integrity declaration (诚信承诺) an enterprise confirms each time it submits: that the
 * material is true, that it accepts checks, and that money obtained by false material is
 * clawed back. Grant practice in Shandong asks for it with every subsidy and project
 * dossier; the wording is versioned so that a stored confirmation names the text that was
 * confirmed.
 *
 * @param userId the account that confirmed
 * @param userName that account's display name at the time
 * @param at when
 * @param version which wording ({@link #VERSION} for the current one)
 */
public record IntegrityDeclaration(String userId, String userName, Instant at, String version) {

	public static final String VERSION = "2026-1";

	public static final String TITLE = "诚信承诺";

	public static final String TEXT = "本单位郑重承诺：所提交的申报材料（含项目情况、设备明细、发票、合同、付款凭证及其他附件）"
			+ "真实、准确、完整，不存在虚构项目、虚开或重复使用发票、以同一设备重复申请财政资金等情形；" + "本单位自愿接受工业和信息化、财政、审计等部门的审核、实地核查、抽查和绩效评价，并如实提供相关资料；"
			+ "如有弄虚作假、骗取或套取财政资金等行为，本单位同意退回已获得的全部资金，" + "接受取消申报资格、记入信用记录等处理，并依法承担相应责任。";

	/** The refusal when a submission does not carry the confirmation. */
	public static final String REQUIRED = "提交申报前须阅读并勾选“诚信承诺”，确认申报材料真实、准确、完整";

	/**
	 * Every wording ever confirmed, by version: a stored confirmation is quoted in the
	 * words of its own version, never in today's. A version not listed here has no text
	 * this system can quote.
	 */
	private static final Map<String, String> WORDINGS = Map.of(VERSION, TEXT);

	/** The wording of a version, when this system knows it. */
	public static Optional<String> textOf(String version) {
		return version == null ? Optional.empty() : Optional.ofNullable(WORDINGS.get(version));
	}

	/**
	 * The clause of this confirmation's wording on false material (弄虚作假), without its
	 * closing full stop: what the enterprise agreed would follow. Empty when the
	 * version's wording is unknown or has no such clause.
	 */
	public Optional<String> falseMaterialClause() {
		return textOf(version).flatMap(text -> Arrays.stream(text.split("；"))
			.filter(clause -> clause.contains("弄虚作假"))
			.findFirst()
			.map(clause -> clause.replaceAll("[。；]+$", "")));
	}

	/** The confirmed wording: that of the version confirmed. */
	public String text() {
		return textOf(version).orElse(null);
	}

}
