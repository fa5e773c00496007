package cn.liaocheng.renewal.admin.internal;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

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
 * The turn an administrator's deployment takes on the models it deploys, so that what it
 * checks against the latest versions is still true when it deploys: one row per model in
 * model_deployment_lock, locked until the deployment's transaction ends, so deployments
 * of the same model wait for each other on every node, on PostgreSQL and on H2.
 *
 * <p>
 * Deployments through the other doors take every model's lock in the transaction they
 * deploy in ({@link #holdAllUnlessHeld}, called from {@link DeploymentLockPlugin}), so an
 * administrator's check is never made while one of them is deploying, on any node.
 *
 * <p>
 * The engine's own deployment lock is no substitute: it is taken only once the engine
 * deploys, after the checks, and not at all on H2. Nor can it be taken earlier: the
 * engine deploys holding a monitor of its own on this node, and a deployment there
 * waiting for the lock would keep the monitor from the transaction holding the lock.
 */
@Component
class ModelLocks {

	/** Bound to a transaction holding its models' locks through {@link #holding}. */
	private static final Object HELD = ModelLocks.class.getName() + ".held";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate ownTransaction;

	ModelLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs {@code work} in a transaction that first locks the models named (see
	 * {@link ModelKey#lockName()}), in the order of their names, so that two deployments
	 * of overlapping models never wait for each other both ways. Throws {@link Busy} when
	 * a lock is not granted in time.
	 */
	<T> T holding(Collection<String> models, TransactionCallback<T> work) {
		SortedSet<String> names = new TreeSet<>(models);
		names.forEach(this::prepare);
		return transaction.execute(status -> {
			names.forEach(this::lock);
			TransactionSynchronizationManager.bindResource(HELD, names);
			try {
				return work.doInTransaction(status);
			}
			finally {
				TransactionSynchronizationManager.unbindResource(HELD);
			}
		});
	}

	/**
	 * For a deployment through any other door (Camunda Modeler and the REST API, the
	 * start-up deployment), in the transaction it deploys in: locks every model's row, in
	 * the order of their names, unless this transaction already holds its models'
	 * ({@link #holding}). Such a deployment does not say which models it changes before
	 * the engine reads its files, by then holding its own deployment monitor, so it takes
	 * all of them first: deployments are rare, and any other order could make it and an
	 * administrator's deployment wait for each other both ways.
	 */
	void holdAllUnlessHeld() {
		if (TransactionSynchronizationManager.hasResource(HELD)) {
			return;
		}
		jdbc.sql("SELECT model_key FROM model_deployment_lock ORDER BY model_key")
			.query(String.class)
			.list()
			.forEach(this::lock);
	}

	/**
	 * Creates the model's row unless it exists, in a transaction of its own, so that two
	 * first deployments of a model do not both insert it in theirs.
	 */
	private void prepare(String model) {
		if (jdbc.sql("SELECT COUNT(*) FROM model_deployment_lock WHERE model_key = ?")
			.param(model)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		try {
			ownTransaction
				.executeWithoutResult(status -> jdbc.sql("INSERT INTO model_deployment_lock (model_key) VALUES (?)")
					.param(model)
					.update());
		}
		catch (DuplicateKeyException e) {
			// Another deployment, perhaps on another node, created it first; it serves
			// both.
		}
	}

	private void lock(String model) {
		try {
			jdbc.sql("SELECT model_key FROM model_deployment_lock WHERE model_key = ? FOR UPDATE")
				.param(model)
				.query(String.class)
				.single();
		}
		catch (PessimisticLockingFailureException e) {
			throw new Busy(e);
		}
	}

	/**
	 * Another deployment of the same model held it longer than the database waits for a
	 * lock (H2: the URL's {@code LOCK_TIMEOUT}, PostgreSQL: {@code lock_timeout}).
	 */
	static final class Busy extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final String MESSAGE = "另一位管理员正在部署同一模型，等待超时，本次未部署任何内容，请稍后重试。";

		Busy(Throwable cause) {
			super(MESSAGE, cause);
		}

	}

}
