package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.RenewalApplication;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * Recovery after a crash during decision signing: the application runs on PostgreSQL in a child process; a few
 * project registrations are refused by the county, so each waits for its asynchronous decision job; the node is
 * killed with SIGKILL while those jobs are locked (some mid-signing), and restarted. Every case must be decided
 * within 60 s of the restarted node being up, with one decision per application and stage and gap-free numbers.
 *
 * <p>With Camunda's default lock time (5 minutes) the jobs the dead node held would wait that long; the application
 * sets it to 30 s (application.yaml). Part of the fault suite: {@code mvn -B test -Pfault} (see docs/operations.md),
 * not of the default run, because it starts the application twice (about two minutes on two cores).
 */
@Tag("fault")
class DecisionSigningCrashTest {

	static final int CASES = 6;

	static final Duration RECOVERY = Duration.ofSeconds(60);

	static final Duration START = Duration.ofMinutes(3);

	static final Path LOGS = Path.of("target", "fault");

	PostgresTestDatabase.Fresh database;

	Process node;

	@AfterEach
	void stopNode() {
		if (node != null && node.isAlive()) {
			node.destroyForcibly();
		}
	}

	@Test
	void everyCaseIsDecidedWithinAMinuteOfRestartAfterAKillDuringSigning() throws Exception {
		database = PostgresTestDatabase.fresh("renewal_crash");
		int port = freePort();
		node = start(port, "node-before-kill");

		Actor enterprise = Actor.as(port, "ent-gx");
		Actor county = Actor.as(port, "gx-industry");
		List<Long> cases = new ArrayList<>();
		for (int i = 1; i <= CASES; i++) {
			long id = enterprise.createDraft("PROJECT", ThreeKindsEndToEndTest.project("冠县崩溃恢复测试项目" + i));
			enterprise.attach(id, "BUSINESS_LICENCE", ThreeKindsEndToEndTest.PDF);
			enterprise.attach(id, "PROJECT_PLAN", ThreeKindsEndToEndTest.PDF);
			enterprise.submit(id);
			county.act(id, "Task_CountyFormalReview", "APPROVE", "材料齐全，符合形式审查要求");
			county.awaitTask(id, "Task_CountyRecommendation");
			cases.add(id);
		}

		// The last step of every case at once: each completion leaves a decision job that the executor takes at once.
		ExecutorService reviewers = Executors.newFixedThreadPool(CASES);
		List<Future<String>> refusals = new ArrayList<>();
		for (long id : cases) {
			refusals.add(reviewers.submit(() -> Actor.as(port, "gx-industry")
				.act(id, "Task_CountyRecommendation", "REFUSE", "项目不符合本县产业布局，不予推荐")));
		}
		Instant lockSeen = awaitLockedDecisionJobs(refusals);
		node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		Instant killed = Instant.now();
		reviewers.shutdownNow();

		List<Long> completed = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			if (completedWithoutError(refusals.get(i))) {
				completed.add(cases.get(i));
			}
		}
		int lockedAtKill = count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()");
		int decidedAtKill = count("SELECT count(*) FROM decision");
		assertThat(lockedAtKill).as("decision jobs still locked by the killed node (a kill after all work was done "
				+ "proves nothing); lock first seen %s, killed %s", lockSeen, killed).isPositive();

		node = start(port, "node-after-kill");
		Instant ready = Instant.now();
		List<Long> undecided = awaitDecisions(completed, ready.plus(RECOVERY));
		Duration recovery = Duration.between(ready, Instant.now());
		System.out.printf("crash during signing: %d cases acknowledged, %d decided and %d locked at the kill, "
				+ "waited %d s after the restart was up (%d s after the kill); undecided: %s%n", completed.size(),
				decidedAtKill, lockedAtKill, recovery.toSeconds(), Duration.between(killed, Instant.now()).toSeconds(),
				undecided);

