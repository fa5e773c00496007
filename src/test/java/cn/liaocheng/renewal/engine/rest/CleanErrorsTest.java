package cn.liaocheng.renewal.engine.rest;

import static cn.liaocheng.renewal.support.EngineDoors.approval;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Failures are answered cleanly at both REST roots: the loser of two simultaneous
 * completions of one task gets 409 in Chinese, refusals and broken requests carry no SQL,
 * engine text or class name, and expected refusals are one line in the log. (An
 * unexpected failure's generic answer with the request id: {@code ErrorAnswersTest}.)
 */
@WebIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanErrorsTest {

	/** The first line of a log record: it begins with the record's date and time. */
	private static final Pattern LOG_RECORD = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final int ROUNDS = 5;

	private static final List<String> INTERNALS = List.of("INSERT", "review_opinion", "uk_review", "Exception", "java.",
			"org.", "ENGINE-", "SQL", "###");

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

	@Autowired
	RepositoryService repository;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
	}

	@Test
	void theLoserOfTwoSimultaneousCompletionsIsToldInChineseThatSomeoneElseDidIt() throws Exception {
		// Rounds, because which way the loser loses (waiting on the winner's opinion row,
		// or finding the case moved on)
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
					return tab.send("POST", door.root + "/task/" + task.getId() + "/submit-form", approval("材料齐全，同意"));
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
			HttpResponse<String> loser = responses.stream()
				.filter(r -> r.statusCode() == 409)
				.findFirst()
				.orElseThrow();
			assertThat(loser.body()).contains("该任务已由他人办理，请刷新后查看");
			assertClean(door, loser);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_opinion WHERE task_id = ?")
			.param(task.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aBrokenRequestIsRefusedWithoutInternals() {
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
			// The engine refuses to delete a task of a running case with an English text
			// Camunda answers with 500.
			assertRefused(door, holder.send("DELETE", door.root + "/task/" + task.getId(), null), 403, "不能删除");
			assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(HOLDER);
		}
	}

	/**
	 * Doors where the engine refuses in English and Camunda answers 500: a task of a
	 * running case deleted, a task claimed by a colleague, a task completed already, a
	 * job that does not exist. Each is a clean 4xx in Chinese, and the refusal is logged
	 * as one line, not as an error with a stack. Refusals for want of a permission stay
	 * 403 with Camunda's type AuthorizationException, which the webapps read, a Chinese
	 * message and no internal text.
	 */
	@Test
	void refusalsOnOtherEngineDoorsAreCleanChineseFourHundredsLoggedInOneLine(CapturedOutput log) {
		countyTasks.ensureColleague();
		for (Door door : Door.values()) {
			Task mine = countyTasks.heldBy(HOLDER);
			Task colleagues = countyTasks.heldBy(CountyReviewTasks.COLLEAGUE);
			Caller holder = caller(door, HOLDER);

			assertRefused(door, holder.send("DELETE", door.root + "/task/" + mine.getId(), null), 403, "不能删除");
			assertRefused(door, holder.send("DELETE", door.root + "/task/" + colleagues.getId(), null), 403, "不能删除");
			assertRefused(door, holder.send("POST", door.root + "/task/" + colleagues.getId() + "/claim",
					"{\"userId\":\"" + HOLDER + "\"}"), 409, "该任务已由他人认领");
			assertRefused(door, holder.send("POST", door.root + "/task/no-such-task/submit-form", approval("同意")), 404,
					"该任务不存在或已办理完毕");
			// Retries are for administrators whatever the job (AdministratorQueries): a
			// missing permission, which keeps the type the webapps look for.
			HttpResponse<String> retries = holder.send("PUT", door.root + "/job/no-such-job/retries",
					"{\"retries\":0}");
			assertThat(retries.statusCode()).as("%s: %s", door, retries.body()).isEqualTo(403);
			assertThat(retries.body()).contains("只有管理员可以").doesNotContain("org.camunda", "\tat ");
			// The models start no process by a condition: evaluating conditions finds
			// nothing to start.
			assertRefused(door, holder.send("POST", door.root + "/condition", "{\"variables\":{\"x\":{\"value\":1}}}"),
					404, "没有可按条件启动的流程");
			assertRefused(door, holder.send("PUT", door.root + "/job/no-such-job/duedate",
					"{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}"), 404, "该作业不存在");
			// A second tab sends the form of a task the first already completed: the same
			// answer as a lost race.
			HttpResponse<String> done = holder.send("POST", door.root + "/task/" + mine.getId() + "/submit-form",
					approval("材料齐全，同意"));
			assertThat(done.statusCode()).as("%s: %s", door, done.body()).isIn(200, 204);
			assertRefused(door,
					holder.send("POST", door.root + "/task/" + mine.getId() + "/submit-form", approval("材料齐全，同意")), 409,
					ErrorAnswers.CONFLICT);

			for (String[] unauthorized : new String[][] {
					{ "DELETE", "/process-instance/" + colleagues.getProcessInstanceId(), null },
					{ "POST", "/task/" + colleagues.getId() + "/variables",
							"{\"modifications\":{\"x\":{\"value\":1}}}" },
					{ "PUT", "/task/" + colleagues.getId() + "/localVariables/x", "{\"value\":1}" },
					{ "POST", "/task/" + colleagues.getId() + "/assignee", "{\"userId\":\"" + HOLDER + "\"}" },
					{ "PUT", "/process-instance/" + colleagues.getProcessInstanceId() + "/suspended",
							"{\"suspended\":true}" },
					{ "POST", "/process-instance/" + colleagues.getProcessInstanceId() + "/modification",
							"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\""
									+ CountyReviewTasks.FORMAL_REVIEW + "\"}]}" } }) {
				HttpResponse<String> refused = holder.send(unauthorized[0], door.root + unauthorized[1],
						unauthorized[2]);
				assertThat(refused.statusCode())
					.as("%s %s %s: %s", door, unauthorized[0], unauthorized[1], refused.body())
					.isEqualTo(403);
				assertThat(refused.body()).contains("\"type\":\"AuthorizationException\"", ErrorAnswers.NOT_PERMITTED)
					.doesNotContain("does not have");
				for (String internal : INTERNALS) {
					if (!"Exception".equals(internal)) {
						assertThat(refused.body()).as("%s %s", door, unauthorized[1]).doesNotContain(internal);
					}
				}
			}
			// A form refused is said in the product's words only.
			Task another = countyTasks.heldBy(HOLDER);
			HttpResponse<String> incomplete = holder.send("POST", door.root + "/task/" + another.getId() + "/complete",
					"{}");
			assertThat(incomplete.statusCode()).as("%s: %s", door, incomplete.body()).isEqualTo(400);
			assertThat(incomplete.body()).contains("\"message\":\"提交未被接受：").doesNotContain("Cannot", another.getId());
			// The product's own refusal says what to do instead.
			HttpResponse<String> notHolder = holder.send("POST",
					door.root + "/task/" + colleagues.getId() + "/complete", approval("同意"));
			assertThat(notHolder.statusCode()).as("%s: %s", door, notHolder.body()).isEqualTo(403);
			assertThat(notHolder.body()).contains("\"type\":\"AuthorizationException\"", "只有任务的当前办理人才能完成该任务，请先认领")
				.doesNotContain(ErrorAnswers.NOT_PERMITTED);
			assertThat(tasks.createTaskQuery().taskId(colleagues.getId()).singleResult().getAssignee())
				.isEqualTo(CountyReviewTasks.COLLEAGUE);
		}
		assertThat(requestLog(log)).doesNotContain("ENGINE-16004")
			.contains("Engine command refused: ProcessEngineException: The task cannot be deleted")
			.contains("Engine command refused: TaskAlreadyClaimedException");
	}

	/**
	 * A refused form (no opinion) is logged as one line at INFO, not as ENGINE-16004 at
	 * ERROR with a stack.
	 */
	@Test
	void aRefusedCompletionIsOneLineInTheLog(CapturedOutput log) {
		Task task = countyTasks.heldBy(HOLDER);
		HttpResponse<String> refused = caller(Door.ENGINE_REST, HOLDER).send("POST",
				"/engine-rest/task/" + task.getId() + "/submit-form",
				"{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(requestLog(log)).doesNotContain("ENGINE-16004")
			.doesNotContain("\tat org.camunda")
			.contains("INFO")
			.contains("Engine command refused: TaskFormViolation");
	}

	/**
	 * Reads of a decision table or a deployment that reviewers have no permission for:
	 * some of Camunda's REST resources wrap the engine's refusal in their own exception,
	 * which Camunda answers with 500, and the product then answered a generic 500 and
	 * logged it as an error with a stack, at any reviewer's request. A missing permission
	 * is a 403 with Camunda's type, whatever wraps it, logged as one line.
	 */
	@Test
	void aMissingPermissionIsForbiddenEvenWhenCamundaWrapsIt(CapturedOutput log) {
		String table = repository.createDecisionDefinitionQuery().latestVersion().list().get(0).getId();
		String deployment = repository.createDeploymentQuery().list().get(0).getId();
		for (Door door : Door.values()) {
			Caller reviewer = caller(door, HOLDER);
			for (String path : List.of("/decision-definition/" + table + "/xml", "/decision-definition/" + table,
					"/decision-definition/" + table + "/diagram", "/deployment/" + deployment + "/resources")) {
				HttpResponse<String> refused = reviewer.send("GET", door.root + path, null);
				assertThat(refused.statusCode()).as("%s %s: %s", door, path, refused.body()).isEqualTo(403);
				assertThat(refused.body()).contains("\"type\":\"AuthorizationException\"", ErrorAnswers.NOT_PERMITTED)
					.doesNotContain("does not have", "RestException");
			}
		}
		assertThat(log.getOut()).doesNotContain("Request failed; answered with a generic message");
	}

	/**
	 * The captured log without the records of the engine's job executor (threads
	 * {@code camundaTaskExecutor-…}): the context is shared, so other tests' background
	 * jobs, and a job's failure with its stack, are logged in the same window as the
	 * request under test.
	 */
	private static String requestLog(CapturedOutput log) {
		StringBuilder kept = new StringBuilder();
		boolean keep = true;
		for (String line : log.getOut().split("\n")) {
			if (LOG_RECORD.matcher(line).find()) {
				keep = !line.contains("TaskExecutor-");
			}
			if (keep) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString();
	}

	private static void assertRefused(Door door, HttpResponse<String> response, int status, String message) {
		assertThat(response.statusCode()).as("%s: %s", door, response.body()).isEqualTo(status);
		assertThat(response.body()).contains(message);
		assertClean(door, response);
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

	private Caller caller(Door door, String user) {
		return EngineDoors.caller(port, door, user);
	}

}
