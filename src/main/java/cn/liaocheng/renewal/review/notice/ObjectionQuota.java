package cn.liaocheng.renewal.review.notice;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily counters of public objections in {@code objection_quota}, one row per counted
 * thing and day. A filing locks its rows, so two nodes cannot both take the last
 * allowance; the rows must exist before that transaction starts (see {@link #prepare}),
 * because a failed insert would abort a PostgreSQL transaction.
 */
@Component
class ObjectionQuota {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ObjectionQuota(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The counter of objections sent from one client address. */
	static String address(String clientAddress) {
		String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
		return "address:" + (address.length() > 64 ? address.substring(0, 64) : address);
	}

	/** The counter of objections against one notice under one phone number. */
	static String phone(long applicationId, String phoneDigits) {
		return "phone:" + applicationId + ":" + phoneDigits;
	}

	/**
	 * Makes sure the counters of {@code day} exist, each created in a transaction of its
	 * own; a counter another request created at the same moment is simply used. Creating
	 * a day's first counter also deletes counters older than the day before, which no
	 * limit needs any more. Must be called outside any transaction.
	 */
	void prepare(LocalDate day, String... keys) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Each counter's own transaction would take a second connection while the
			// caller's holds the first.
			throw new IllegalStateException("objection counters must be prepared outside a transaction");
		}
		for (String key : keys) {
			if (exists(key, day)) {
				continue;
			}
			try {
				ownTransaction.executeWithoutResult(status -> {
					jdbc.sql("INSERT INTO objection_quota (quota_key, quota_day, used) VALUES (?, ?, 0)")
						.params(key, Date.valueOf(day))
						.update();
					jdbc.sql("DELETE FROM objection_quota WHERE quota_day < ?")
						.param(Date.valueOf(day.minusDays(1)))
						.update();
				});
			}
			catch (DuplicateKeyException e) {
				// Another request, perhaps on another node, created it first; its row
				// counts for both.
			}
		}
	}

	/**
	 * Locks a prepared counter until the transaction ends and returns how much of it is
	 * used.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int lock(String key, LocalDate day) {
		return jdbc.sql("SELECT used FROM objection_quota WHERE quota_key = ? AND quota_day = ? FOR UPDATE")
			.params(key, Date.valueOf(day))
			.query(Integer.class)
			.single();
	}

	/** Counts one filed objection on a counter this transaction has locked. */
	@Transactional(propagation = Propagation.MANDATORY)
	void use(String key, LocalDate day) {
		jdbc.sql("UPDATE objection_quota SET used = used + 1 WHERE quota_key = ? AND quota_day = ?")
			.params(key, Date.valueOf(day))
			.update();
	}

	private boolean exists(String key, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM objection_quota WHERE quota_key = ? AND quota_day = ?")
			.params(key, Date.valueOf(day))
			.query(Integer.class)
			.single() > 0;
	}

}
