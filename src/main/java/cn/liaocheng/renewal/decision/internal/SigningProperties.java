package cn.liaocheng.renewal.decision.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code renewal.signing.*}: per issuing body, a PKCS#12 keystore for production;
 * otherwise self-signed demo keys kept in the database, encrypted with
 * {@code key-password} (see docs/operations.md, "Decision signing keys").
 *
 * @param keyPassword protects the demo keys in the database; from
 * {@code RENEWAL_SIGNING_KEY_PASSWORD}
 * @param selfSignedKeys whether bodies without a keystore may sign with generated keys;
 * by default only in the demo profile
 * @param bodies keystores by body key, e.g.
 * {@code renewal.signing.bodies.industry.keystore}
 */
@ConfigurationProperties("renewal.signing")
record SigningProperties(String keyPassword, Boolean selfSignedKeys, Map<String, Keystore> bodies) {

	SigningProperties {
		bodies = bodies == null ? Map.of() : Map.copyOf(bodies);
	}

	/** A PKCS#12 file, its password and (optional) the alias of the signing key in it. */
	record Keystore(String keystore, String password, String alias) {
	}

}
