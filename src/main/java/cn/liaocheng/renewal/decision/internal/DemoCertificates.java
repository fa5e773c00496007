package cn.liaocheng.renewal.decision.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed RSA certificates for the demo, and PKCS#12 containers to keep them in. */
final class DemoCertificates {

	static final String ALIAS = "decision-signing";

	private static final SecureRandom RANDOM = new SecureRandom();

	private DemoCertificates() {
	}

	/**
	 * A new key pair and certificate with CN = the body's Chinese name, as a
	 * password-protected PKCS#12.
	 */
	static byte[] generatePkcs12(String bodyName, char[] password) {
		Instant now = Instant.now();
		return generatePkcs12(bodyName, password, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
	}

	/** The same, valid from {@code notBefore} to {@code notAfter}. */
	static byte[] generatePkcs12(String bodyName, char[] password, Instant notBefore, Instant notAfter) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, RANDOM);
			KeyPair pair = generator.generateKeyPair();
			X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
				.addRDN(BCStyle.ST, "山东省")
				.addRDN(BCStyle.L, "聊城市")
				.addRDN(BCStyle.O, "聊城市人民政府")
				.addRDN(BCStyle.OU, "演示签名证书（非正式）")
				.addRDN(BCStyle.CN, bodyName)
				.build();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(63, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
					pair.getPublic());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(pair.getPublic()));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] { certificate });
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password);
			return out.toByteArray();
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException e) {
			throw new IllegalStateException("cannot create a demo signing key for " + bodyName, e);
		}
	}

	/** Opens a PKCS#12; with no alias given, takes the first key entry. */
	static SigningCredentials open(byte[] pkcs12, char[] password, String alias)
			throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(new ByteArrayInputStream(pkcs12), password);
		String name = alias;
		if (name == null || name.isBlank()) {
			name = Collections.list(store.aliases())
				.stream()
				.filter(a -> isKey(store, a))
				.findFirst()
				.orElseThrow(() -> new GeneralSecurityException("the keystore holds no private key"));
		}
		PrivateKey key = (PrivateKey) store.getKey(name, password);
		Certificate[] chain = store.getCertificateChain(name);
		if (key == null || chain == null) {
			throw new GeneralSecurityException("no private key with certificate under alias " + name);
		}
		return new SigningCredentials(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

}
