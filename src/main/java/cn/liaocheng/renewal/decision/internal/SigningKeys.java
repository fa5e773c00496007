package cn.liaocheng.renewal.decision.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Each issuing body's signing key: from the PKCS#12 file configured for it, or else
 * (demo) a self-signed key made at first use and kept in {@code signing_key}, encrypted
 * with the key password, so that every node signs with the same key. Call before the
 * issuing transaction: creating a key commits on its own connection. A key whose
 * certificate is not valid at the moment of signing signs nothing: a decision signed with
 * an expired certificate shows as such in every PDF reader.
 */
@Component
class SigningKeys {

	private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

	/**
	 * How long before its certificate expires a body's keystore is warned of when read.
	 */
	private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

	/** Only ever used when the demo profile is active and no password is configured. */
	private static final String DEMO_PASSWORD = "demo-only-signing-key-password";

	private final SigningProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final boolean demo;

	private final Map<String, SigningCredentials> loaded = new ConcurrentHashMap<>();

	/** The day each body's expiring certificate was last warned of. */
	private final Map<String, LocalDate> warned = new ConcurrentHashMap<>();

	/** What the certificates' validity is checked against. */
	private final Clock clock;

	@Autowired
	SigningKeys(SigningProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions,
			Environment environment) {
		this(properties, jdbc, transactions, environment, Clock.systemUTC());
	}

	SigningKeys(SigningProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions,
			Environment environment, Clock clock) {
		this.clock = clock;
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
		SigningCredentials credentials = loaded.computeIfAbsent(bodyKey, key -> load(key, bodyName));
		Instant now = clock.instant();
		if (credentials.validAt(now)) {
			warnIfExpiringSoon(bodyKey, credentials, now);
			return credentials;
		}
		// Expired since it was loaded: the body's file may have been renewed in place.
		loaded.remove(bodyKey, credentials);
		credentials = loaded.computeIfAbsent(bodyKey, key -> load(key, bodyName));
		if (!credentials.validAt(now)) {
			loaded.remove(bodyKey, credentials);
			boolean fromFile = configuredFile(bodyKey) != null;
			throw new IllegalStateException(bodyName + "的签名证书有效期为 " + day(credentials.certificate().getNotBefore())
					+ " 至 " + day(credentials.certificate().getNotAfter()) + "，现不在有效期内，决定书暂不签发：请"
					+ (fromFile ? "将 renewal.signing.bodies." + bodyKey + ".keystore 所指的证书文件更换为续期后的证书"
							: "删除表 signing_key 中该机关的演示密钥，由系统重新生成")
					+ "，然后在“运行异常”中重试（无需重启）。");
		}
		return credentials;
	}

	private static String day(Date date) {
		return DateTimeFormatter.ISO_LOCAL_DATE.format(date.toInstant().atZone(ChinaTime.ZONE));
	}

	/**
	 * Logs, once a day per body and node, that the certificate the body signs with
	 * expires within {@link #EXPIRY_WARNING}: a node runs for months, and the first sign
	 * would otherwise be its failed issuing steps.
	 */
	private void warnIfExpiringSoon(String bodyKey, SigningCredentials credentials, Instant now) {
		Instant expires = credentials.certificate().getNotAfter().toInstant();
		if (expires.isAfter(now.plus(EXPIRY_WARNING))) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
		if (!today.equals(warned.put(bodyKey, today))) {
			LOG.warn(
					"The signing certificate of issuing body '{}' expires on {}: renew {} before then, "
							+ "or its decisions will not be issued",
					bodyKey, expires, configuredFile(bodyKey) != null ? "its keystore file" : "its demo key");
		}
	}

	/** The body's configured keystore, {@code null} when it signs with a demo key. */
	private SigningProperties.Keystore configuredFile(String bodyKey) {
		SigningProperties.Keystore configured = properties.bodies().get(bodyKey);
		return configured != null && configured.keystore() != null && !configured.keystore().isBlank() ? configured
				: null;
	}

	private SigningCredentials load(String bodyKey, String bodyName) {
		SigningProperties.Keystore configured = configuredFile(bodyKey);
		if (configured != null) {
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
