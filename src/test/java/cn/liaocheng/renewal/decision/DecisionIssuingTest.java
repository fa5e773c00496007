package cn.liaocheng.renewal.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.decision.VerificationResult.Verdict;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Issuing decisions on the shared H2 system: signature, text, idempotency, numbering
 * under concurrency.
 */
@WebIntegrationTest
class DecisionIssuingTest {

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Test
	void signatureIsDetachedCadesWithSha256ByTheBodysCertificateOverTheWholeFile() throws Exception {
		IssuedDecision issued = decisions.issue(SampleDecisions.projectAccepted(SampleDecisions.newApplicationId()));
		byte[] pdf = decisions.pdf(issued.id());

		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
			int[] range = signature.getByteRange();
			assertThat(range[0]).isZero();
			assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
			byte[] signedContent = signature.getSignedContent(pdf);
			CMSSignedData cms;
			try (org.bouncycastle.asn1.ASN1InputStream der = new org.bouncycastle.asn1.ASN1InputStream(
					signature.getContents(pdf))) {
				cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
						org.bouncycastle.asn1.cms.ContentInfo.getInstance(der.readObject()));
			}
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			X509CertificateHolder certificate = cms.getCertificates()
				.getMatches((Selector<X509CertificateHolder>) signer.getSID())
				.iterator()
				.next();
			assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
			assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
			assertThat(signer.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
			assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(IETFUtils.valueToString(certificate.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()))
				.isEqualTo("聊城市工业和信息化局");
		}
		assertThat(issued.sha256()).isEqualTo(sha256(pdf));
		assertThat(issued.number()).matches("聊工信审〔2026〕\\d+号");
	}

	@Test
	void pdfsigCallsTheSignatureValidAndOneChangedByteInvalid() throws Exception {
		IssuedDecision issued = decisions
			.issue(SampleDecisions.subsidyAllocated(SampleDecisions.newApplicationId(), "finance"));
		byte[] pdf = decisions.pdf(issued.id());
		Path file = Poppler.save("subsidy-allocated", pdf);

		String report = Poppler.run("pdfsig", file.toString());
		assertThat(report).contains("Signature is Valid.").contains("Total document signed").contains("聊城市财政局");

		byte[] tampered = changeOneByteInPageContent(pdf);
		Path tamperedFile = Poppler.save("subsidy-allocated-tampered", tampered);
		assertThat(Poppler.run("pdfsig", tamperedFile.toString())).doesNotContain("Signature is Valid.");
		VerificationResult result = decisions.verify(tampered);
		assertThat(result.verdict()).isEqualTo(Verdict.ALTERED);
		assertThat(result.signatureIntact()).isFalse();
		assertThat(result.decision().number()).isEqualTo(issued.number());
	}

	@Test
	void extractedTextStatesEnterpriseCreditCodeAmountAndOpinions() throws Exception {
		IssuedDecision issued = decisions
			.issue(SampleDecisions.subsidyAllocated(SampleDecisions.newApplicationId(), "finance"));
		String text = text(decisions.pdf(issued.id()));

		assertThat(text).contains(SampleDecisions.ENTERPRISE, SampleDecisions.CREDIT_CODE, "965,000.05", "玖拾陆万伍仟元零伍分",
				issued.number(), "奖补资金下达通知书", "冠县工业和信息化局", "冠县工信局审核员", issued.verificationCode(), "2026年5月8日");
	}

	@Test
	void refusalStatesReasonsAndTheApplicantsRemedies() throws Exception {
		IssuedDecision issued = decisions.issue(SampleDecisions.projectRefused(SampleDecisions.newApplicationId()));
		byte[] pdf = decisions.pdf(issued.id());
		Poppler.save("project-refused", pdf);
		String text = text(pdf).replaceAll("\\s+", "");

		assertThat(text).contains("不予入库决定书", "限制类设备", "节能审查意见尚未取得", "六十日内", "《中华人民共和国行政复议法》", "聊城市人民政府申请行政复议", "六个月内",
				"《中华人民共和国行政诉讼法》");
	}

	@Test
	void everyKindOfEndingHasItsDocument() throws Exception {
		IssuedDecision loan = decisions.issue(SampleDecisions.loanListed(SampleDecisions.newApplicationId()));
		IssuedDecision lapse = decisions.issue(SampleDecisions.lapsed(SampleDecisions.newApplicationId()));
		String loanText = text(decisions.pdf(loan.id()));
		Poppler.save("loan-listed", decisions.pdf(loan.id()));
		Poppler.save("application-lapsed", decisions.pdf(lapse.id()));

		assertThat(loan.number()).startsWith("聊银审〔2026〕");
		assertThat(loanText).contains("中国人民银行聊城市分行", "中国工商银行聊城分行", "5,000,000.00", "3.1%", "36个月");
		assertThat(text(decisions.pdf(lapse.id()))).contains("终止审查决定书", "逾期未补正", "行政复议");
		for (DecisionType type : DecisionType.values()) {
			assertThat(type.title()).endsWith("书");
		}
	}

	@Test
	void aRepeatedIssueReturnsTheFirstDecisionWithoutASecondNumber() {
		long application = SampleDecisions.newApplicationId();
		IssuedDecision first = decisions.issue(SampleDecisions.projectAccepted(application));
		int counter = counter("industry");

		IssuedDecision again = decisions.issue(SampleDecisions.projectAccepted(application));

		assertThat(again).isEqualTo(first);
		assertThat(counter("industry")).isEqualTo(counter);
		assertThat(decisionsOf(application)).isEqualTo(1);
		assertThat(decisions.forApplication(application)).contains(first);
	}

	@Test
	void aPaymentNoticeIsIssuedOncePerPeriodBesideTheLoansOtherDecisions() throws Exception {
		long application = SampleDecisions.newApplicationId();
		IssuedDecision listed = decisions.issue(SampleDecisions.loanListed(application));
		IssuedDecision march = decisions.issue(SampleDecisions.interestPayment(application, "2026-03", "2000.00"));
		IssuedDecision again = decisions.issue(SampleDecisions.interestPayment(application, "2026-03", "2000.00"));
		IssuedDecision april = decisions.issue(SampleDecisions.interestPayment(application, "2026-04", "3750.00"));

		assertThat(again).isEqualTo(march);
		assertThat(april.id()).isNotEqualTo(march.id());
		assertThat(decisionsOf(application)).isEqualTo(3);
		assertThat(march.number()).startsWith("聊财审〔2026〕");
		Poppler.save("interest-subsidy-payment", decisions.pdf(march.id()));
		assertThat(text(decisions.pdf(march.id())))
			.contains("贴息资金拨付通知书", "核定2026年3月贴息资金", "2,000.00", "LCCZ-2026-0508-01", "ICBC-LC-2026-0316",
					"48,000,000.00")
			.doesNotContain("行政复议")
			.doesNotContain("按此计算为");
		// The last period pays what is left of the total granted, less than it computes.
		IssuedDecision last = decisions.issue(SampleDecisions.interestPayment(application, "2028-03", "1200.00"));
		assertThat(text(decisions.pdf(last.id()))).contains("按此计算为2,000.00元", "本期为该总额的余额", "1,200.00");
		assertThat(decisions.allForApplication(application)).extracting(IssuedDecision::id)
			.containsExactly(listed.id(), march.id(), april.id(), last.id());
		assertThatThrownBy(() -> decisions.issue(SampleDecisions.interestPayment(application, null, "1.00")))
			.isInstanceOf(NullPointerException.class);
	}

	@Test
	void aPaymentNoticeStatesTheRateOfEachTrancheAndThatATrancheOutsideThePolicyGetsNothing() throws Exception {
		long application = SampleDecisions.newApplicationId();
		IssuedDecision notice = decisions
			.issue(SampleDecisions.interestPaymentWithATrancheOutsideThePolicy(application));

		String text = text(decisions.pdf(notice.id())).replaceAll("\\s+", "");
		assertThat(text)
			.contains("按每笔放款的放款日分别适用", "2026年3月16日放款的部分，计息积数37,200,000.00元，贴息1.5个百分点/年",
					"该笔放款于2027年1月15日发放，放款日暂无适用的贴息政策，不计贴息；政策延续的，由财政部门另行补计", "1,550.00")
			.doesNotContain("按此计算为");
	}

	/**
	 * A loan decided by tranche has no total: its notice never blames one, and the
	 * rounding of each tranche's part to the fen, as the ledger rounds it, is not told as
	 * a limit reached.
	 */
	@Test
	void aPaymentNoticeOfALoanDecidedByTrancheBlamesNoTotalAndNotRounding() throws Exception {
		long application = SampleDecisions.newApplicationId();
		IssuedDecision may = decisions.issue(SampleDecisions.interestPaymentByTrancheRoundedEach(application, "20.00"));
		assertThat(text(decisions.pdf(may.id())).replaceAll("\\s+", ""))
			.contains("2024年9月1日放款的部分，计息积数240,096.00元，贴息1.5个百分点/年", "各笔分别计至分后相加", "20.00")
			.doesNotContain("按此计算为", "核定的财政贴息总额");

		long capped = SampleDecisions.newApplicationId();
		IssuedDecision last = decisions.issue(SampleDecisions.interestPaymentByTrancheRoundedEach(capped, "15.00"));
		assertThat(text(decisions.pdf(last.id())).replaceAll("\\s+", ""))
			.contains("按此计算为20.00元；每笔放款的贴息累计不超过该笔放款本金×其放款日适用的贴息比例×贴息期限（月）÷12", "15.00")
			.doesNotContain("核定的财政贴息总额");
	}

	@Test
	void aContradictoryOutcomeForTheSameStageIsRefused() {
		long application = SampleDecisions.newApplicationId();
		IssuedDecision accepted = decisions.issue(SampleDecisions.projectAccepted(application));

		assertThatThrownBy(() -> decisions.issue(SampleDecisions.projectRefused(application)))
			.isInstanceOf(DecisionConflictException.class)
			.satisfies(e -> assertThat(((DecisionConflictException) e).existing()).isEqualTo(accepted));
		assertThat(decisionsOf(application)).isEqualTo(1);
	}

	@Test
	void aRefusalWithoutReasonsIsNotIssued() {
		DecisionRequest valid = SampleDecisions.projectRefused(SampleDecisions.newApplicationId());
		DecisionRequest noReasons = new DecisionRequest(valid.applicationId(), valid.issuingBody(), valid.type(),
				valid.enterpriseName(), valid.creditCode(), null, valid.projectName(), null, null, null, null,
				List.of(), null);

		assertThatThrownBy(() -> decisions.issue(noReasons)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reasons");
		assertThat(decisionsOf(valid.applicationId())).isZero();
	}

	@Test
	void decisionsIssuedBeforeCommitAreNumberedSignedAndAuditedAsTheirTransactionCommits() throws Exception {
		long accepted = SampleDecisions.newApplicationId();
		long listed = SampleDecisions.newApplicationId();
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			decisions.issueBeforeCommit(SampleDecisions.projectAccepted(accepted));
			decisions.issueBeforeCommit(SampleDecisions.loanListed(listed));
			decisions.issueBeforeCommit(SampleDecisions.projectAccepted(accepted));
			assertThat(decisionsOf(accepted) + decisionsOf(listed)).as("decisions before the commit").isZero();
		});

		IssuedDecision first = decisions.forApplication(accepted).orElseThrow();
		IssuedDecision second = decisions.forApplication(listed).orElseThrow();
		assertThat(decisionsOf(accepted)).isEqualTo(1);
		assertThat(first.number()).isEqualTo("聊工信审〔2026〕" + counter("industry") + "号");
		assertThat(second.number()).startsWith("聊银审〔2026〕");
		assertThat(text(decisions.pdf(first.id()))).contains(first.number(), first.verificationCode(), "项目入库通知书");
		assertThat(first.sha256()).isEqualTo(sha256(decisions.pdf(first.id())));
		// Nothing else in that transaction was audited: the trail's entries were
		// recorded while it committed.
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'DECISION_ISSUED' AND subject IN (?, ?)"
					+ " ORDER BY id")
			.params("application:" + accepted, "application:" + listed)
			.query(String.class)
			.list()).hasSize(2).first().asString().startsWith(first.number() + " PROJECT_ACCEPTED");
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
		assertThatThrownBy(() -> transaction
			.executeWithoutResult(status -> decisions.issueBeforeCommit(SampleDecisions.projectRefused(accepted))))
			.isInstanceOf(DecisionConflictException.class);
	}

	@Test
	void aDecisionIssuedBeforeCommitTakesNoNumberWhenItsTransactionRollsBack() {
		long application = SampleDecisions.newApplicationId();
		decisions.issue(SampleDecisions.projectAccepted(SampleDecisions.newApplicationId()));
		int before = counter("industry");
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			decisions.issueBeforeCommit(SampleDecisions.projectAccepted(application));
			status.setRollbackOnly();
		});
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			decisions.issueBeforeCommit(SampleDecisions.projectAccepted(application));
			throw new IllegalStateException("the rest of the transaction failed");
		})).hasMessage("the rest of the transaction failed");

		assertThat(decisionsOf(application)).isZero();
		assertThat(counter("industry")).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ?")
			.param("application:" + application)
			.query(Integer.class)
			.single()).isZero();
		assertThatThrownBy(() -> decisions.issueBeforeCommit(SampleDecisions.projectAccepted(application)))
			.isInstanceOf(IllegalStateException.class);
		IssuedDecision next = decisions.issue(SampleDecisions.projectAccepted(application));
		assertThat(next.number()).isEqualTo("聊工信审〔2026〕" + (before + 1) + "号");
	}

	@Test
	void fiftyDecisionsIssuedAtOnceForOneBodyWaitForItsCounterAndGetFiftyConsecutiveNumbersInOrder() throws Exception {
		NumberingRace race = new NumberingRace(decisions, jdbc, transactions);

		NumberingRace.Outcome outcome = race.issueAtOnce("telecom", 50, Duration.ofSeconds(2));

		int before = outcome.before();
		List<Integer> expected = IntStream.rangeClosed(before + 1, before + 50).boxed().toList();
		assertThat(outcome.issuedWhileHeld()).isZero();
		assertThat(outcome.issued()).extracting(IssuedDecision::number)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(n -> "聊信通审〔2026〕" + n + "号").toList());
		assertThat(race.serialsInIssueOrder("telecom", before)).containsExactlyElementsOf(expected);
		assertThat(race.counter("telecom")).isEqualTo(before + 50);
		assertThat(race.documentsWithoutTheirNumber(outcome)).isEmpty();
	}

	@Test
	void concurrentCallsForOneApplicationMakeOneDecision() throws Exception {
		long application = SampleDecisions.newApplicationId();
		int before = counter("industry");
		List<Callable<IssuedDecision>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(() -> decisions.issue(SampleDecisions.projectAccepted(application)));
		}

		List<IssuedDecision> issued = runTogether(calls);

		assertThat(issued).extracting(IssuedDecision::id).containsOnly(issued.get(0).id());
		assertThat(decisionsOf(application)).isEqualTo(1);
		assertThat(counter("industry")).isEqualTo(before + 1);
	}

	@Test
	void verificationAnswersGenuineAlteredOrUnknown() throws Exception {
		IssuedDecision issued = decisions.issue(SampleDecisions.loanListed(SampleDecisions.newApplicationId()));
		byte[] pdf = decisions.pdf(issued.id());

		VerificationResult genuine = decisions.verify(pdf);
		assertThat(genuine.verdict()).isEqualTo(Verdict.GENUINE);
		assertThat(genuine.decision().sha256()).isEqualTo(issued.sha256());
		assertThat(genuine.decision().signer()).contains("CN=中国人民银行聊城市分行");
		byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 1);
		appended[pdf.length] = '\n';
		assertThat(decisions.verify(appended).verdict()).isEqualTo(Verdict.ALTERED);
		assertThat(decisions.verify("%PDF-1.7 nothing".getBytes()).verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(decisions.verify(issued.verificationCode().toLowerCase()).decision()).isEqualTo(issued);
		assertThat(decisions.verify("ZZZZZZZZZZ").verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(decisions.verify("not a code").verdict()).isEqualTo(Verdict.UNKNOWN);
	}

	private List<IssuedDecision> runTogether(List<Callable<IssuedDecision>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<IssuedDecision> results = new ArrayList<>();
			for (Future<IssuedDecision> f : pool.invokeAll(calls)) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int counter(String body) {
		return jdbc.sql("SELECT last_value FROM decision_counter WHERE body_key = ? AND counter_year = 2026")
			.param(body)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private int decisionsOf(long application) {
		return jdbc.sql("SELECT COUNT(*) FROM decision WHERE application_id = ?")
			.param(application)
			.query(Integer.class)
			.single();
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/**
	 * Flips one bit inside the first page's content stream: inside the signed range, far
	 * from the signature.
	 */
	static byte[] changeOneByteInPageContent(byte[] pdf) throws Exception {
		int contentsStart;
		long contentObject;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			contentsStart = document.getLastSignatureDictionary().getByteRange()[1];
			contentObject = document.getPage(0)
				.getCOSObject()
				.getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS)
				.getKey()
				.getNumber();
		}
		String latin = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
		int object = latin.indexOf("\n" + contentObject + " 0 obj");
		int position = latin.indexOf("stream", object) + 40;
		assertThat(object).isPositive();
		assertThat(position).isLessThan(contentsStart);
		byte[] copy = pdf.clone();
		copy[position] ^= 0x01;
		return copy;
	}

}
