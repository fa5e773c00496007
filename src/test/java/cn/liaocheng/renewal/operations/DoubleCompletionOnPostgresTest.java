package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * Two simultaneous completions of one task on PostgreSQL, where the report of issue 12
 * showed the loser the {@code INSERT INTO review_opinion} statement: one succeeds, the
 * other is a 409 in Chinese with nothing internal.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo" })
class DoubleCompletionOnPostgresTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_double_completion");
	}

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLoserOfADoubleCompletionGetsAConflictWithoutSql() throws Exception {
		CountyReviewTasks countyTasks = new CountyReviewTasks(applications, identity, tasks);
		for (int round = 0; round < 5; round++) {
			Task task = countyTasks.heldBy(HOLDER);
			List<WebClient> tabs = List.of(new WebClient(port).withBasic(HOLDER, DemoUsers.PASSWORD),
					new WebClient(port).withBasic(HOLDER, DemoUsers.PASSWORD));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<HttpResponse<String>> responses = new ArrayList<>();
			try {
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (WebClient tab : tabs) {
					answers.add(pool.submit(() -> {
						start.await();
						return tab.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
								"{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"材料齐全，同意\"}}}");
					}));
				}
				start.countDown();
				for (Future<HttpResponse<String>> answer : answers) {
					responses.add(answer.get(60, TimeUnit.SECONDS));
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(responses).extracting(HttpResponse::statusCode)
				.as("%s", responses.stream().map(HttpResponse::body).toList())
				.containsExactlyInAnyOrder(204, 409);
			String loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().body();
			assertThat(loser).contains("该任务已由他人办理，请刷新后查看")
				.doesNotContain("INSERT", "review_opinion", "uk_review", "Exception", "java.", "SQL");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM review_opinion WHERE task_id = ?")
				.param(task.getId())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

}
