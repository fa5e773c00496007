package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.camunda.bpm.engine.rest.impl.FetchAndLockHandlerImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Camunda's REST API parks a {@code fetchAndLock} with {@code asyncResponseTimeout} for
 * up to 30 minutes, keeps every parked request in one list without a bound, and runs one
 * engine query for each of them whenever another arrives and every 30 seconds. The
 * product has no external tasks, so a reviewer's or a bank officer's long poll can only
 * hold a connection and make the node query on its behalf: 60 parked polls made 401
 * engine queries before this rule. Staff are refused at once, inside the engine;
 * administrators keep Camunda's behaviour.
 */
@WebIntegrationTest
class ExternalTaskLongPollTest {

	private static final String FETCH = "/engine-rest/external-task/fetchAndLock";

	@LocalServerPort
	int port;

	private static String longPoll(long millis) {
		return "{\"workerId\":\"worker-1\",\"maxTasks\":1,\"asyncResponseTimeout\":" + millis
				+ ",\"topics\":[{\"topicName\":\"anything\",\"lockDuration\":1000}]}";
	}

	@Test
	void staffCannotParkLongPollsThatTheNodeAnswersAgainAndAgain() throws Exception {
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			for (String path : List.of(FETCH, "/engine-rest/engine/default/external-task/fetchAndLock")) {
				long start = System.nanoTime();
				HttpResponse<String> poll = basic(user).postJson(path, longPoll(5_000));
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				assertThat(poll.statusCode()).as("%s %s: %s", user, path, poll.body()).isEqualTo(403);
				assertThat(poll.body()).contains("\"type\":\"AuthorizationException\"", "外部任务");
				assertThat(millis).as("answered without waiting for the poll's timeout").isLessThan(4_000);
			}
		}
		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			List<Future<Integer>> polls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				polls.add(clients
					.submit(() -> basic(DemoUsers.BANK_OFFICER).postJson(FETCH, longPoll(60_000)).statusCode()));
			}
			for (Future<Integer> poll : polls) {
				assertThat(poll.get(30, TimeUnit.SECONDS)).isEqualTo(403);
			}
			assertThat(parked()).as("no staff poll is parked").isZero();
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void anAdministratorStillPollsAsCamundaAllows() {
		long start = System.nanoTime();
		HttpResponse<String> poll = basic(DemoUsers.ADMIN).postJson(FETCH, longPoll(1_000));
		assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
		assertThat(poll.body()).isEqualTo("[]");
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
	}

	private WebClient basic(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static int parked() {
		return ((FetchAndLockHandlerImpl) FetchAndLockContextListener.getFetchAndLockHandler()).getPendingRequests()
			.size();
	}

}
