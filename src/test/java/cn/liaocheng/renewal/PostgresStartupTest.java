package cn.liaocheng.renewal;

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
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * The system on the real PostgreSQL server (RENEWAL_TEST_DB_URL, by default the local one
 * that .ci/run starts).
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo" })
class PostgresStartupTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_startup");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@Test
	void startsOnPostgresqlWithOrganisationsAndDemoAccounts() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(jdbc.sql("SELECT count(*) FROM org_division").query(Integer.class).single()).isEqualTo(11);
		assertThat(identity.createGroupQuery().groupId("county-371525-industry").singleResult().getName())
			.isEqualTo("冠县工业和信息化局");
		assertThat(identity.createUserQuery().userId(DemoUsers.COUNTY_REVIEWER).count()).isEqualTo(1);
	}

	/**
	 * A node that hangs while it holds a lock stops the others' work on it for a minute
	 * at most, not until TCP notices.
	 */
	@Test
	void everyConnectionBoundsItsWaitsForLocksAndIdleTransactions() {
		assertThat(jdbc.sql("SHOW lock_timeout").query(String.class).single()).isEqualTo("1min");
		assertThat(jdbc.sql("SHOW idle_in_transaction_session_timeout").query(String.class).single())
			.isEqualTo("10min");
	}

	@Test
	void sessionsAreStoredInTheDatabaseSoThatAnyNodeServesThem() {
		WebClient client = new WebClient(port);
		client.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		client.get("/camunda/app/tasklist/default/");
		HttpResponse<String> tasklistUser = client.get("/camunda/api/admin/auth/user/default");
		assertThat(tasklistUser.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM app_session WHERE principal_name = ?")
			.param(DemoUsers.COUNTY_REVIEWER)
			.query(Integer.class)
			.single()).isPositive();
	}

	/**
	 * Failed password checks of one id from one network at the same moment, on several
	 * connections: each is counted, none fails on the row another inserted first (its
	 * insert is undone to a savepoint, and the transaction of the engine's check goes
	 * on).
	 */
	@Test
	void simultaneousFailuresOfOneIdAreAllCountedInsideTheEnginesTransactions() throws Exception {
		String userId = probeAccount("pg-lock-probe");
		int threads = 6;
		assertThat(simultaneously(threads, "192.0.2.44", userId, "wrong-password")).containsOnly(false);
		assertThat(jdbc.sql("SELECT attempts FROM login_failure WHERE login_id = ? AND network = ?")
			.params(userId, "192.0.2.44")
			.query(Integer.class)
			.single())
			.as("those that raced to write the first failure are all counted (a later one may find it "
					+ "and be refused by its lock)")
			.isBetween(2, threads);
	}

	/**
	 * Once an id has failed from a network, a burst of guesses from there at the same
	 * moment is checked one after the other: the first failure's lock refuses the rest
	 * before their passwords are looked at, instead of every one being tried and counted.
	 */
	@Test
	void aBurstOfGuessesFromOneNetworkCannotSlipPastTheLock() throws Exception {
		String userId = probeAccount("pg-burst-probe");
		jdbc.sql(
				"""
						INSERT INTO login_failure (login_id, network, wide_network, attempts, last_failure, locked_until)
						VALUES (?, '192.0.2.45', '192.0.2.0/24', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - INTERVAL '1 second')""")
			.param(userId)
			.update();
		List<Boolean> answers = simultaneously(6, "192.0.2.45", userId, "wrong-password");
		assertThat(answers).containsOnly(false);
		assertThat(jdbc.sql("SELECT attempts FROM login_failure WHERE login_id = ? AND network = ?")
			.params(userId, "192.0.2.45")
			.query(Integer.class)
			.single()).as("one guess tried and counted, the others refused by its lock").isEqualTo(4);
	}

	private String probeAccount(String userId) {
		User user = identity.newUser(userId);
		user.setFirstName("锁定测试");
		user.setPassword("Probe@2026pgx");
		identity.saveUser(user);
		return userId;
	}

	private List<Boolean> simultaneously(int threads, String address, String userId, String password) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> checks = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			checks.add(pool.submit(() -> {
				MockHttpServletRequest request = new MockHttpServletRequest();
				request.setRemoteAddr(address);
				RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
				try {
					start.await();
					return identity.checkPassword(userId, password);
				}
				finally {
					RequestContextHolder.resetRequestAttributes();
				}
			}));
		}
		start.countDown();
		List<Boolean> answers = new ArrayList<>();
		for (Future<Boolean> check : checks) {
			answers.add(check.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		return answers;
	}

}
