package cn.liaocheng.renewal.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.liaocheng.renewal.audit.AuditTrail;

/**
 * The audit trail as a hash chain in {@code audit_log}, serialised by a row lock on
 * {@code audit_head}. A transaction's entries are appended just before it commits, in the
 * order they were recorded: the lock, which every auditing transaction of every node
 * waits for, is then held for those few rows and the commit only, not for the rest of the
 * transaction (a task completion's whole engine work, a submission's process start). The
 * chain's order is the order of the commits; each entry keeps the moment its action was
 * recorded. A transaction that rolls back appends nothing.
 *
 * <p>
 * Every transaction gets its batch as it begins (this is a listener of the transaction
 * manager's), so that the batch takes its turn when the transaction commits whenever its
 * first entry comes, also from another synchronization's {@code beforeCommit} (a decision
 * numbered and issued as its transaction commits), which registers too late for Spring's
 * round of {@code beforeCommit}.
 */
@Component
class ChainedAuditTrail implements AuditTrail, TransactionExecutionListener {

	private final JdbcClient jdbc;

	ChainedAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, String subject, String details) {
		Pending entry = new Pending(Instant.now().truncatedTo(ChronoUnit.MILLIS), actor, action, subject,
				details == null ? "" : details);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(entry));
			return;
		}
		Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
		if (batch == null) {
			// A transaction the listener did not see begin (one of another transaction
			// manager's).
			batch = begin();
		}
		if (batch.appended) {
			// Recorded by another synchronization while this transaction commits: too
			// late to wait, appended at once.
			append(List.of(entry));
			return;
		}
		batch.entries.add(entry);
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		if (beginFailure == null && TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.getResource(this) == null) {
			begin();
		}
	}

	private Batch begin() {
		Batch batch = new Batch();
		TransactionSynchronizationManager.bindResource(this, batch);
		TransactionSynchronizationManager.registerSynchronization(batch);
		return batch;
	}

	/**
	 * Appends entries to the chain under the head's row lock, which the transaction's
	 * commit releases.
	 */
	private void append(List<Pending> entries) {
		Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long id = head.lastId();
		String previous = head.lastHash();
		for (Pending e : entries) {
			id++;
			String hash = hash(previous, id, e.at(), e.actor(), e.action(), e.subject(), e.details());
			jdbc.sql("""
					INSERT INTO audit_log (id, occurred_at, actor, action, subject, details, prev_hash, entry_hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, Timestamp.from(e.at()), e.actor(), e.action(), e.subject(), e.details(), previous, hash)
				.update();
			previous = hash;
		}
		jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE singleton = 1").params(id, previous).update();
	}

	/** One action waiting for its transaction's commit. */
	private record Pending(Instant at, String actor, String action, String subject, String details) {
	}

	/** The entries of one transaction, appended before it commits. */
	private final class Batch implements TransactionSynchronization {

		final List<Pending> entries = new ArrayList<>();

		boolean appended;

		@Override
		public void beforeCommit(boolean readOnly) {
			appended = true;
			if (!entries.isEmpty()) {
				append(entries);
			}
		}

		/**
		 * A transaction of its own starts inside this one (REQUIRES_NEW): its entries are
		 * its own.
		 */
		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(ChainedAuditTrail.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(ChainedAuditTrail.this, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(ChainedAuditTrail.this);
		}

	}

	@Override
	@Transactional(readOnly = true)
	public long firstBrokenEntry() {
		// The head first, then the entries up to it: a transaction committing meanwhile
		// appends entries past the head read, which this check leaves for the next one;
		// read the other way round, its new head would not match the entries read.
		Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		List<Entry> entries = jdbc.sql("""
				SELECT id, occurred_at, actor, action, subject, details, prev_hash, entry_hash
				FROM audit_log WHERE id <= ? ORDER BY id""")
			.param(head.lastId())
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
		String previous = "0".repeat(64);
		long expectedId = 1;
		for (Entry e : entries) {
			if (e.id() != expectedId || !e.prevHash().equals(previous) || !e.entryHash()
				.equals(hash(previous, e.id(), e.at(), e.actor(), e.action(), e.subject(), e.details()))) {
				return e.id();
			}
			previous = e.entryHash();
			expectedId++;
		}
		return head.lastHash().equals(previous) && expectedId == head.lastId() + 1 ? -1 : expectedId;
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
