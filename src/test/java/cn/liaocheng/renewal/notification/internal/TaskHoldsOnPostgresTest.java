package cn.liaocheng.renewal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.notification.internal.Notifier.Note;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.PostgresContext;
import cn.liaocheng.renewal.support.ProbeTasks;

/**
 * A task held for a note about it, against the transaction that ends it, on PostgreSQL:
 * whichever comes second waits for the first to commit, and the note is either marked
 * handled by the end or not written at all (a reminder or an urge of a step completed
 * meanwhile).
 */
@PostgresContext
class TaskHoldsOnPostgresTest {

	private static final String HOLDER = "pg-hold-reviewer";

	@Autowired
	ProcessEngine engine;

	@Autowired
	OpenTasks openTasks;

	@Autowired
	Notifier notifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private Deployment probe;

	private String taskId;

	@BeforeEach
	void oneOpenTask() {
		String key = "hold_probe_" + System.nanoTime();
		probe = ProbeTasks.pileUp(engine, key, "占用测试", HOLDER, 1);
		taskId = engine.getTaskService().createTaskQuery().processDefinitionKey(key).singleResult().getId();
	}

	@AfterEach
	void clearUp() {
		jdbc.sql("DELETE FROM notification WHERE task_id = ?").param(taskId).update();
		engine.getRepositoryService().deleteDeployment(probe.getId(), true);
	}

	@Test
	void aHoldAskedForWhileTheTaskEndsWaitsAndFindsItEnded() throws Exception {
		try (OpenTransaction<Void> ending = OpenTransaction.begin(transactions,
				() -> engine.getTaskService().complete(taskId))) {
			Future<Boolean> note = ending.meanwhile(() -> inTransaction(() -> openTasks.hold(taskId)
					&& notifier.notify(HOLDER, Note.aboutTask(NotificationKind.TASK_DUE_SOON, "任务即将超期：占用测试", "即将超期",
							taskId, null, "task-due:" + taskId))));
			assertThat(ending.stillWaiting(note)).as("the hold waits for the ending transaction").isTrue();
			ending.commit();
			assertThat(OpenTransaction.outcome(note)).as("the task has ended: nothing is written").isFalse();
		}
		assertThat(notes()).isZero();
	}

	@Test
	void aTaskEndingWhileHeldWaitsAndMarksTheNoteWrittenUnderTheHoldHandled() throws Exception {
		try (OpenTransaction<Boolean> note = OpenTransaction.begin(transactions,
				() -> assertThat(openTasks.hold(taskId)).isTrue(), () -> notifier.notify(HOLDER,
						Note.aboutTask(NotificationKind.TASK_URGED, "催办：占用测试", "请尽快办理", taskId, null, null)))) {
			Future<?> ending = note.meanwhile(() -> {
				engine.getTaskService().complete(taskId);
				return null;
			});
			assertThat(note.stillWaiting(ending)).as("the end waits for the hold").isTrue();
			assertThat(note.commit()).isTrue();
			OpenTransaction.outcome(ending);
		}
		assertThat(notes()).isOne();
		assertThat(jdbc
			.sql("""
					SELECT COUNT(*) FROM notification
					WHERE task_id = ? AND task_ended_at IS NOT NULL AND read_at IS NOT NULL AND task_outcome LIKE '已由%办理'""")
			.param(taskId)
			.query(Long.class)
			.single()).as("handled by the end, as the task's other notes").isOne();
	}

	@Test
	void anEndedTaskCannotBeHeldAndAHoldNeedsATransaction() {
		engine.getTaskService().complete(taskId);

		assertThat(inTransaction(() -> openTasks.hold(taskId))).isFalse();
		assertThat(inTransaction(() -> openTasks.hold("no-such-task"))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> openTasks.hold(taskId));
	}

	private long notes() {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE task_id = ?").param(taskId).query(Long.class).single();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return new TransactionTemplate(transactions).execute(tx -> work.get());
	}

}
