package cn.liaocheng.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A start-up write runs again only when another node made the same rows at the same
 * moment; any other failure fails at once, without running the work a second time.
 */
class StartupWritesTest {

	@Test
	void aDuplicateRowOfTheDatabaseIsAnotherNodes() throws SQLException {
		SQLException duplicate = duplicateKey();
		assertThat(duplicate.getSQLState()).startsWith("23");
		// As the engine reports a failed flush: its exception around MyBatis's around the
		// driver's batch failure, whose next exception names the row.
		BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "XX000", 0, new int[0]);
		batch.setNextException(duplicate);
		assertThat(StartupWrites.madeAtTheSameMoment(
				new ProcessEngineException("ENGINE-03083 flush failed", new PersistenceException(batch))))
			.isTrue();
		assertThat(StartupWrites.madeAtTheSameMoment(new OptimisticLockingException("ENGINE-03005"))).isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(StartupWrites.madeAtTheSameMoment(new IllegalStateException("no such department"))).isFalse();
		assertThat(StartupWrites.madeAtTheSameMoment(new ProcessEngineException("ENGINE-03083",
				new PersistenceException(new SQLException("connection refused", "08001")))))
			.isFalse();
	}

	@Test
	void runsTheWorkAgainOnlyAfterAnotherNodesRow() throws SQLException {
		StartupWrites writes = writes();
		AtomicInteger runs = new AtomicInteger();
		SQLException duplicate = duplicateKey();
		writes.inOneCommand("groups", () -> {
			if (runs.incrementAndGet() == 1) {
				throw new ProcessEngineException("flush failed", duplicate);
			}
		});
		assertThat(runs).hasValue(2);

		AtomicInteger failing = new AtomicInteger();
		assertThatThrownBy(() -> writes.inOneCommand("groups", () -> {
			failing.incrementAndGet();
			throw new IllegalStateException("no such department");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(failing).as("a real fault runs once").hasValue(1);
	}

	/** A real duplicate-key failure of the embedded database. */
	private static SQLException duplicateKey() throws SQLException {
		try (Connection c = DriverManager.getConnection("jdbc:h2:mem:startup-writes;DB_CLOSE_DELAY=0");
				Statement s = c.createStatement()) {
			s.execute("CREATE TABLE grp (id VARCHAR(20) PRIMARY KEY)");
			s.execute("INSERT INTO grp VALUES ('city-industry')");
			s.execute("INSERT INTO grp VALUES ('city-industry')");
		}
		catch (SQLException e) {
			return e;
		}
		throw new AssertionError("the second insert was accepted");
	}

	/** The work runs in the caller's thread: no database, one pass of each wrapper. */
	private static StartupWrites writes() {
		StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
		engine.setCommandExecutorTxRequired(new CommandExecutor() {
			@Override
			public <T> T execute(Command<T> command) {
				return command.execute(null);
			}
		});
		return new StartupWrites(new AbstractPlatformTransactionManager() {
			@Override
			protected Object doGetTransaction() {
				return new Object();
			}

			@Override
			protected void doBegin(Object transaction, TransactionDefinition definition) {
			}

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
			}

			@Override
			protected void doRollback(DefaultTransactionStatus status) {
			}
		}, engine);
	}

}
