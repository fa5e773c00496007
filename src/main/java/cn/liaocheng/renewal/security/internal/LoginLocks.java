package cn.liaocheng.renewal.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * What administrators see of failed logins and how they lift a lock: accounts from
 * Camunda's {@code ACT_ID_USER} (attempts and lock), ids without an account from
 * {@link UnknownLogins}. Lifting is audited.
 */
@Component
class LoginLocks {

	static final String LIFTED = "LOGIN_LOCK_LIFTED";

	private final JdbcClient jdbc;

	private final IdentityService identity;

	private final UnknownLogins unknownLogins;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	LoginLocks(JdbcClient jdbc, IdentityService identity, UnknownLogins unknownLogins, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.unknownLogins = unknownLogins;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * One login id with failures that still count. {@code name} is null for an id without
	 * an account.
	 */
	record Entry(String loginId, String name, int attempts, Instant lockedUntil, boolean lockedNow) {

		boolean account() {
			return name != null;
		}

	}

	/** Ids whose failures still count, locked ones first. */
	List<Entry> current(Instant now) {
		List<Entry> entries = new ArrayList<>(accounts(now, null));
		for (UnknownLogins.Failures f : unknownLogins.all(now)) {
			if (identity.createUserQuery().userId(f.loginId()).count() == 0) {
				entries.add(new Entry(f.loginId(), null, f.attempts(), f.lockedUntil(), f.lockedUntil().isAfter(now)));
			}
		}
		entries.sort(Comparator.comparing(Entry::lockedNow, Comparator.reverseOrder())
			.thenComparing(Entry::lockedUntil, Comparator.reverseOrder()));
		return entries;
	}

	/**
	 * Lifts the lock and forgets the failures of {@code loginId}; what was lifted, if
	 * anything.
	 */
	Optional<Entry> lift(PortalUser administrator, String loginId) {
		Instant now = Instant.now();
		return transaction.execute(status -> {
			Optional<Entry> lifted = accounts(now, loginId).stream().findFirst();
			if (lifted.isPresent()) {
				// As the administrator, so that Camunda checks the right and names them
				// in its operation log.
				identity.setAuthentication(administrator.userId(), administrator.groupIds());
				try {
					identity.unlockUser(loginId);
				}
				finally {
					identity.clearAuthentication();
				}
			}
			else {
				lifted = unknownLogins.of(loginId)
					.map(f -> new Entry(f.loginId(), null, f.attempts(), f.lockedUntil(),
							f.lockedUntil().isAfter(now)));
			}
			unknownLogins.lift(loginId);
			lifted.ifPresent(e -> audit.record(administrator.userId(), LIFTED, "user:" + e.loginId(),
					(e.account() ? "account" : "no such account") + ", " + e.attempts()
							+ " failed logins, locked until " + e.lockedUntil()));
			return lifted;
		});
	}

	/** Accounts with failed logins that still count ({@code only}: just that account). */
	private List<Entry> accounts(Instant now, String only) {
		Timestamp forgetBefore = Timestamp.from(now.minus(LoginLockPolicy.FORGET_AFTER));
		JdbcClient.StatementSpec query = jdbc
			.sql("""
					SELECT ID_, LAST_, FIRST_, ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER
					WHERE ATTEMPTS_ > 0 AND LOCK_EXP_TIME_ IS NOT NULL AND LOCK_EXP_TIME_ >= :forgetBefore"""
					+ (only == null ? "" : " AND ID_ = :only"))
			.param("forgetBefore", forgetBefore);
		if (only != null) {
			query = query.param("only", only);
		}
		return query.query((rs, n) -> {
			Instant until = rs.getTimestamp(5).toInstant();
			String name = ((rs.getString(2) == null ? "" : rs.getString(2))
					+ (rs.getString(3) == null ? "" : rs.getString(3)))
				.trim();
			return new Entry(rs.getString(1), name.isEmpty() ? rs.getString(1) : name, rs.getInt(4), until,
					until.isAfter(now));
		}).list();
	}

}
