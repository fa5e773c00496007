package cn.liaocheng.renewal.engine;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a start-up runner writes what the engine keeps (groups, grants, Tasklist's filters,
 * the demo's accounts): in one transaction and one engine command, so that the engine's
 * services called inside join the command and what they add is flushed together, one
 * batch per table, when it ends. Nothing the engine's services add can be read back by an
 * engine query before then (the application's own statements in the same transaction are
 * written at once). If the work fails because another node starting on the same database
 * at the same moment made some of the same rows (a unique or other integrity constraint,
 * or the engine's optimistic lock), it runs once more and then sees what the other node
 * made; any other failure fails the start at once.
 */
@Component
public class StartupWrites {

	private static final Logger LOG = LoggerFactory.getLogger(StartupWrites.class);

	private final TransactionTemplate transaction;

	private final ProcessEngineConfigurationImpl engine;

	StartupWrites(PlatformTransactionManager transactions, ProcessEngineConfigurationImpl engine) {
		this.transaction = new TransactionTemplate(transactions);
		this.engine = engine;
	}

	/** {@code what}: what the work makes, for the log ("Tasklist filters"). */
	public void inOneCommand(String what, Runnable work) {
		try {
			once(work);
		}
		catch (RuntimeException e) {
			if (!madeAtTheSameMoment(e)) {
				throw e;
			}
			LOG.info("{}: another node may have made some at the same moment ({}); again", what,
					e.getClass().getSimpleName());
			once(work);
		}
	}

	/**
	 * Whether a failure is another writer's row: an integrity constraint (SQL state class
	 * 23, on PostgreSQL and H2 alike, also inside a batch's chain of exceptions) or a row
	 * changed under the engine's optimistic lock.
	 */
	static boolean madeAtTheSameMoment(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataIntegrityViolationException || t instanceof OptimisticLockingException) {
				return true;
			}
			if (t instanceof SQLException sql) {
				for (SQLException s = sql; s != null; s = s.getNextException()) {
					if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private void once(Runnable work) {
		transaction.executeWithoutResult(status -> engine.getCommandExecutorTxRequired().execute(context -> {
			work.run();
			return null;
		}));
	}

}
