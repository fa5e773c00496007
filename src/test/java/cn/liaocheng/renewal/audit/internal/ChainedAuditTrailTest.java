package cn.liaocheng.renewal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain's entries are appended when their transaction commits, in the order they were
 * recorded, and not at all when it rolls back; a transaction of its own inside another
 * keeps its own entries.
 */
class ChainedAuditTrailTest {

	private JdbcClient jdbc;

	private TransactionTemplate transaction;

	private TransactionTemplate separateTransaction;

	private ChainedAuditTrail audit;

	@BeforeEach
	void database() {
		DriverManagerDataSource data = new DriverManagerDataSource(
				"jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V4__audit.sql")).execute(data);
		jdbc = JdbcClient.create(data);
		audit = new ChainedAuditTrail(jdbc);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(data);
		// As Spring Boot configures the application's transaction manager with the
		// listeners among its beans.
		transactions.setTransactionExecutionListeners(List.of(audit));
		transaction = new TransactionTemplate(transactions);
		separateTransaction = new TransactionTemplate(transactions);
		separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Test
	void shouldAppendATransactionsEntriesInOrderWhenItCommits() {
		transaction.executeWithoutResult(status -> {
			audit.record("ent-gx", "APPLICATION_SUBMITTED", "application:1", "XM-1");
			audit.record("gx-industry", "REVIEW_OPINION", "application:1", "Task_CountyFormalReview APPROVE");
			assertThat(entries()).as("nothing in the chain before the commit").isEmpty();
		});
		transaction.executeWithoutResult(status -> audit.record("system", "DECISION_ISSUED", "application:1", "No. 1"));

		assertThat(entries()).containsExactly("1 APPLICATION_SUBMITTED", "2 REVIEW_OPINION", "3 DECISION_ISSUED");
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
	}

	@Test
	void shouldAppendTheFirstEntryOfATransactionRecordedWhileItCommits() {
		transaction.executeWithoutResult(
				status -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						// As a decision issued at commit records its issue.
						audit.record("system", "DECISION_ISSUED", "application:1", "No. 1");
					}
				}));
		transaction.executeWithoutResult(status -> {
			audit.record("gx-industry", "REVIEW_OPINION", "application:1", "APPROVE");
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					audit.record("system", "DECISION_ISSUED", "application:1", "No. 2");
				}
			});
		});

		assertThat(entries()).containsExactly("1 DECISION_ISSUED", "2 REVIEW_OPINION", "3 DECISION_ISSUED");
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
	}

	@Test
	void shouldAppendNothingWhenTheTransactionRollsBack() {
		transaction.executeWithoutResult(status -> {
			audit.record("ent-gx", "APPLICATION_SUBMITTED", "application:1", "XM-1");
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> audit.record("ent-gx", "APPLICATION_DRAFTED", "application:2", ""));

		assertThat(entries()).containsExactly("1 APPLICATION_DRAFTED");
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
	}

	@Test
	void shouldKeepTheEntriesOfATransactionOfItsOwnWhenTheOuterOneRollsBack() {
		transaction.executeWithoutResult(status -> {
			audit.record("ent-gx", "APPLICATION_SUBMITTED", "application:1", "XM-1");
			separateTransaction.executeWithoutResult(inner -> audit.record("system", "NOTIFICATION_RETRY", "x:1", ""));
			status.setRollbackOnly();
		});

		assertThat(entries()).containsExactly("1 NOTIFICATION_RETRY");
		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
	}

	/**
	 * The check reads the head, then the entries up to it: an entry a transaction commits
	 * while the check runs (here, one the head does not yet name) is left for the next
	 * check, not taken for a break.
	 */
	@Test
	void shouldNotTakeAnEntryCommittedDuringTheCheckForABreak() {
		transaction
			.executeWithoutResult(status -> audit.record("ent-gx", "APPLICATION_SUBMITTED", "application:1", "XM-1"));
		jdbc.sql("""
				INSERT INTO audit_log (id, occurred_at, actor, action, subject, details, prev_hash, entry_hash)
				VALUES (2, CURRENT_TIMESTAMP, 'system', 'LATER', 'x:1', '', 'p', 'h')""").update();

		assertThat(audit.firstBrokenEntry()).isEqualTo(-1);
	}

	@Test
	void shouldNoticeAChangedEntry() {
		transaction.executeWithoutResult(status -> {
			audit.record("ent-gx", "APPLICATION_SUBMITTED", "application:1", "XM-1");
			audit.record("gx-industry", "REVIEW_OPINION", "application:1", "APPROVE");
		});
		jdbc.sql("UPDATE audit_log SET details = 'REFUSE' WHERE id = 2").update();

		assertThat(audit.firstBrokenEntry()).isEqualTo(2);
	}

	private List<String> entries() {
		return jdbc.sql("SELECT id, action FROM audit_log ORDER BY id")
			.query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
			.list();
	}

}
