package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 即将超期: a review step about to become overdue is reminded, from the start of the day two
 * working days before its due day, to its holder or, while it waits in the pool, to its
 * body's members; once per task and due date; not to the lead, other bodies or the
 * enterprise.
 */
@WebIntegrationTest
class DueSoonReminderTest extends ReviewProcessTest {

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OpenTasks openTasks;

	@Autowired
	PlatformTransactionManager transactions;

	private static final Map<String, Object> APPROVED = Map.of("decision", "APPROVE", "opinion", "材料齐全，符合要求。");

	private final DeadlineReminderPass reminders;

	@Autowired
	DueSoonReminderTest(ApplicationContext context) {
		super(context);
		this.reminders = new DeadlineReminderPass(context);
	}

	@BeforeEach
	void colleague() {
		new CountyReviewTasks(null, identity, tasks).ensureColleague();
	}

	@Test
	void aStepInThePoolIsRemindedToItsBodyOnceFromTwoWorkingDaysBeforeItsDueDay() {
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		Instant due = formal.getDueDate().toInstant();
		Instant from = remindFrom(due);

		reminders.runAt(from.minusSeconds(60));
		assertThat(reminders(formal)).as("not yet").isEmpty();

		reminders.runAt(from.plusSeconds(60));
		reminders.runAt(from.plusSeconds(120));

		List<Map<String, Object>> sent = reminders(formal);
		assertThat(sent).extracting(row -> row.get("RECIPIENT_ID"))
			.as("each member of the body once, not its lead, another county or the enterprise")
			.containsExactlyInAnyOrderElementsOf(identity.createUserQuery()
				.memberOfGroup(CountyReviewTasks.BODY)
				.list()
				.stream()
				.map(user -> (Object) user.getId())
				.toList())
			.contains(DemoUsers.COUNTY_REVIEWER, CountyReviewTasks.COLLEAGUE)
			.doesNotContain("gx-industry-lead", "lq-industry", DemoUsers.ENTERPRISE);
		assertThat(sent).allSatisfy(row -> {
			assertThat(row.get("TITLE")).isEqualTo("任务即将超期：" + formal.getName());
			assertThat((String) row.get("BODY")).contains(review.referenceNo(project), "冠县",
					"办理期限为 " + ChinaTime.minute(due), "即将超期", "报送部门负责人督办");
			assertThat(row.get("LINK")).isEqualTo("/camunda/app/tasklist/default/#/?task=" + formal.getId());
		});
	}

