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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Failures are answered cleanly at both REST roots: the loser of two simultaneous completions of one task gets 409
 * in Chinese, refusals and broken requests carry no SQL, engine text or class name, and an unexpected failure is a
 * generic message with the request id an operator finds in the log.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanErrorsTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final int ROUNDS = 5;

	private static final List<String> INTERNALS = List.of("INSERT", "review_opinion", "uk_review", "Exception",
			"java.", "org.", "ENGINE-", "SQL", "###");

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

	private CountyReviewTasks countyTasks;

	enum Door {

		ENGINE_REST("/engine-rest"), WEBAPP_API("/camunda/api/engine/engine/default");

		final String root;

		Door(String root) {
			this.root = root;
		}

	}

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
	}

	@Test
	void theLoserOfTwoSimultaneousCompletionsIsToldInChineseThatSomeoneElseDidIt() throws Exception {
		// Rounds, because which way the loser loses (waiting on the winner's opinion row, or finding the case moved on)
		// depends on timing.
		for (int round = 0; round < ROUNDS; round++) {
			for (Door door : Door.values()) {
				race(door);
			}
		}
	}

	private void race(Door door) throws Exception {
		Task task = countyTasks.heldBy(HOLDER);
		// Two tabs of the holder, each with its own session.
		List<Caller> tabs = List.of(caller(door, HOLDER), caller(door, HOLDER));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (Caller tab : tabs) {
				answers.add(pool.submit(() -> {
					start.await();
					return tab.send("POST", door.root + "/task/" + task.getId() + "/submit-form",
							approval("材料齐全，同意"));
				}));
			}
			start.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				responses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(responses).extracting(HttpResponse::statusCode)
				.as("%s: %s", door, responses.stream().map(HttpResponse::body).toList())
				.containsExactlyInAnyOrder(204, 409);
			HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
			assertThat(loser.body()).contains("该任务已由他人办理，请刷新后查看");
			assertClean(door, loser);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_opinion WHERE task_id = ?").param(task.getId())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBrokenRequestIsRefusedWithoutInternalsAndAnUnexpectedFailureNamesTheRequestId() {
		for (Door door : Door.values()) {
			Task task = countyTasks.heldBy(HOLDER);
			Caller holder = caller(door, HOLDER);
			for (String broken : List.of("{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"Integer\"}}}",
					"{nonsense", "{\"variables\":[1,2]}")) {
				HttpResponse<String> refused = holder.send("POST", door.root + "/task/" + task.getId() + "/submit-form",
						broken);
				assertThat(refused.statusCode()).as("%s %s: %s", door, broken, refused.body()).isEqualTo(400);
				assertClean(door, refused);
			}
			// The engine refuses to delete a task of a running case with a text of its own: an unexpected failure.
			HttpResponse<String> failed = holder.send("DELETE", door.root + "/task/" + task.getId(), null);
			assertThat(failed.statusCode()).as("%s: %s", door, failed.body()).isEqualTo(500);
			String requestId = failed.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(failed.body()).contains("系统内部错误", "\"requestId\":\"" + requestId + "\"");
			assertClean(door, failed);
			assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(HOLDER);
		}
	}

	@Test
	void aReviewersMistakeKeepsItsChineseMessage() {
		for (Door door : Door.values()) {
			Task task = countyTasks.heldBy(HOLDER);
			HttpResponse<String> refused = caller(door, HOLDER).send("POST",
					door.root + "/task/" + task.getId() + "/submit-form",
					"{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
			assertThat(refused.statusCode()).as("%s: %s", door, refused.body()).isEqualTo(400);
			assertThat(refused.body()).contains("「审查意见」为必填项");
		}
	}

	private static void assertClean(Door door, HttpResponse<String> response) {
		for (String internal : INTERNALS) {
			assertThat(response.body()).as("%s %s", door, response.statusCode()).doesNotContain(internal);
		}
	}

	private static String approval(String opinion) {
		return "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"" + opinion + "\"}}}";
	}

	private record Caller(WebClient client, String[] headers) {

		HttpResponse<String> send(String method, String path, String body) {
			return client.send(method, path, body, headers);
		}

	}

	private Caller caller(Door door, String user) {
		WebClient client = new WebClient(port);
		if (door == Door.ENGINE_REST) {
			return new Caller(client.withBasic(user, DemoUsers.PASSWORD), new String[0]);
		}
		client.login(user, DemoUsers.PASSWORD);
		client.get("/camunda/app/tasklist/default/");
		String xsrf = client.cookie("XSRF-TOKEN");
		assertThat(xsrf).as("Camunda's XSRF cookie").isNotNull();
		return new Caller(client, new String[] { "X-XSRF-TOKEN", xsrf });
	}

}