		assertThat(completed).as("refusals the server acknowledged before the kill").isNotEmpty();
		assertThat(undecided).as("acknowledged cases without a decision %d s after the restart", RECOVERY.toSeconds())
			.isEmpty();
		for (long id : completed) {
			assertThat(enterprise.status(id)).as("stage of application %d", id).isEqualTo("REFUSED");
		}
		// A refusal cut off by the kill either committed (and is decided now) or left its task open: never lost.
		for (long id : cases) {
			if (!completed.contains(id) && count("SELECT count(*) FROM decision WHERE application_id = " + id) == 0) {
				assertThat(county.tasks(id, "Task_CountyRecommendation")).as("application %d neither decided nor "
						+ "waiting for the county", id).isNotEmpty();
			}
		}
		assertThat(rows("SELECT application_id || '/' || stage FROM decision GROUP BY application_id, stage "
				+ "HAVING count(*) > 1")).as("duplicate decisions").isEmpty();
		assertThat(rows("SELECT body_key || ' ' || decision_year || ': ' || count(*) || ' numbers, from '"
				+ " || min(serial_no) || ' to ' || max(serial_no) FROM decision GROUP BY body_key, decision_year"
				+ " HAVING min(serial_no) <> 1 OR max(serial_no) <> count(*)")).as("gaps in decision numbers").isEmpty();
		assertThat(rows("SELECT incident_msg_ FROM act_ru_incident")).as("incidents").isEmpty();
	}

	// ---------------------------------------------------------------- the child process

	/** Starts the application from this build's classes in a JVM of its own, so that it can be killed with SIGKILL. */
	Process start(int port, String name) throws IOException {
		Files.createDirectories(LOGS);
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath,
				RenewalApplication.class.getName(), "--spring.profiles.active=postgres,demo", "--server.port=" + port,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password())
			.redirectErrorStream(true)
			.redirectOutput(LOGS.resolve(name + ".log").toFile());
		Process process = builder.start();
		WebClient health = new WebClient(port);
		Instant end = Instant.now().plus(START);
		while (Instant.now().isBefore(end)) {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited with " + process.exitValue() + ", see " + LOGS.resolve(name + ".log"));
			}
			try {
				HttpResponse<String> r = health.get("/actuator/health");
				if (r.statusCode() == 200 && r.body().contains("UP")) {
					return process;
				}
			}
			catch (RuntimeException notYetListening) {
				// keep waiting
			}
			sleep(500);
		}
		process.destroyForcibly();
		throw new AssertionError(name + " not up within " + START.toSeconds() + " s, see " + LOGS.resolve(name + ".log"));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	// ---------------------------------------------------------------- observations in the database

	/**
	 * Waits for the moment to kill: decision jobs locked, and either every refusal answered or as many jobs locked
	 * as the executor takes at once (3 an acquisition), so that several cases are cut off mid-decision.
	 */
	Instant awaitLockedDecisionJobs(List<Future<String>> refusals) {
		Instant end = Instant.now().plus(Actor.STEP);
		while (Instant.now().isBefore(end)) {
			int locked = count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
			if (locked >= 3 || locked > 0 && refusals.stream().allMatch(Future::isDone)) {
				return Instant.now();
			}
			sleep(20);
		}
		if (count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL") > 0) {
			return Instant.now();
		}
		throw new AssertionError("no decision job was locked within " + Actor.STEP.toSeconds() + " s");
	}

	List<Long> awaitDecisions(List<Long> cases, Instant deadline) {
		List<Long> undecided = new ArrayList<>(cases);
		while (!undecided.isEmpty() && Instant.now().isBefore(deadline)) {
			undecided.removeIf(id -> count("SELECT count(*) FROM decision WHERE application_id = " + id) > 0);
			sleep(250);
		}
		return undecided;
	}

	static boolean completedWithoutError(Future<String> refusal) {
		try {
			refusal.get(40, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception | AssertionError notAcknowledged) {
			return false;
		}
	}

	int count(String sql) {
		return Integer.parseInt(rows(sql).get(0));
	}

	List<String> rows(String sql) {
		try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
				PreparedStatement s = c.prepareStatement(sql);
				ResultSet r = s.executeQuery()) {
			List<String> result = new ArrayList<>();
			while (r.next()) {
				result.add(r.getString(1));
			}
			return result;
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
