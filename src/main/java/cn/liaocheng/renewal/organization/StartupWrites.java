package cn.liaocheng.renewal.organization;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a start-up runner writes what the engine keeps (groups, grants, filters): in one
 * transaction and one engine command, so that the engine's services called inside join
 * the command and what they add is flushed together, one batch per table, when it ends.
 * Nothing the work adds can be read back by a query before then. If the work fails,
 * typically because another node starting on the same database at the same moment made
 * some of the same rows, it runs once more and then sees what the other node made.
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
			LOG.info("{}: another node may have made some at the same moment ({}); again", what,
					e.getClass().getSimpleName());
			once(work);
		}
	}

	private void once(Runnable work) {
		transaction.executeWithoutResult(status -> engine.getCommandExecutorTxRequired().execute(context -> {
			work.run();
			return null;
		}));
	}

}
