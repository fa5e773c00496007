package cn.liaocheng.renewal.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Personal API tokens of enterprise accounts: 256 random bits, shown once, kept as their
 * SHA-256 only.
 *
 * <p>
 * SHA-256 and not Argon2: a slow, salted hash protects secrets people choose, whose few
 * bits can be guessed offline; a token has 256 bits from {@link SecureRandom}, so a
 * stolen hash cannot be reversed by any amount of guessing, and an unsalted hash lets
 * each request find its token through a unique index instead of spending an Argon2
 * computation (tens of milliseconds and megabytes) on every API call.
 */
@Component
class ApiTokens {

	/**
	 * Tokens an account may hold that are not revoked (expired ones give their place back
	 * at the next creation).
	 */
	static final int CAP = 10;

	static final String PREFIX = "lcr_";

	static final String CREATED = "API_TOKEN_CREATED";

	static final String REVOKED = "API_TOKEN_REVOKED";

	static final ZoneId BEIJING = ChinaTime.ZONE;

	/** Last use is written at most this often per token, not on every request. */
	static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

	private static final int LONGEST_VALIDITY_YEARS = 3;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApiTokenHolders holders;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, AuditTrail audit, ApiTokenHolders holders) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.holders = holders;
	}

	/**
	 * A token as its owner sees it in the list; the token itself is never shown again.
	 */
	record TokenView(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			boolean expired) {
	}

	/** A freshly created token: {@code token} is the only copy there will ever be. */
	record Issued(String token, TokenView view) {
	}

	/** A stored token found by its hash. */
	record Stored(long id, String userId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

		boolean expiredAt(Instant now) {
			return expiresAt != null && !expiresAt.isAfter(now);
		}

	}

	/**
	 * Why a token cannot be created or revoked, in Chinese, with the HTTP status that
	 * fits.
	 */
	static final class RefusedException extends RuntimeException {

		private final HttpStatus status;

		RefusedException(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

		HttpStatus status() {
			return status;
		}

	}

	/**
	 * Creates a token for {@code user}, valid through {@code expiresOn} (Beijing time) or
	 * until revoked when null.
	 * @throws RefusedException when the account may not hold tokens, the input is wrong
	 * or the cap is reached
	 */
	@Transactional
	Issued create(PortalUser user, String name, LocalDate expiresOn) {
		requireEligible(user);
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 50) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, "请填写令牌名称（1–50 个字），例如“财务系统对接”");
		}
		PlainText.problem(cleanName, false).ifPresent(problem -> {
			throw new RefusedException(HttpStatus.BAD_REQUEST, "令牌名称" + problem);
		});
		Instant now = Instant.now();
		Instant expiresAt = expiresAt(expiresOn, now);
		jdbc.sql("UPDATE api_token SET slot = NULL WHERE user_id = ? AND revoked_at IS NULL AND expires_at <= ?")
			.params(user.userId(), Timestamp.from(now))
			.update();
		int slot = freeSlot(user.userId());
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		String hint = token.substring(0, PREFIX.length() + 6);
		try {
			jdbc.sql("""
					INSERT INTO api_token (user_id, name, token_hash, hint, slot, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(user.userId(), cleanName, hash(token), hint, slot, Timestamp.from(now),
						expiresAt == null ? null : Timestamp.from(expiresAt))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new RefusedException(HttpStatus.CONFLICT,
					"同时有另一个创建令牌的请求（如重复点击“创建”），本次未创建。请刷新页面：列表中如已出现新令牌而未看到其令牌值，请撤销后重新创建");
		}
		TokenView view = jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, row) -> view(rs, now))
			.single();
		audit.record(user.userId(), CREATED, "api-token:" + view.id(),
				cleanName + (expiresAt == null ? "" : "，有效期至 " + expiresOn));
		return new Issued(token, view);
	}

	/** The tokens of {@code userId} that are not revoked, newest first. */
	List<TokenView> list(String userId) {
		Instant now = Instant.now();
		return jdbc.sql("SELECT * FROM api_token WHERE user_id = ? AND revoked_at IS NULL ORDER BY id DESC")
			.param(userId)
			.query((rs, row) -> view(rs, now))
			.list();
	}

	/**
	 * Revokes the owner's token {@code id}; false when the owner has no such token
	 * (revoked ones included).
	 */
	@Transactional
	boolean revoke(PortalUser owner, long id) {
		int revoked = jdbc.sql("""
				UPDATE api_token SET revoked_at = ?, slot = NULL
				WHERE id = ? AND user_id = ? AND revoked_at IS NULL""")
			.params(Timestamp.from(Instant.now()), id, owner.userId())
			.update();
		if (revoked == 1) {
			audit.record(owner.userId(), REVOKED, "api-token:" + id, "");
		}
		return revoked == 1;
	}

	/**
	 * Revokes every token of {@code userId}: its password changed (by its holder or in a
	 * reset), so whoever knew the old one and made a token with it keeps nothing.
	 */
	void revokeAll(String userId, String by) {
		int revoked = jdbc
			.sql("UPDATE api_token SET revoked_at = ?, slot = NULL WHERE user_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(Instant.now()), userId)
			.update();
		if (revoked > 0) {
			audit.record(by == null ? "system" : by, REVOKED, "user:" + userId,
					"all " + revoked + " tokens: password changed");
		}
	}

	/**
	 * The stored token a presented one hashes to; empty for anything that is not one of
	 * ours.
	 */
	Optional<Stored> find(String token) {
		if (token == null || !FORMAT.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, user_id, expires_at, revoked_at, last_used_at FROM api_token WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("user_id"), instant(rs, "expires_at"),
					instant(rs, "revoked_at"), instant(rs, "last_used_at")))
			.optional();
	}

	/**
	 * Records a use unless one was recorded within {@link #TOUCH_INTERVAL}; the condition
	 * in the statement keeps simultaneous requests on several nodes to one write.
	 */
	void touch(Stored token, Instant now) {
		if (token.lastUsedAt() != null && token.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
			return;
		}
		jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
			.params(Timestamp.from(now), token.id(), Timestamp.from(now.minus(TOUCH_INTERVAL)))
			.update();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private void requireEligible(PortalUser user) {
		holders.refusal(user).ifPresent(reason -> {
			throw new RefusedException(HttpStatus.FORBIDDEN, reason);
		});
	}

	private static Instant expiresAt(LocalDate expiresOn, Instant now) {
		if (expiresOn == null) {
			return null;
		}
		LocalDate today = LocalDate.ofInstant(now, BEIJING);
		if (expiresOn.isBefore(today)) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, "有效期不能早于今天");
		}
		if (expiresOn.isAfter(today.plusYears(LONGEST_VALIDITY_YEARS))) {
			throw new RefusedException(HttpStatus.BAD_REQUEST,
					"有效期最长 " + LONGEST_VALIDITY_YEARS + " 年；需要长期使用可不填有效期，不用时撤销");
		}
		// Valid through the whole of the chosen day in Beijing.
		return expiresOn.plusDays(1).atStartOfDay(BEIJING).toInstant();
	}

	private int freeSlot(String userId) {
		Set<Integer> taken = new HashSet<>(jdbc.sql("SELECT slot FROM api_token WHERE user_id = ? AND slot IS NOT NULL")
			.param(userId)
			.query(Integer.class)
			.list());
		for (int slot = 1; slot <= CAP; slot++) {
			if (!taken.contains(slot)) {
				return slot;
			}
		}
		throw new RefusedException(HttpStatus.CONFLICT, "每个账户最多持有 " + CAP + " 个有效令牌，请先撤销不再使用的令牌");
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

	private static TokenView view(ResultSet rs, Instant now) throws SQLException {
		Instant expiresAt = instant(rs, "expires_at");
		return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("hint"), instant(rs, "created_at"),
				expiresAt, instant(rs, "last_used_at"), expiresAt != null && !expiresAt.isAfter(now));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
