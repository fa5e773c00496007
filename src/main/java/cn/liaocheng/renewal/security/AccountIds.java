package cn.liaocheng.renewal.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
		return retired(List.of(userId)).isEmpty() ? Optional.empty() : Optional.of("该登录用户名曾属于已删除或已驳回的账户，不能再次使用，请换一个");
	}

	/**
	 * Those of {@code userIds} that a new account cannot take (those {@link #refusal}
	 * refuses), in one query.
	 */
	public Set<String> refused(Collection<String> userIds) {
		Set<String> retired = retired(userIds);
		return userIds.stream()
			.filter(id -> RESERVED.contains(id.toLowerCase(Locale.ROOT))
					|| retired.contains(id.toLowerCase(Locale.ROOT)))
			.collect(Collectors.toSet());
	}

	/** The lower-cased ones of {@code userIds} that belonged to a deleted account. */
	private Set<String> retired(Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		List<String> lower = userIds.stream().map(id -> id.toLowerCase(Locale.ROOT)).distinct().toList();
		return Set.copyOf(jdbc.sql("SELECT LOWER(user_id) FROM retired_user_id WHERE LOWER(user_id) IN (:ids)")
			.param("ids", lower)
			.query(String.class)
			.list());
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
