package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.ProbeTasks;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A signed-in user who is not an administrator gets at most 1,000 rows a request, at both
 * engine roots and through a filter run: a list that would return more is refused with a
 * sentence on paging, whatever page size was asked. Lists without a page size that return
 * fewer rows (a case's tasks, as scripts ask), pages, counts and the lists the
 * configuration fixes are answered as before; administrators are not limited.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPageLimitTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A reviewer with more than a page of tasks of his own for the time of a test. */
	private static final String REVIEWER = DemoUsers.BANK_OFFICER;

	private static final int LIMIT = 1000;

	/** Lists of the reviewer's tasks that would return all of them. */
	private static final List<String> TOO_LONG = List.of("GET /task", "POST /task", "GET /task?assignee=" + REVIEWER,
			"GET /task?firstResult=0", "GET /task?maxResults=1001", "GET /task?firstResult=0&maxResults=5000",
			"GET /history/task", "POST /history/task", "GET /history/task?maxResults=100000");

	/** Answered as before. */
	private static final List<String> ANSWERED = List.of("GET /task?firstResult=0&maxResults=1000",
			"GET /task?firstResult=1000&maxResults=5000", "GET /task?maxResults=15", "GET /task/count",
			"POST /task/count", "GET /history/task/count", "GET /history/task?firstResult=0&maxResults=50",
			"GET /task?processInstanceBusinessKey=no-such-case", "GET /history/process-instance",
			"GET /process-instance", "GET /variable-instance?variableName=opinion", "GET /user",
			"GET /filter?resourceType=Task&itemCount=true", "GET /process-definition", "GET /deployment",
			"GET /decision-definition");

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	FilterService filters;

	private Deployment pile;

	/**
	 * One more task than a page, assigned to the reviewer, as years of work would leave:
	 * as many cases of a one-step probe process, started in one command.
	 */
	@BeforeAll
	void pileUpTasks() {
		pile = ProbeTasks.pileUp(engine, "page-limit-probe", "分页测试", REVIEWER, LIMIT + 1);
	}

	@AfterAll
	void clearThePile() {
		if (pile != null) {
			engine.getRepositoryService().deleteDeployment(pile.getId(), true);
			pile = null;
		}
	}

	@Test
	void aListOfMoreThanAThousandRowsIsRefusedAtEitherDoor() throws Exception {
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, REVIEWER);
			for (String request : TOO_LONG) {
				HttpResponse<String> answer = send(caller, door, request);
				assertThat(answer.statusCode()).as("%s %s: %s", door, request, shortly(answer)).isEqualTo(400);
				assertThat(answer.body()).as("%s %s", door, request)
					.contains("查询结果超过 1000 条", "firstResult 和 maxResults 分页查询");
			}
			for (String request : ANSWERED) {
				HttpResponse<String> answer = send(caller, door, request);
				assertThat(answer.statusCode()).as("%s %s: %s", door, request, shortly(answer)).isEqualTo(200);
			}
			assertThat(JSON.readTree(send(caller, door, "GET /task?firstResult=0&maxResults=1000").body()).size())
				.isEqualTo(LIMIT);
			assertThat(JSON.readTree(send(caller, door, "GET /task?firstResult=990&maxResults=5000").body()).size())
				.as("the rest of the pile from row 990")
				.isGreaterThanOrEqualTo(LIMIT + 1 - 990);
			assertThat(JSON.readTree(send(caller, door, "GET /task/count").body()).get("count").asInt())
				.isGreaterThan(LIMIT);
		}
	}

	@Test
	void aFilterRunIsLimitedLikeTheQueryItRuns() throws Exception {
		String mine = filters.createTaskFilterQuery().filterName("我的待办").singleResult().getId();
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, REVIEWER);
			for (String request : List.of("POST /filter/" + mine + "/list", "GET /filter/" + mine + "/list",
					"POST /filter/" + mine + "/list?firstResult=0&maxResults=1001",
					"POST /filter/" + mine + "/list?maxResults=100000")) {
				HttpResponse<String> answer = send(caller, door, request);
				assertThat(answer.statusCode()).as("%s %s: %s", door, request, shortly(answer)).isEqualTo(400);
				assertThat(answer.body()).contains("查询结果超过 1000 条");
			}
			HttpResponse<String> page = send(caller, door,
					"POST /filter/" + mine + "/list?firstResult=0&maxResults=15");
			assertThat(page.statusCode()).as(shortly(page)).isEqualTo(200);
			assertThat(JSON.readTree(page.body()).size()).isEqualTo(15);
			HttpResponse<String> count = send(caller, door, "GET /filter/" + mine + "/count");
			assertThat(JSON.readTree(count.body()).get("count").asInt()).isGreaterThan(LIMIT);
		}
	}

	@Test
	void shortListsWithoutAPageSizeAreAnsweredAsBefore() throws Exception {
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER)) {
			for (Door door : Door.values()) {
				Caller caller = EngineDoors.caller(port, door, user);
				for (String request : TOO_LONG) {
					HttpResponse<String> answer = send(caller, door, request);
					assertThat(answer.statusCode()).as("%s %s %s: %s", user, door, request, shortly(answer))
						.isEqualTo(200);
				}
			}
		}
	}

	/**
	 * A page before the first row was a malformed statement: a server failure with its
	 * stack in the log, which any caller could repeat to fill the log.
	 */
	@Test
	void aNegativePageIsABadRequestForEveryone() throws Exception {
		for (String user : List.of(REVIEWER, DemoUsers.ADMIN)) {
			for (Door door : Door.values()) {
				Caller caller = EngineDoors.caller(port, door, user);
				String mine = filters.createTaskFilterQuery().filterName("我的待办").singleResult().getId();
				for (String request : List.of("GET /task?firstResult=-5", "GET /task?firstResult=-5&maxResults=10",
						"GET /task?maxResults=-1", "GET /history/task?firstResult=-1&maxResults=10",
						"POST /filter/" + mine + "/list?firstResult=-3&maxResults=15",
						"POST /filter/" + mine + "/list?firstResult=0&maxResults=-2")) {
					HttpResponse<String> answer = send(caller, door, request);
					assertThat(answer.statusCode()).as("%s %s %s: %s", user, door, request, shortly(answer))
						.isEqualTo(400);
					assertThat(answer.body()).contains("firstResult 和 maxResults 不能为负数");
				}
			}
		}
	}

	@Test
	void anAdministratorIsNotLimited() throws Exception {
		for (Door door : Door.values()) {
			Caller caller = EngineDoors.caller(port, door, DemoUsers.ADMIN);
			for (String request : List.of("GET /task?assignee=" + REVIEWER, "GET /history/task?assignee=" + REVIEWER,
					"GET /task?assignee=" + REVIEWER + "&maxResults=5000")) {
				HttpResponse<String> answer = send(caller, door, request);
				assertThat(answer.statusCode()).as("%s %s: %s", door, request, shortly(answer)).isEqualTo(200);
				assertThat(JSON.readTree(answer.body()).size()).as("%s %s", door, request).isGreaterThan(LIMIT);
			}
		}
	}

	private static HttpResponse<String> send(Caller caller, Door door, String request) {
		String method = request.substring(0, request.indexOf(' '));
		String path = door.root + request.substring(request.indexOf(' ') + 1);
		return caller.send(method, path, method.equals("POST") ? "{}" : null);
	}

	private static String shortly(HttpResponse<String> answer) {
		String body = answer.body();
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

}
