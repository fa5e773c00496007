package cn.liaocheng.renewal.clawback.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.operations.ClusterLease;

/**
 * An entry stops refusing submissions after its last day without anyone acting (the gate
 * compares dates); this job writes that end to the audit trail once per entry, so the
 * trail shows every listing's end, lifted or expired. One node of the cluster runs it at
 * a time.
 */
@Component
public class NegativeListExpiry {

	private static final String JOB = "negative-list-expiry";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ClusterLease lease;

	private final TransactionTemplate transaction;

	NegativeListExpiry(JdbcClient jdbc, AuditTrail audit, ClusterLease lease, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.lease = lease;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
	void scheduled() {
		record(LocalDate.now(Clawbacks.CHINA));
	}

	/** Records the entries whose last day is before {@code today}; returns how many. */
	public int record(LocalDate today) {
		if (!lease.take(JOB, Duration.ofMinutes(10))) {
			return 0;
		}
		try {
			Integer done = transaction.execute(status -> {
				List<Object[]> ended = jdbc.sql("""
						SELECT id, credit_code, listed_until FROM negative_list_entry
						WHERE listed_until < ? AND lifted_at IS NULL AND expiry_recorded_at IS NULL""")
					.param(today)
					.query((rs,
							n) -> new Object[] { rs.getLong(1), rs.getString(2).strip(), rs.getDate(3).toLocalDate() })
					.list();
				for (Object[] e : ended) {
					int marked = jdbc.sql(
							"UPDATE negative_list_entry SET expiry_recorded_at = ? WHERE id = ? AND expiry_recorded_at IS NULL")
						.params(Timestamp.from(Instant.now()), e[0])
						.update();
					if (marked == 1) {
						audit.record("system", "NEGATIVE_LIST_EXPIRED", "enterprise:" + e[1],
								"entry=" + e[0] + " until=" + e[2]);
					}
				}
				return ended.size();
			});
			return done == null ? 0 : done;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

}
