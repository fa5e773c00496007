package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * The overdue timers on PostgreSQL: when several nodes' job executors reach the same due
 * timer at once (here three threads executing it together), the engine's locking lets one
 * of them handle the task and the others fail without writing anything, so every overdue
 * task is escalated exactly once.
 */
@PostgresContext
class OverdueTimerOnPostgresTest {

	private static final int TASKS = 6;

	private static final int NODES = 3;

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

	OverdueTimers timers;

	@BeforeEach
	void pauseJobExecutor() {
		timers = new OverdueTimers(engine);
	}

	@AfterEach
	void resumeJobExecutor() {
		timers.close();
	}

	@Test
	void nodesReachingTheSameDueTimerTogetherEscalateEachTaskOnce() throws Exception {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		List<Task> overdue = new ArrayList<>();
		for (int i = 0; i < TASKS; i++) {
			Task task = county.open();
			timers.makeOverdue(task);
			overdue.add(task);
		}

		ExecutorService nodes = Executors.newFixedThreadPool(NODES);
		int handled = 0;
		try {
			for (Task task : overdue) {
				String job = timers.single(task).getId();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Boolean>> runs = new ArrayList<>();
				for (int n = 0; n < NODES; n++) {
					runs.add(nodes.submit(() -> {
						start.await();
						try {
							management.executeJob(job);
							return true;
						}
						catch (RuntimeException lostTheRace) {
							return false;
						}
					}));
				}
				start.countDown();
				for (Future<Boolean> run : runs) {
					handled += run.get(2, TimeUnit.MINUTES) ? 1 : 0;
				}
			}
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(handled).isEqualTo(TASKS);
		for (Task task : overdue) {
			assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.as(task.getId())
				.containsExactlyInAnyOrder(CountyReviewTasks.BODY, CountyReviewTasks.BODY + "-lead");
			assertThat(tasks.getTaskComments(task.getId())).as(task.getId()).hasSize(1);
			assertThat(timers.of(task)).isEmpty();
			assertThat(
					jdbc.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = 'OVERDUE'")
						.param(CountyReviewTasks.applicationOf(task, runtime))
						.query(Integer.class)
						.single())
				.isEqualTo(1);
		}
	}

}
