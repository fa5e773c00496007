package cn.liaocheng.renewal.application.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts whose unique key a concurrent request may have taken since it was checked, each
 * in a savepoint of the caller's transaction: on PostgreSQL a failed statement aborts the
 * whole transaction, and the answer to a key taken meanwhile needs more queries in it.
 */
@Component
class CollidingInserts {

	private final TransactionTemplate savepoint;

	CollidingInserts(PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * What {@code insert} returned, or empty when its key was taken: then the savepoint
	 * is rolled back and the caller's transaction goes on.
	 */
	<T> Optional<T> insert(Supplier<T> insert) {
		return insertOr(() -> Optional.of(insert.get()), taken -> Optional.empty());
	}

	/**
	 * What {@code insert} returned, or, when its key was taken, what {@code whenTaken}
	 * makes of the exception, so that an answer which cannot be given still names the
	 * constraint.
	 */
	<T> T insertOr(Supplier<T> insert, Function<DuplicateKeyException, T> whenTaken) {
		try {
			return savepoint.execute(s -> insert.get());
		}
		catch (DuplicateKeyException taken) {
			return whenTaken.apply(taken);
		}
	}

}
