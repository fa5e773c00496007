package cn.liaocheng.renewal.security.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * What administrators see of failed logins and how they lift a lock: per login id, its
 * failures from every network ({@link LoginThrottle}) and the account's name, if the id
 * has an account. Lifting forgets the id's failures from every network and is audited.
 */
@Component
class LoginLocks {

	static final String LIFTED = "LOGIN_LOCK_LIFTED";

	/** The page lists at most this many ids, most recent failure first. */
	static final int SHOWN = 200;

	/** Begins the key of an id without an account ({@link Entry#key()}). */
	static final String FINGERPRINT = "fp:";

	/**
	 * The first 16 hexadecimal digits of the SHA-256 of the text behind a row key: kept
	 * in the key of text that is no account's id ({@link LoginThrottle#key}), computed
	 * for a key kept as typed (by an earlier version).
	 */
	static String fingerprintOf(String rowKey) {
		return hidden(rowKey) ? rowKey.substring(rowKey.indexOf(':') + 1, rowKey.indexOf(':') + 17)
				: fingerprint(rowKey);
	}

	/** How many characters the text behind a row key has. */
	static int lengthOf(String rowKey) {
		return hidden(rowKey) ? Integer.parseInt(rowKey.substring(LoginThrottle.HIDDEN.length(), rowKey.indexOf(':')))
				: rowKey.codePointCount(0, rowKey.length());
	}

	/**
	 * Whether a row key is the length and hash of the text ({@link LoginThrottle#key}).
	 */
	private static boolean hidden(String rowKey) {
		return HIDDEN_KEY.matcher(rowKey).matches();
	}

	private static final Pattern HIDDEN_KEY = Pattern
		.compile(Pattern.quote(LoginThrottle.HIDDEN) + "[0-9]{1,3}:[0-9a-f]{64}");

	/** The first 16 hexadecimal digits of the id's SHA-256. */
	static String fingerprint(String loginId) {
		return LoginThrottle.sha256(loginId).substring(0, 16);
	}

	private final JdbcClient jdbc;

	private final LoginThrottle throttle;

	private final LoginLockPolicy policy;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	LoginLocks(JdbcClient jdbc, LoginThrottle throttle, LoginLockPolicy policy, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.policy = policy;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * One login id with failures that still count. {@code name} is null for an id without
	 * an account; {@code lockedNetworks} are the networks it is locked for now;
	 * {@code sprayed}: failures from so many wide networks that, if the account has
	 * logged in before, only the networks it logged in from may still try it.
	 */
	record Entry(String loginId, String name, int attempts, List<String> networks, List<String> lockedNetworks,
			Instant lockedUntil, boolean sprayed) {

		boolean account() {
			return name != null;
		}

		/**
		 * The id as administrators see it: an account's, or for an id without an account
		 * (often a password typed into the name field) only its length and a fingerprint.
		 */
		String shownId() {
			return account() ? loginId : "（已隐藏，" + lengthOf(loginId) + " 个字符，指纹 " + fingerprintOf(loginId) + "）";
		}

		/**
		 * What the page sends to lift the lock: an account's id, or the fingerprint of an
		 * id without an account, so that the typed text is not in the page either.
		 */
		String key() {
			return account() ? loginId : FINGERPRINT + fingerprintOf(loginId);
		}

		boolean lockedNow() {
			return !lockedNetworks.isEmpty() || sprayed;
		}

	}

	/** Ids whose failures still count, locked ones first, at most {@link #SHOWN}. */
	List<Entry> current(Instant now) {
		Map<String, List<LoginThrottle.Failures>> byId = new LinkedHashMap<>();
		for (LoginThrottle.Failures f : throttle.recent(SHOWN, now)) {
			byId.computeIfAbsent(f.loginId(), id -> new ArrayList<>()).add(f);
		}
		Map<String, String> names = names(byId.keySet());
		List<Entry> entries = new ArrayList<>();
		byId.forEach((id, failures) -> entries.add(entry(id, names.get(id), failures, now)));
		entries.sort(Comparator.comparing(Entry::lockedNow, Comparator.reverseOrder())
			.thenComparing(Entry::lockedUntil, Comparator.reverseOrder()));
		return entries;
	}

	/**
	 * Lifts the locks and forgets the failures of {@code loginId} from every network;
	 * what was lifted, if anything.
	 */
	Optional<Entry> lift(PortalUser administrator, String key) {
		Instant now = Instant.now();
		String loginId = key.startsWith(FINGERPRINT) ? throttle.recent(SHOWN, now)
			.stream()
			.map(LoginThrottle.Failures::loginId)
			.filter(id -> key.equals(FINGERPRINT + fingerprintOf(id)))
			.findFirst()
			.orElse(key) : key.trim().toLowerCase(Locale.ROOT);
		return transaction.execute(status -> {
			List<LoginThrottle.Failures> failures = throttle.of(loginId, now);
			throttle.lift(loginId);
			if (failures.isEmpty()) {
				return Optional.<Entry>empty();
			}
			String id = failures.get(0).loginId();
			Entry lifted = entry(id, names(List.of(id)).get(id), failures, now);
			audit.record(administrator.userId(), LIFTED,
					lifted.account() ? "user:" + lifted.loginId() : "user:" + lifted.shownId(),
					(lifted.account() ? "account" : "no such account") + ", " + lifted.attempts()
							+ " failed logins from " + lifted.networks().size() + " network(s) "
							+ String.join(" ", lifted.networks()) + ", locked until " + lifted.lockedUntil());
			return Optional.of(lifted);
		});
	}

	private Entry entry(String loginId, String name, List<LoginThrottle.Failures> failures, Instant now) {
		int attempts = failures.stream().mapToInt(LoginThrottle.Failures::attempts).sum();
		List<LoginThrottle.Failures> mostFirst = failures.stream()
			.sorted(Comparator.comparingInt(LoginThrottle.Failures::attempts).reversed())
			.toList();
		return new Entry(loginId, name, attempts, mostFirst.stream().map(LoginThrottle.Failures::network).toList(),
				mostFirst.stream()
					.filter(f -> f.lockedUntil().isAfter(now))
					.map(LoginThrottle.Failures::network)
					.toList(),
				failures.stream().map(LoginThrottle.Failures::lockedUntil).max(Comparator.naturalOrder()).orElse(now),
				policy.sprayed(failures.stream().map(LoginThrottle.Failures::wideNetwork).distinct().count()));
	}

	/**
	 * The names of the accounts among these (lower-case) ids, in one query: family name
	 * (here the organisation) before given name (the post).
	 */
	private Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT ID_, LAST_, FIRST_ FROM ACT_ID_USER WHERE LOWER(ID_) IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> {
				String name = ((rs.getString(2) == null ? "" : rs.getString(2))
						+ (rs.getString(3) == null ? "" : rs.getString(3)))
					.trim();
				names.put(rs.getString(1).toLowerCase(Locale.ROOT), name.isEmpty() ? rs.getString(1) : name);
				return name;
			})
			.list();
		return names;
	}

}
