package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.transaction.CannotCreateTransactionException;

class SessionSaveGuardTest {

	@Test
	void aSaveThatFailsOnTheDatabaseIsSwallowedSoTheRequestKeepsItsAnswer() {
		Broken broken = new Broken(new CannotGetJdbcConnectionException("connection killed"));
		FindByIndexNameSessionRepository<MapSession> guarded = SessionSaveGuard.guard(broken);

		guarded.save(new MapSession());

		assertThat(broken.saves).isEqualTo(1);
	}

	@Test
	void aSaveWhoseTransactionCannotStartIsSwallowedToo() {
		Broken broken = new Broken(new CannotCreateTransactionException("pool exhausted"));

		SessionSaveGuard.guard(broken).save(new MapSession());

		assertThat(broken.saves).isEqualTo(1);
	}

	@Test
	void readsAndDeletesStillFailLoudly() {
		FindByIndexNameSessionRepository<MapSession> guarded = SessionSaveGuard
			.guard(new Broken(new CannotGetJdbcConnectionException("connection killed")));

		assertThatThrownBy(() -> guarded.findById("x")).isInstanceOf(CannotGetJdbcConnectionException.class);
		assertThatThrownBy(() -> guarded.deleteById("x")).isInstanceOf(CannotGetJdbcConnectionException.class);
	}

	@Test
	void aProgrammingErrorInSaveIsNotHidden() {
		FindByIndexNameSessionRepository<MapSession> guarded = SessionSaveGuard
			.guard(new Broken(new IllegalStateException("not serialisable")));

		assertThatThrownBy(() -> guarded.save(new MapSession())).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void wrapsOnlyTheSessionRepositoryBean() {
		SessionSaveGuard guard = new SessionSaveGuard();
		Broken repository = new Broken(new IllegalStateException());

		assertThat(guard.postProcessAfterInitialization(repository, "sessionRepository"))
			.isInstanceOf(SessionSaveGuard.Guarded.class);
		assertThat(guard.postProcessAfterInitialization(repository, "otherRepository")).isSameAs(repository);
	}

	/** A session store whose database is gone. */
	private static final class Broken implements FindByIndexNameSessionRepository<MapSession> {

		private final RuntimeException failure;

		int saves;

		Broken(RuntimeException failure) {
			this.failure = failure;
		}

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			saves++;
			throw failure;
		}

		@Override
		public MapSession findById(String id) {
			throw failure;
		}

		@Override
		public void deleteById(String id) {
			throw failure;
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			throw failure;
		}

	}

}
