package cn.liaocheng.renewal.decision.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

import cn.liaocheng.renewal.document.BoundedPdf;

/**
 * Reads a presented PDF: the verification code it claims (document information, else the
 * signature's reason) and whether its last signature verifies and covers the whole file.
 * Never throws on rubbish input. Anyone may present a file without logging in, so it is
 * read within {@link #LIMITS} ({@link BoundedPdf}): a decision issued here decodes to
 * well under a megabyte, while a 1 MB file may hold a stream that inflates to a gigabyte.
 */
final class SignatureCheck {

	private static final Pattern CODE_IN_REASON = Pattern.compile("验证码[：:]\\s*([A-Z0-9]+)");

	/**
	 * What a presented file's streams may decode to together, and its images declare (the
	 * check decodes none).
	 */
	static final BoundedPdf.Limits LIMITS = new BoundedPdf.Limits(32L * 1024 * 1024, 256L * 1024 * 1024,
			48L * 1024 * 1024);

	private SignatureCheck() {
	}

	/**
	 * @param tooLarge the file needs more than {@link #LIMITS} to be read, so it was not
	 * checked
	 */
	record Findings(Optional<String> code, Boolean signatureIntact, boolean tooLarge) {

		static final Findings NOTHING = new Findings(Optional.empty(), null, false);

		static final Findings TOO_LARGE = new Findings(Optional.empty(), null, true);

		Findings(Optional<String> code, Boolean signatureIntact) {
			this(code, signatureIntact, false);
		}

	}

	static Findings of(byte[] pdf) {
		try (PDDocument document = BoundedPdf.load(pdf, LIMITS)) {
			String code = document.getDocumentInformation().getCustomMetadataValue(DecisionRenderer.INFO_CODE);
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return new Findings(Optional.ofNullable(code), null);
			}
			PDSignature last = signatures.get(signatures.size() - 1);
			if (code == null && last.getReason() != null) {
				Matcher m = CODE_IN_REASON.matcher(last.getReason());
				code = m.find() ? m.group(1) : null;
			}
			return new Findings(Optional.ofNullable(code), intact(last, pdf));
		}
		catch (BoundedPdf.TooLarge e) {
			return Findings.TOO_LARGE;
		}
		catch (IOException | RuntimeException e) {
			return Findings.NOTHING;
		}
	}

	/**
	 * The DER structure at the start of /Contents, without the zeros that pad the
	 * reserved space.
	 */
	static ContentInfo cmsOf(byte[] contents) throws IOException {
		try (ASN1InputStream in = new ASN1InputStream(contents)) {
			return ContentInfo.getInstance(in.readObject());
		}
	}

	/**
	 * The CMS signature verifies against the signed bytes, and the signed ranges are the
	 * whole file.
	 */
	static boolean intact(PDSignature signature, byte[] pdf) {
		try {
			int[] range = signature.getByteRange();
			if (range == null || range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
				return false;
			}
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
					cmsOf(signature.getContents(pdf)));
			for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
				@SuppressWarnings("unchecked")
				Selector<X509CertificateHolder> selector = (Selector<X509CertificateHolder>) signer.getSID();
				for (X509CertificateHolder certificate : cms.getCertificates().getMatches(selector)) {
					if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
						return false;
					}
				}
				if (cms.getCertificates().getMatches(selector).isEmpty()) {
					return false;
				}
			}
			return !cms.getSignerInfos().getSigners().isEmpty();
		}
		catch (Exception e) {
			return false;
		}
	}

}
