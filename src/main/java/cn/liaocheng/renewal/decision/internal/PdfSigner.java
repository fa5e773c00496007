package cn.liaocheng.renewal.decision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.GregorianCalendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Signs a PDF the way PDFBox's CreateSignature example does, as PAdES baseline: a
 * detached CMS (SubFilter ETSI.CAdES.detached) over the whole file with SHA-256 and RSA,
 * carrying the signer's certificate and the ESS signing-certificate-v2 attribute, and no
 * signing-time attribute (PAdES puts the time in the signature dictionary).
 */
final class PdfSigner {

	private PdfSigner() {
	}

	record Signature(String name, String reason, String location, Calendar time) {

		Signature(String name, String reason) {
			this(name, reason, "山东省聊城市", new GregorianCalendar(ChinaTime.timeZone()));
		}

	}

	static byte[] sign(byte[] unsignedPdf, SigningCredentials credentials, Signature meta) {
		try (SignatureOptions options = new SignatureOptions(); PDDocument document = Loader.loadPDF(unsignedPdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(meta.name());
			signature.setReason(meta.reason());
			signature.setLocation(meta.location());
			signature.setSignDate(meta.time());
			document.addSignature(signature, content -> cms(content, credentials), options);
			ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 20_000);
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot sign the decision PDF", e);
		}
	}

	static byte[] cms(InputStream content, SigningCredentials credentials) throws IOException {
		try {
			byte[] certificateHash = MessageDigest.getInstance("SHA-256")
				.digest(credentials.certificate().getEncoded());
			SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(pades(certificateHash))
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(credentials.key()),
						credentials.certificate());
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(signerInfo);
			generator.addCertificates(new JcaCertStore(credentials.chain()));
			return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
			throw new IOException("cannot create the CMS signature", e);
		}
	}

	private static CMSAttributeTableGenerator pades(byte[] certificateHash) {
		return parameters -> {
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			attributes.add(new Attribute(CMSAttributes.contentType,
					new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
			attributes.add(new Attribute(CMSAttributes.messageDigest,
					new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
			attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash)))));
			return new AttributeTable(attributes);
		};
	}

}
