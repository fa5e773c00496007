package cn.liaocheng.renewal.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;

/** The audit trail as a hash chain in {@code audit_log}, serialised by a row lock on {@code audit_head}. */
@Component
class ChainedAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;

	ChainedAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, String subject, String details) {
		Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long id = head.lastId() + 1;
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String text = details == null ? "" : details;
		String hash = hash(head.lastHash(), id, at, actor, action, subject, text);
		jdbc.sql("""
				INSERT INTO audit_log (id, occurred_at, actor, action, subject, details, prev_hash, entry_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(at), actor, action, subject, text, head.lastHash(), hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE singleton = 1").params(id, hash).update();
	}

	@Override
	@Transactional(readOnly = true)
	public long firstBrokenEntry() {
		List<Entry> entries = jdbc.sql("""
				SELECT id, occurred_at, actor, action, subject, details, prev_hash, entry_hash
				FROM audit_log ORDER BY id""")
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
		String previous = "0".repeat(64);
		long expectedId = 1;
		for (Entry e : entries) {
			if (e.id() != expectedId || !e.prevHash().equals(previous)
					|| !e.entryHash().equals(hash(previous, e.id(), e.at(), e.actor(), e.action(), e.subject(), e.details()))) {
				return e.id();
			}
			previous = e.entryHash();
			expectedId++;
		}
		String head = jdbc.sql("SELECT last_hash FROM audit_head WHERE singleton = 1").query(String.class).single();
		return head.equals(previous) ? -1 : expectedId;
	}

	static String hash(String previous, long id, Instant at, String actor, String action, String subject,
			String details) {
		String canonical = String.join("\u001f", previous, Long.toString(id), Long.toString(at.toEpochMilli()), actor,
				action, subject, details);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private record Head(long lastId, String lastHash) {
	}

	private record Entry(long id, Instant at, String actor, String action, String subject, String details,
			String prevHash, String entryHash) {
	}

}
