package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.support.BodyTable;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Overdue handling is the timer of each review task in the models: it waits on the task's
 * due date, follows a later change of it, and when it fires escalates the task once, with
 * a reminder the reviewer reads on the task.
 */
@WebIntegrationTest
class OverdueTimerTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Autowired
	ReviewSteps dueSoon;

	CountyReviewTasks countyTasks;

	OverdueTimers timers;

	@BeforeEach
	void fixture() {
		timers = new OverdueTimers(engine);
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
	}

	@AfterEach
	void resumeJobExecutor() {
		timers.close();
	}

	@Test
	void aNewReviewTaskWaitsForItsOverdueTimerOnItsDueDate() {
		Task task = countyTasks.open();

		Job timer = timers.single(task);

		assertThat(task.getDueDate()).isAfter(new Date());
		assertThat(timer.getDuedate()).isEqualTo(task.getDueDate());
		assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).as("not due yet").isZero();
	}

	@Test
	void theTimerFollowsADueDateChangedLater() {
		Task task = countyTasks.open();
		Instant later = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

		timers.setDue(task, later);

		assertThat(timers.single(task).getDuedate()).isEqualTo(Date.from(later));
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate())
			.as("即将超期 from two working days before the new due date")
			.isEqualTo(Date.from(dueSoon.dueSoonFrom(later)));
		timers.makeOverdue(task);
		assertThat(timers.single(task).getDuedate()).isBeforeOrEqualTo(new Date());
	}

	@Test
	void aTaskWhoseDueDatePassedIsEscalatedOnceWithAReminderOnTheTask() {
		Task task = countyTasks.heldBy(DemoUsers.COUNTY_REVIEWER);
		timers.makeOverdue(task);

		timers.fire(task);

		assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.filteredOn(Objects::nonNull)
			.containsExactlyInAnyOrder(CountyReviewTasks.BODY, CountyReviewTasks.BODY + "-lead");
		assertThat(tasks.getTaskComments(task.getId())).singleElement()
			.satisfies(c -> assertThat(c.getFullMessage()).contains("已超过办理期限", "冠县工业和信息化局负责人督办"));
		assertThat(historyNotes(task)).isEqualTo(1);
		assertThat(timers.of(task)).as("the timer is spent").isEmpty();

		// A due date moved again after the handling brings no second one.
		timers.setDue(task, Instant.now().plus(3, ChronoUnit.DAYS));
		timers.makeOverdue(task);
		assertThat(timers.of(task)).isEmpty();
		assertThat(tasks.getTaskComments(task.getId())).hasSize(1);
		assertThat(historyNotes(task)).isEqualTo(1);
	}

	@Test
	void aCompletedTaskTakesItsTimerWithIt() {
		Task task = countyTasks.heldBy(DemoUsers.COUNTY_REVIEWER);
		assertThat(timers.of(task)).hasSize(1);

		tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意。"));

		assertThat(timers.of(task)).isEmpty();
	}

	private int historyNotes(Task task) {
		return jdbc.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = 'OVERDUE'")
			.param(CountyReviewTasks.applicationOf(task, runtime))
			.query(Integer.class)
			.single();
	}

	/**
	 * An overdue task gains its body's lead group as a second candidate (督办); the
	 * dashboard's table of review bodies still counts it once, as the body's open task,
	 * not again as a task of a body called "…（负责人）".
	 */
	@Test
	void anEscalatedTaskIsCountedOnceUnderItsBodyInTheStatistics() {
		Task task = countyTasks.open();
		long openBefore = BodyTable.openTasks(dashboard, "冠县工业和信息化局");
		timers.makeOverdue(task);

		timers.fire(task);

		assertThat(BodyTable.rows(dashboard)).as("no row for the lead group the overdue task was escalated to")
			.noneMatch(row -> ((String) row.get(0)).endsWith("（负责人）"));
		assertThat(BodyTable.openTasks(dashboard, "冠县工业和信息化局")).as("still the body's open task").isEqualTo(openBefore);
	}

}
