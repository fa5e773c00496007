package cn.liaocheng.renewal.notification.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A lease on a periodic job in the {@code scheduler_lock} table (the mechanism of the overdue check, V52), so that
 * the notification jobs run on one node of the cluster at a time; a node that dies holding it loses it when the
 * lease runs out.
 */
@Repository
class JobLease {

	private final JdbcClient jdbc;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	JobLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the lease on {@code job} for {@code length} unless another run holds it; true when taken. */
	boolean take(String job, Duration length) {
		Instant now = Instant.now();
		return jdbc.sql("UPDATE scheduler_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?")
			.params(Timestamp.from(now.plus(length)), holder(), job, Timestamp.from(now))
			.update() == 1;
	}

	/** Gives the lease back, if this run still holds it. */
	void giveBack(String job) {
		jdbc.sql("UPDATE scheduler_lock SET locked_until = ? WHERE name = ? AND locked_by = ?")
			.params(Timestamp.from(Instant.now()), job, holder())
			.update();
	}

	private String holder() {
		return node + "/" + Thread.currentThread().getId();
	}

}
