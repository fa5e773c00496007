package cn.liaocheng.renewal.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily counters of what strangers may do only so often, in {@code daily_quota}, one row
 * per counted thing and day. The caller names the thing: public objections from a client
 * network ({@code address:1.2.3.4}, {@code address:2001:db8:0:0::/64}) or from a phone
 * line against a notice, registration attempts from a client network
 * ({@code registration:1.2.3.4}). Counting locks the row, so two nodes cannot both take
 * the last allowance; the rows must exist before that transaction starts (see
 * {@link #prepare}), because a failed insert would abort a PostgreSQL transaction.
 */
@Component
public class DailyQuota {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	/**
	 * Hex digits, colons and dots, at least one colon: read by the JDK as an IPv6 literal
	 * or refused, never looked up as a name.
	 */
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	DailyQuota(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The client network a request counts in, at most 64 characters: an IPv4 address, or
	 * an IPv6 address's /64, since one household or one cloud machine is given a whole
	 * /64 and may send from any address in it. An IPv4 address written as IPv6
	 * (::ffff:a.b.c.d) counts as itself; what is no address literal counts as written,
	 * without being looked up.
	 */
	public static String network(String clientAddress) {
		String address = clientAddress == null ? "" : clientAddress.strip();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		if (address.indexOf('%') >= 0) {
			// The zone of a link-local address names an interface of this host.
			address = address.substring(0, address.indexOf('%'));
		}
		address = literal(address).orElse(address.isEmpty() ? "unknown" : address);
		return address.length() > 64 ? address.substring(0, 64) : address;
	}

	/**
	 * The network an IP address literal counts in; empty for anything else. Only literals
	 * reach {@link InetAddress#getByName}, so no name is ever looked up.
	 */
	private static Optional<String> literal(String address) {
		if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
			return Optional.empty();
		}
		InetAddress parsed;
		try {
			parsed = InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
		if (parsed instanceof Inet6Address) {
			byte[] bytes = parsed.getAddress();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
			}
			return Optional.of(prefix.append(":/64").toString());
		}
		// The JDK reads an IPv4-mapped IPv6 address as the IPv4 address.
		return Optional.of(parsed.getHostAddress());
	}

	/**
	 * Makes sure the counters of {@code day} exist, each created in a transaction of its
	 * own; a counter another request created at the same moment is simply used. Creating
	 * a day's first counter also deletes counters older than the day before, which no
	 * limit needs any more. Must be called outside any transaction.
	 */
	public void prepare(LocalDate day, String... keys) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Each counter's own transaction would take a second connection while the
			// caller's holds the first.
			throw new IllegalStateException("daily counters must be prepared outside a transaction");
		}
		for (String key : keys) {
			if (exists(key, day)) {
				continue;
			}
			try {
				ownTransaction.executeWithoutResult(status -> {
					jdbc.sql("INSERT INTO daily_quota (quota_key, quota_day, used) VALUES (?, ?, 0)")
						.params(key, Date.valueOf(day))
						.update();
					jdbc.sql("DELETE FROM daily_quota WHERE quota_day < ?")
						.param(Date.valueOf(day.minusDays(1)))
						.update();
				});
			}
			catch (DuplicateKeyException e) {
				// Another request, perhaps on another node, created it first; its row
				// counts for both.
			}
		}
	}

	/**
	 * Locks a prepared counter until the transaction ends and returns how much of it is
	 * used.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int lock(String key, LocalDate day) {
		return jdbc.sql("SELECT used FROM daily_quota WHERE quota_key = ? AND quota_day = ? FOR UPDATE")
			.params(key, Date.valueOf(day))
			.query(Integer.class)
			.single();
	}

	/** Counts one use on a counter this transaction has locked. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void use(String key, LocalDate day) {
		jdbc.sql("UPDATE daily_quota SET used = used + 1 WHERE quota_key = ? AND quota_day = ?")
			.params(key, Date.valueOf(day))
			.update();
	}

	/**
	 * Counts one use of {@code key} on {@code day} in a transaction of its own, unless
	 * {@code limit} uses are counted already; whether it was counted. Must be called
	 * outside any transaction, like {@link #prepare}.
	 */
	public boolean take(String key, LocalDate day, int limit) {
		prepare(day, key);
		return Boolean.TRUE.equals(ownTransaction.execute(status -> {
			if (lock(key, day) >= limit) {
				return false;
			}
			use(key, day);
			return true;
		}));
	}

	private boolean exists(String key, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM daily_quota WHERE quota_key = ? AND quota_day = ?")
			.params(key, Date.valueOf(day))
			.query(Integer.class)
			.single() > 0;
	}

}
