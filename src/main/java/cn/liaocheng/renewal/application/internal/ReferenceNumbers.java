package cn.liaocheng.renewal.application.internal;

import java.time.Year;
import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Reference numbers such as XM-2026-000017: per kind and year, consecutive, and unique
 * under concurrency because the counter row is locked until the submitting transaction
 * ends (a rolled-back submission gives its number back). The year's row is created
 * beforehand in a transaction of its own, so that the first submissions of a year racing
 * each other do not both try to insert it (one of them would fail).
 */
@Component
class ReferenceNumbers {

	static final ZoneId CHINA = ChinaTime.ZONE;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ReferenceNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(String prefix) {
		int year = Year.now(CHINA).getValue();
		prepare(prefix, year);
		int next = jdbc.sql("SELECT last_value FROM reference_counter WHERE prefix = ? AND counter_year = ? FOR UPDATE")
			.params(prefix, year)
			.query(Integer.class)
			.single() + 1;
		jdbc.sql("UPDATE reference_counter SET last_value = ? WHERE prefix = ? AND counter_year = ?")
			.params(next, prefix, year)
			.update();
		return String.format("%s-%d-%06d", prefix, year, next);
	}

	/**
	 * Creates the year's counter row unless it exists; a concurrent creator simply wins.
	 */
	private void prepare(String prefix, int year) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM reference_counter WHERE prefix = ? AND counter_year = ?")
			.params(prefix, year)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO reference_counter (prefix, counter_year, last_value) VALUES (?, ?, 0)")
				.params(prefix, year)
				.update());
		}
		catch (DuplicateKeyException e) {
			// Another submission created it between our look and our insert: that is all
			// we wanted.
		}
	}

}
