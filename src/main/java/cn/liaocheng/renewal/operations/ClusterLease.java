package cn.liaocheng.renewal.operations;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A lease on a periodic job in the {@code scheduler_lock} table, so that the job runs on
 * one node of the cluster at a time. Taking it is one conditional UPDATE, atomic on every
 * database; a node that dies holding it loses it when the lease runs out. Each periodic
 * job has its own row (inserted by the migration that introduces the job).
 */
@Repository
public class ClusterLease {

	private final JdbcClient jdbc;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	ClusterLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lease on {@code job} for {@code length} unless another run holds it; true
	 * when taken.
	 */
	public boolean take(String job, Duration length) {
		Instant now = Instant.now();
		return jdbc.sql("""
				UPDATE scheduler_lock SET locked_until = ?, locked_by = ?
				WHERE name = ? AND locked_until <= ?""")
			.params(Timestamp.from(now.plus(length)), holder(), job, Timestamp.from(now))
			.update() == 1;
	}

	/** Gives the lease back, if this run still holds it. */
	public void giveBack(String job) {
		jdbc.sql("UPDATE scheduler_lock SET locked_until = ? WHERE name = ? AND locked_by = ?")
			.params(Timestamp.from(Instant.now()), job, holder())
			.update();
	}

	/** This node and thread: two runs in one JVM (as in tests) are two holders. */
	private String holder() {
		return node + "/" + Thread.currentThread().getId();
	}

}
