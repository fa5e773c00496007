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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The turn an administrator's deployment takes on the models it deploys, so that what it
 * checks against the latest versions is still true when it deploys: one row per model in
 * model_deployment_lock, locked until the deployment's transaction ends, so deployments
 * of the same model wait for each other on every node, on PostgreSQL and on H2.
 *
 * <p>
 * The engine's own deployment lock is no substitute: it is taken only once the engine
 * deploys, after the checks, and not at all on H2. Nor can it be taken earlier: the
 * engine deploys holding a monitor of its own on this node, and a deployment there
 * waiting for the lock would keep the monitor from the transaction holding the lock.
 */
@Component
class ModelLocks {

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
			return work.doInTransaction(status);
		});
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
