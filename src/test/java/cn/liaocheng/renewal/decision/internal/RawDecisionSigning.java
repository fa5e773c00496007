package cn.liaocheng.renewal.decision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;

/**
 * The benchmark's reference for issuing decisions: the same refusal decision a county
 * issues in the benchmark's cases (same words, layout, font, seal, QR code and PAdES
 * signature), created with PDFBox and signed with BouncyCastle, and nothing else: no
 * document number taken, no file or row stored, no transaction, no job.
 */
public final class RawDecisionSigning {

	private final SigningCredentials credentials;

	private final Letter letter;

	public RawDecisionSigning() {
		try {
			char[] password = "benchmark".toCharArray();
			credentials = DemoCertificates.open(DemoCertificates.generatePkcs12("冠县工业和信息化局", password), password, null);
		}
		catch (java.security.GeneralSecurityException | java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		DecisionRequest request = new DecisionRequest(1, "county-371525-industry", DecisionType.PROJECT_NOT_RECOMMENDED,
				"冠县演示轴承制造有限公司", "91371525MA3CB7K21F", "冠县演示轴承制造有限公司", "基准测试项目-1-1", "XM-2026-371525-00001",
				new DecisionRequest.Amounts(new BigDecimal("5000000"), new BigDecimal("3000000"), null, null, null,
						null, null),
				null,
				List.of(new DecisionRequest.Opinion("冠县工业和信息化局", "gx-industry", LocalDate.now(), "通过", "材料齐全，符合形式审查要求"),
						new DecisionRequest.Opinion("冠县工业和信息化局", "gx-industry", LocalDate.now(), "不予推荐",
								"项目不符合本县产业布局，不予推荐")),
				List.of("项目不符合本县产业布局，不予推荐"), LocalDate.now(),
				new DecisionRequest.Proceedings(List.of("冠县工业和信息化局形式审查", "冠县工业和信息化局推荐审查"), List.of(), null));
		letter = DecisionText.of(request, "冠县人民政府");
	}

	/** Renders and signs one decision; returns the signed PDF. */
	public byte[] issue(int serial) {
		String number = DocumentNumbers.format("冠工信决", LocalDate.now().getYear(), serial);
		String code = VerificationCodes.next();
		byte[] unsigned = DecisionRenderer.render(letter, new DecisionRenderer.Header("冠县工业和信息化局", number,
				LocalDate.now(), code, "http://localhost:8080/verify?code=" + code));
		return PdfSigner.sign(unsigned, credentials,
				new PdfSigner.Signature("冠县工业和信息化局", number + " " + letter.title() + " 验证码：" + code));
	}

}
