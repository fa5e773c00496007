package cn.liaocheng.renewal.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login ids that no new account may take: the ones the product writes as an actor of its
 * own ({@code system}), and the ones of deleted accounts, which messages, case copies,
 * the audit trail and the engine's grants still name. Asked by registration for its field
 * message, and by the engine's identity provider for every new account, whatever the
 * door.
 */
@Component
public class AccountIds {

	/** Actors the product records for its own work. */
	private static final Set<String> RESERVED = Set.of("system");

	private final JdbcClient jdbc;

	AccountIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Why {@code userId} cannot be given to a new account, in Chinese; empty when it can.
	 */
	public Optional<String> refusal(String userId) {
		if (userId == null) {
			return Optional.empty();
		}
		if (RESERVED.contains(userId.toLowerCase(Locale.ROOT))) {
			return Optional.of("该登录用户名为系统保留，请换一个");
		}
		boolean retired = jdbc.sql("SELECT COUNT(*) FROM retired_user_id WHERE LOWER(user_id) = ?")
			.param(userId.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single() > 0;
		return retired ? Optional.of("该登录用户名曾属于已删除或已驳回的账户，不能再次使用，请换一个") : Optional.empty();
	}

	/** Records that {@code userId}'s account is deleted; its id is not given again. */
	public void retire(String userId, String by) {
		jdbc.sql("""
				INSERT INTO retired_user_id (user_id, retired_at, retired_by)
				SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM retired_user_id WHERE user_id = ?)""")
			.params(userId, Timestamp.from(Instant.now()), by, userId)
			.update();
	}

}
