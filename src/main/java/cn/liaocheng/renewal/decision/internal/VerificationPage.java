package cn.liaocheng.renewal.decision.internal;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.decision.VerificationResult;

/** What the public check page says about one file or code, in Chinese. */
record VerificationPage(String verdict, String headline, String explanation, IssuedDecision decision, String title,
		String decisionDate, String issuedAt, String presentedSha256) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss")
		.withZone(SignedDecisions.CHINA);

	/**
	 * A PDF reader checks the signing certificate against the day the file is opened, so
	 * after the certificate's expiry it may warn about a file that is genuine.
	 */
	private static final String GENUINE_FILE = "该文件与本系统签发的决定书逐字节一致，未被改动。签名证书到期后，PDF 阅读器可能提示证书已过期，文件的真实性以本页核验结果为准。";

	static VerificationPage forFile(VerificationResult result) {
		return switch (result.verdict()) {
			case GENUINE -> result.undoneBy().isEmpty() ? of(result, "真实有效", GENUINE_FILE)
					: of(result, "文件真实，但" + undoneHeadline(result), GENUINE_FILE + undone(result));
			case ALTERED -> of(result, "文件已被改动",
					"该文件声称是下列决定书，但与签发时的文件不一致（SHA-256 不同）。" + signature(result.signatureIntact()) + "请以发文机关签发的原件为准。");
			case UNKNOWN ->
				of(result, "无法确认", "本系统没有签发过该文件，或文件中的核验信息已被去除。" + signature(result.signatureIntact()) + "请向发文机关核实。");
			case UNCHECKABLE -> of(result, "无法核验",
					"该文件与本系统签发的任何决定书都不一致，且文件内容解压后超出核验的处理上限，未能读取其中的验证码和数字签名。本系统签发的决定书远小于此上限。请确认上传的是发文机关签发的原件，或输入决定书末页的 10 位验证码查询。");
		};
	}

	static VerificationPage forCode(VerificationResult result) {
		return switch (result.verdict()) {
			case GENUINE, ALTERED ->
				of(result, result.undoneBy().isEmpty() ? "验证码有效" : "验证码有效，但" + undoneHeadline(result),
						"该验证码对应本系统签发的下列决定书。请核对您持有文件的文号、企业名称和日期是否与下列信息一致；如需确认文件本身未被改动，请上传 PDF 文件核验。" + undone(result));
			case UNKNOWN, UNCHECKABLE -> of(result, "未找到该验证码", "请核对验证码：共 10 位，由数字 2–9 和大写字母组成（不含 0、1、I、L、O）。");
		};
	}

	private static boolean revoked(VerificationResult result) {
		return result.undoneBy().stream().anyMatch(d -> d.type() == DecisionType.SUBSIDY_REVOKED);
	}

	/**
	 * A revocation undoes the whole allocation; a recovery may take back only part of it,
	 * so the page names the later decision rather than saying the allocation is gone.
	 */
	private static String undoneHeadline(VerificationResult result) {
		return revoked(result) ? "该决定已被撤销" : proposed(result) ? "其后已就该决定下达的奖补资金作出处理决定" : "其后已就该决定下达的奖补资金作出追回决定";
	}

	/**
	 * Another body found the allocation should be revoked and holds its payment; only the
	 * allocating body can revoke it, so the page does not say it is revoked.
	 */
	private static boolean proposed(VerificationResult result) {
		return result.undoneBy().stream().anyMatch(d -> d.type() == DecisionType.SUBSIDY_REVOCATION_PROPOSED);
	}

	/** The later decisions that undo this one, by number, title, body and date. */
	private static String undone(VerificationResult result) {
		if (result.undoneBy().isEmpty()) {
			return "";
		}
		return result.undoneBy()
			.stream()
			.map(d -> d.issuingBodyName() + "已于" + ChineseFormats.date(d.decisionDate()) + "作出《" + d.type().title()
					+ "》（" + d.number() + "）")
			.collect(Collectors.joining("；", "",
					revoked(result) ? "，该决定下达的奖补资金已撤销，不再拨付。请勿再以该文件作为享受奖补资金的依据。"
							: proposed(result) ? "，认定该决定下达的奖补资金应予撤销，已暂停拨付，并建议下达机关撤销。请勿单独以该文件作为享受奖补资金的依据。"
									: "，追回的金额及期限以该追回决定书为准。请勿单独以该文件作为享受奖补资金的依据。"));
	}

	private static String signature(Boolean intact) {
		if (intact == null) {
			return "文件中没有可校验的数字签名。";
		}
		return intact ? "文件中的数字签名本身可以验证，但不是本系统留存的版本。" : "文件的数字签名校验未通过，签名后内容被修改过。";
	}

	private static VerificationPage of(VerificationResult result, String headline, String explanation) {
		IssuedDecision d = result.decision();
		// A genuine decision undone later is not shown as plainly valid.
		String verdict = result.verdict() == VerificationResult.Verdict.GENUINE && !result.undoneBy().isEmpty()
				? "UNDONE" : result.verdict().name();
		return new VerificationPage(verdict, headline, explanation, d, d == null ? null : d.type().title(),
				d == null ? null : ChineseFormats.date(d.decisionDate()), d == null ? null : TIME.format(d.issuedAt()),
				result.presentedSha256());
	}

}