	@Test
	void aHeldStepIsRemindedToItsHolderOnlyAndAgainWhenItsDueDateMoves() {
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), CountyReviewTasks.COLLEAGUE);
		Instant due = formal.getDueDate().toInstant();

		reminders.runAt(remindFrom(due).plusSeconds(60));
		assertThat(reminders(formal)).extracting(row -> row.get("RECIPIENT_ID"))
			.containsExactly(CountyReviewTasks.COLLEAGUE);

		Instant later = due.plus(7, ChronoUnit.DAYS);
		tasks.setDueDate(formal.getId(), Date.from(later));
		reminders.runAt(remindFrom(later).plusSeconds(60));

		assertThat(reminders(formal)).as("the moved due date is reminded once more")
			.extracting(row -> (String) row.get("BODY"))
			.hasSize(2)
			.anySatisfy(body -> assertThat(body).contains(ChinaTime.minute(later)));
	}

	/**
	 * The pass reads the steps due, then writes their reminders: a step completed in
	 * between (its transaction not yet committed when the pass read it) is not reminded
	 * of, rather than left as an unread to-do that leads to a task that is gone.
	 */
	@Test
	void aStepEndingWhileThePassRunsIsNotRemindedOf() throws Exception {
		Task formal = claimedFormalReview();
		Instant at = remindFrom(formal.getDueDate().toInstant()).plusSeconds(60);
		try (OpenTransaction<Void> ending = OpenTransaction.begin(transactions,
				() -> tasks.complete(formal.getId(), APPROVED))) {
			Future<Integer> pass = ending.meanwhile(() -> reminders.runAt(at));
			assertThat(ending.stillWaiting(pass)).as("the pass waits for the step's end to commit").isTrue();
			ending.commit();
			OpenTransaction.outcome(pass);
		}
		assertThat(reminders(formal)).isEmpty();
	}

	/**
	 * A due date moved while the pass runs (here by hand, as a calendar correction or a
	 * reviewer would): the pass waits for the change and does not write the old date; the
	 * next pass reminds of the new one when its time comes.
	 */
	@Test
	void aStepWhoseDueDateMovesWhileThePassRunsIsNotRemindedOfTheOldDate() throws Exception {
		Task formal = claimedFormalReview();
		Instant due = formal.getDueDate().toInstant();
		Instant at = remindFrom(due).plusSeconds(60);
		Instant later = due.plus(Duration.ofDays(7));
		try (OpenTransaction<Void> moving = OpenTransaction.begin(transactions, () -> {
			Task held = tasks.createTaskQuery().taskId(formal.getId()).singleResult();
			held.setDueDate(Date.from(later));
			tasks.saveTask(held);
		})) {
			Future<Integer> pass = moving.meanwhile(() -> reminders.runAt(at));
			assertThat(moving.stillWaiting(pass)).as("the pass waits for the change to commit").isTrue();
			moving.commit();
			OpenTransaction.outcome(pass);
		}
		assertThat(reminders(formal)).as("nothing of the old due date").isEmpty();
	}

	/**
	 * The other order: a reminder written under the step's hold before the step ends is
	 * marked handled by the end, which waits for it.
	 */
	@Test
	void aReminderWrittenBeforeTheStepEndsIsHandledWithIt() throws Exception {
		Task formal = claimedFormalReview();
		Instant at = remindFrom(formal.getDueDate().toInstant()).plusSeconds(60);
		try (OpenTransaction<Integer> pass = OpenTransaction.begin(transactions,
				() -> assertThat(openTasks.hold(formal.getId())).isTrue(), () -> reminders.runAt(at))) {
			Future<?> ending = pass.meanwhile(() -> {
				tasks.complete(formal.getId(), APPROVED);
				return null;
			});
			assertThat(pass.stillWaiting(ending)).as("the step's end waits for the reminder").isTrue();
			assertThat(pass.commit()).as("this step's reminder, and others due then").isPositive();
			OpenTransaction.outcome(ending);
		}
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM notification WHERE task_id = ? AND kind = 'TASK_DUE_SOON' AND task_ended_at IS NOT NULL AND read_at IS NOT NULL")
			.param(formal.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theEnterprisesCorrectionIsNotAReviewStep() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		Task correction = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(project.id()))
			.list()
			.stream()
			.filter(t -> t.getDueDate() != null)
			.findFirst()
			.orElse(null);
		Instant deadline = jdbc.sql("SELECT correction_deadline FROM application WHERE id = ?")
			.param(project.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();

		reminders.runAt(remindFrom(deadline).plusSeconds(60));

		assertThat(jdbc.sql(
				"SELECT kind FROM notification WHERE application_id = ? AND kind IN ('TASK_DUE_SOON', 'DEADLINE_APPROACHING')")
			.param(project.id())
			.query(String.class)
			.list()).as("the enterprise is reminded of its correction, not of a task")
			.containsExactly("DEADLINE_APPROACHING");
		if (correction != null) {
			assertThat(reminders(correction)).isEmpty();
		}
	}

	/** A new case's county formal review, held by a member of the body. */
	private Task claimedFormalReview() {
		Task formal = review.task(review.submitProject(7), "Task_CountyFormalReview");
		tasks.claim(formal.getId(), CountyReviewTasks.COLLEAGUE);
		return formal;
	}

	private Instant remindFrom(Instant due) {
		LocalDate day = LocalDate.ofInstant(due, ChinaTime.ZONE);
		return workingDays.minusWorkingDays(day, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.atStartOfDay(ChinaTime.ZONE)
			.toInstant();
	}

	private List<Map<String, Object>> reminders(Task task) {
		return jdbc.sql("""
				SELECT recipient_id, title, body, link FROM notification
				WHERE kind = 'TASK_DUE_SOON' AND link = ? ORDER BY id""")
			.param("/camunda/app/tasklist/default/#/?task=" + task.getId())
			.query()
			.listOfRows();
	}

}
