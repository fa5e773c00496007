package cn.liaocheng.renewal.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;

/**
 * The overdue check on PostgreSQL, where its lease, marks and native query meet the real database: runs started
 * together on several threads (as on several nodes) escalate every task once, past more than a batch of tasks
 * escalated before.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(properties = "renewal.scheduling.enabled=false")
@ActiveProfiles({ "postgres", "demo" })
class OverdueTasksOnPostgresTest {

	private static final String BODY = "county-371525-industry";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_overdue");
	}

	@Autowired
	OverdueTasks overdue;

	@Autowired
	TaskService tasks;

	@Test
	void concurrentRunsEscalateEveryOverdueTaskOnceHoweverManyWereEscalatedBefore() throws Exception {
		List<String> old = standaloneTasks(120, Instant.now().minus(10, ChronoUnit.DAYS));
		overdue.escalate(Instant.now());
		List<String> fresh = standaloneTasks(130, Instant.now().minus(1, ChronoUnit.DAYS));

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(3);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(nodes.submit(() -> {
					start.await();
					return overdue.escalate(Instant.now());
				}));
			}
			start.countDown();
			int escalated = 0;
			for (Future<Integer> run : runs) {
				escalated += run.get(3, TimeUnit.MINUTES);
			}
			assertThat(escalated).isEqualTo(fresh.size());
		}
		finally {
			nodes.shutdownNow();
		}
		for (String id : fresh) {
			assertEscalatedOnce(id);
		}
		for (String id : old) {
			assertEscalatedOnce(id);
		}
	}

	private void assertEscalatedOnce(String taskId) {
		assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId)
			.as(taskId)
			.containsExactlyInAnyOrder(BODY, BODY + "-lead");
		assertThat(tasks.getTaskComments(taskId)).as(taskId).hasSize(1);
	}

	private List<String> standaloneTasks(int count, Instant due) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Task task = tasks.newTask();
			task.setName("县级形式审查");
			task.setDueDate(Date.from(due.plusSeconds(i)));
			tasks.saveTask(task);
			tasks.addCandidateGroup(task.getId(), BODY);
			ids.add(task.getId());
		}
		return ids;
	}

}
