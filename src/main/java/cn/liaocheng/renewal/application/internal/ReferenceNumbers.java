package cn.liaocheng.renewal.application.internal;

import java.time.Year;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reference numbers such as XM-2026-000017: per kind and year, consecutive, and unique under concurrency because
 * the counter row is locked until the submitting transaction ends (a rolled-back submission gives its number back).
 */
@Component
class ReferenceNumbers {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	ReferenceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(String prefix) {
		int year = Year.now(CHINA).getValue();
		Integer last = jdbc.sql("SELECT last_value FROM reference_counter WHERE prefix = ? AND counter_year = ? FOR UPDATE")
			.params(prefix, year)
			.query(Integer.class)
			.optional()
			.orElse(null);
		int next;
		if (last == null) {
			next = 1;
			jdbc.sql("INSERT INTO reference_counter (prefix, counter_year, last_value) VALUES (?, ?, ?)")
				.params(prefix, year, next)
				.update();
		}
		else {
			next = last + 1;
			jdbc.sql("UPDATE reference_counter SET last_value = ? WHERE prefix = ? AND counter_year = ?")
				.params(next, prefix, year)
				.update();
		}
		return String.format("%s-%d-%06d", prefix, year, next);
	}

}
