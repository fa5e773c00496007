package cn.liaocheng.renewal.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A body's keystore whose certificate is outside its validity period signs nothing, and a
 * file renewed in place is read again without a restart.
 */
class SigningKeysTest {

	private static final String BODY = "聊城市工业和信息化局";

	private static final char[] PASSWORD = "keystore-password".toCharArray();

	@TempDir
	Path folder;

	@Test
	void anExpiredCertificateIsRefusedWithWhatToDo() throws Exception {
		Path file = keystore(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(1)));

		assertThatThrownBy(() -> keys(file).forBody("industry", BODY)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(BODY + "的签名证书有效期为")
			.hasMessageContaining("现不在有效期内，决定书暂不签发")
			.hasMessageContaining("renewal.signing.bodies.industry.keystore");
	}

	@Test
	void aCertificateNotYetValidIsRefused() throws Exception {
		Path file = keystore(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(400)));

		assertThatThrownBy(() -> keys(file).forBody("industry", BODY)).hasMessageContaining("现不在有效期内");
	}

	@Test
	void aCertificateThatExpiresAfterLoadingIsReadAgainFromItsRenewedFile() throws Exception {
		Instant now = Instant.now();
		Path file = keystore(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
		AtomicReference<Instant> today = new AtomicReference<>(now);
		SigningKeys keys = keys(file, today);
		SigningCredentials first = keys.forBody("industry", BODY);
		assertThat(keys.forBody("industry", BODY)).as("loaded once").isSameAs(first);

		// The node runs on past the certificate's last day.
		today.set(first.certificate().getNotAfter().toInstant().plus(Duration.ofHours(1)));
		assertThatThrownBy(() -> keys.forBody("industry", BODY)).hasMessageContaining("现不在有效期内");

		Files.write(file, DemoCertificates.generatePkcs12(BODY, PASSWORD, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(730))));
		SigningCredentials renewed = keys.forBody("industry", BODY);
		assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(first.certificate().getSerialNumber());
		assertThat(renewed.validAt(today.get())).isTrue();
	}

	private Path keystore(Instant notBefore, Instant notAfter) throws Exception {
		Path file = folder.resolve("industry.p12");
		Files.write(file, DemoCertificates.generatePkcs12(BODY, PASSWORD, notBefore, notAfter));
		return file;
	}

	private static SigningKeys keys(Path file) {
		return keys(file, new AtomicReference<>(Instant.now()));
	}

	/** Keys that take the time from {@code now}, which the test moves. */
	private static SigningKeys keys(Path file, AtomicReference<Instant> now) {
		SigningProperties properties = new SigningProperties(null, false,
				Map.of("industry", new SigningProperties.Keystore(file.toString(), new String(PASSWORD), null)));
		Clock clock = new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		return new SigningKeys(properties, null, new NoTransactions(), new MockEnvironment(), clock);
	}

	/** Keys read from files never write; nothing here opens a transaction. */
	private static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			throw new AssertionError("no transaction expected");
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			throw new AssertionError("no transaction expected");
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			throw new AssertionError("no transaction expected");
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			throw new AssertionError("no transaction expected");
		}

	}

}
