package cn.liaocheng.renewal.decision.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers such as 聊工信审〔2026〕17号, consecutive per body and year. The issuing
 * transaction locks the body's counter row before anything else and holds it until it
 * commits, so numbers have no gaps even when a transaction rolls back; the row itself is
 * created beforehand, on its own, so that two first issues of a year do not both try to
 * insert it. Other issuers of the body, on this node or another, wait for the row in the
 * database (PostgreSQL without limit, H2 for the {@code LOCK_TIMEOUT} of its URL); a
 * deadlock victim's job is run again by the engine.
 */
@Component
class DocumentNumbers {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Creates the counter row for the year unless it exists; a concurrent creator simply
	 * wins.
	 */
	void prepare(String body, int year) {
		if (counterExists(body, year)) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO decision_counter (body_key, counter_year, last_value) VALUES (?, ?, 0)")
				.params(body, year)
				.update());
		}
		catch (DuplicateKeyException e) {
			// Another thread or node created it between our look and our insert: that is
			// all we wanted.
		}
	}

	/** Locks the counter until the transaction ends; returns the last number given. */
	@Transactional(propagation = Propagation.MANDATORY)
	int lock(String body, int year) {
		return jdbc.sql("SELECT last_value FROM decision_counter WHERE body_key = ? AND counter_year = ? FOR UPDATE")
			.params(body, year)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("counter of " + body + " " + year + " was not prepared"));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void advance(String body, int year, int serial) {
		jdbc.sql("UPDATE decision_counter SET last_value = ? WHERE body_key = ? AND counter_year = ?")
			.params(serial, body, year)
			.update();
	}

	static String format(String prefix, int year, int serial) {
		return prefix + "〔" + year + "〕" + serial + "号";
	}

	private boolean counterExists(String body, int year) {
		return jdbc.sql("SELECT COUNT(*) FROM decision_counter WHERE body_key = ? AND counter_year = ?")
			.params(body, year)
			.query(Integer.class)
			.single() > 0;
	}

}
