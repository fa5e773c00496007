package cn.liaocheng.renewal.decision.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each issuing body's signing key: from the PKCS#12 file configured for it, or else
 * (demo) a self-signed key made at first use and kept in {@code signing_key}, encrypted
 * with the key password, so that every node signs with the same key. Call before the
 * issuing transaction: creating a key commits on its own connection.
 */
@Component
class SigningKeys {

	/** Only ever used when the demo profile is active and no password is configured. */
	private static final String DEMO_PASSWORD = "demo-only-signing-key-password";

	private final SigningProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final boolean demo;

	private final Map<String, SigningCredentials> loaded = new ConcurrentHashMap<>();

	SigningKeys(SigningProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions,
			Environment environment) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.demo = environment.matchesProfiles("demo");
	}

	/**
	 * Loaded once per body and node: threads issuing for a body whose key is not loaded
	 * yet wait for the first one, rather than each opening the keystore or, in the demo,
	 * each generating an RSA key of which all but one are thrown away (ten job threads
	 * did, taking seconds of CPU each, until their jobs' locks expired).
	 */
	SigningCredentials forBody(String bodyKey, String bodyName) {
		return loaded.computeIfAbsent(bodyKey, key -> load(key, bodyName));
	}

	private SigningCredentials load(String bodyKey, String bodyName) {
		SigningProperties.Keystore configured = properties.bodies().get(bodyKey);
		if (configured != null && configured.keystore() != null && !configured.keystore().isBlank()) {
			return fromFile(bodyKey, configured);
		}
		boolean selfSigned = properties.selfSignedKeys() != null ? properties.selfSignedKeys() : demo;
		if (!selfSigned) {
			throw new IllegalStateException("No signing keystore configured for issuing body '" + bodyKey
					+ "': set renewal.signing.bodies." + bodyKey + ".keystore and .password (docs/operations.md)");
		}
		char[] password = demoKeyPassword();
		byte[] stored = stored(bodyKey).orElseGet(() -> create(bodyKey, bodyName, password));
		try {
			return DemoCertificates.open(stored, password, DemoCertificates.ALIAS);
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("The stored signing key of '" + bodyKey
					+ "' cannot be opened with the configured renewal.signing.key-password", e);
		}
	}

	private SigningCredentials fromFile(String bodyKey, SigningProperties.Keystore configured) {
		Path file = Path.of(configured.keystore());
		try {
			char[] password = configured.password() == null ? new char[0] : configured.password().toCharArray();
			return DemoCertificates.open(Files.readAllBytes(file), password, configured.alias());
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("Cannot open the signing keystore " + file + " of issuing body '" + bodyKey
					+ "': " + e.getMessage(), e);
		}
	}

	private char[] demoKeyPassword() {
		String configured = properties.keyPassword();
		if (configured != null && !configured.isBlank()) {
			return configured.toCharArray();
		}
		if (demo) {
			return DEMO_PASSWORD.toCharArray();
		}
		throw new IllegalStateException(
				"renewal.signing.key-password (RENEWAL_SIGNING_KEY_PASSWORD) must be set to keep self-signed keys");
	}

	private Optional<byte[]> stored(String bodyKey) {
		return jdbc.sql("SELECT pkcs12 FROM signing_key WHERE body_key = ?")
			.param(bodyKey)
			.query(byte[].class)
			.optional();
	}

	/**
	 * Two nodes may both create a key at once: the first insert wins and everyone uses
	 * its key.
	 */
	private byte[] create(String bodyKey, String bodyName, char[] password) {
		byte[] pkcs12 = DemoCertificates.generatePkcs12(bodyName, password);
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO signing_key (body_key, subject, created_at, pkcs12) VALUES (?, ?, ?, ?)")
				.params(bodyKey, "CN=" + bodyName, Timestamp.from(Instant.now()), pkcs12)
				.update());
			return pkcs12;
		}
		catch (DuplicateKeyException e) {
			return stored(bodyKey).orElseThrow(() -> e);
		}
	}

}
