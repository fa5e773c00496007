package cn.liaocheng.renewal.decision.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;

/** A body's private key and its certificate chain, signer's certificate first. */
record SigningCredentials(PrivateKey key, List<X509Certificate> chain) {

	X509Certificate certificate() {
		return chain.get(0);
	}

	/**
	 * Whether the signer's certificate is within its validity period at {@code moment}.
	 */
	boolean validAt(Instant moment) {
		Date at = Date.from(moment);
		return !at.before(certificate().getNotBefore()) && !at.after(certificate().getNotAfter());
	}

	/** The certificate's subject as people read it, e.g. C=CN,…,CN=聊城市工业和信息化局. */
	String subject() {
		return X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()).toString();
	}

}
