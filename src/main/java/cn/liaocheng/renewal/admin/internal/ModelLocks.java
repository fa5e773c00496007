package cn.liaocheng.renewal.admin.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The turn every deployment takes, so that what an administrator's deployment checks
 * against the latest versions is still true when it deploys: the one row of
 * model_deployment_lock, locked until the deployment's transaction ends, so deployments
 * wait for each other on every node, on PostgreSQL and on H2, whichever door they come
 * through.
 *
 * <p>
 * The administration page takes the turn before it compares the files with the latest
 * versions ({@link #holding}); every other deployment (Camunda Modeler and the REST API,
 * Cockpit, the start-up deployment) takes it in the transaction it deploys in, before the
 * engine's deploy command begins ({@link #takeTurnUnlessHeld}, from
 * {@link DeploymentLockPlugin}). One turn for all models rather than one per model: such
 * a deployment says which models it changes only once the engine reads its files, by then
 * holding its own deployment monitor, and deployments are rare and short.
 *
 * <p>
 * The engine's own deployment lock is no substitute: it is taken only once the engine
 * deploys, after the checks, and not at all on H2. Nor can it be taken earlier: the
 * engine deploys holding a monitor of its own on this node, and a deployment there
 * waiting for the lock would keep the monitor from the transaction holding the lock.
 */
@Component
class ModelLocks {

	/** The row all deployments lock (V146). */
	static final String TURN = "deployments";

	private static final Logger log = LoggerFactory.getLogger(ModelLocks.class);

	/** Bound to a transaction that holds the turn through {@link #holding}. */
	private static final Object HELD = ModelLocks.class.getName() + ".held";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate apart;

	ModelLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs {@code work} in a transaction that first takes the deployments' turn. Throws
	 * {@link Busy} when it is not granted in time.
	 */
	<T> T holding(TransactionCallback<T> work) {
		return transaction.execute(status -> {
			if (TransactionSynchronizationManager.hasResource(HELD)) {
				return work.doInTransaction(status);
			}
			lock();
			TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
			try {
				return work.doInTransaction(status);
			}
			finally {
				TransactionSynchronizationManager.unbindResource(HELD);
			}
		});
	}

	/**
	 * For a deployment through any other door, in the transaction it deploys in: takes
	 * the turn unless this transaction holds it already ({@link #holding}).
	 */
	void takeTurnUnlessHeld() {
		if (!TransactionSynchronizationManager.hasResource(HELD)) {
			lock();
		}
	}

	private void lock() {
		try {
			if (locked()) {
				return;
			}
			// Only V146 makes the row and nothing deletes it; should it be gone all the
			// same, no deployment (the start-up's included) could take its turn.
			log.warn("The deployments' turn (row '{}' of model_deployment_lock) was missing; it is made again", TURN);
			try {
				apart
					.executeWithoutResult(status -> jdbc.sql("INSERT INTO model_deployment_lock (model_key) VALUES (?)")
						.param(TURN)
						.update());
			}
			catch (DuplicateKeyException anotherDeploymentMadeIt) {
				// Made at the same moment by another deployment: there is one row.
			}
			if (!locked()) {
				throw new IllegalStateException("model_deployment_lock has no row '" + TURN + "'");
			}
		}
		catch (PessimisticLockingFailureException e) {
			throw new Busy(e);
		}
	}

	private boolean locked() {
		return jdbc.sql("SELECT model_key FROM model_deployment_lock WHERE model_key = ? FOR UPDATE")
			.param(TURN)
			.query(String.class)
			.optional()
			.isPresent();
	}

	/**
	 * Another deployment held the turn longer than the database waits for a lock (H2: the
	 * URL's {@code LOCK_TIMEOUT}, PostgreSQL: {@code lock_timeout}).
	 */
	static final class Busy extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final String MESSAGE = "另一项模型部署正在进行，等待超时，本次未部署任何内容，请稍后重试。";

		Busy(Throwable cause) {
			super(MESSAGE, cause);
		}

	}

}
