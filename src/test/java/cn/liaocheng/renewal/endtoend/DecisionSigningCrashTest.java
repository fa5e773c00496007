package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recovery after a crash during decision signing: the application runs on PostgreSQL in
 * child processes; a few project registrations are refused by the county at once, so each
 * waits for its asynchronous decision job; the node is killed with SIGKILL while those
 * jobs are locked (some mid-signing). Then either the node is restarted, or a second node
 * that was running all along carries on. Every acknowledged case must be decided within
 * 60 s of the restarted node being up, or of the kill on the surviving node; none lost,
 * one decision per application and stage, gap-free numbers.
 *
 * <p>
 * With Camunda's default lock time (5 minutes) the jobs the dead node held wait that long
 * and both tests fail (tried with 300000 ms); the application sets 30 s
 * (application.yaml). Part of the fault suite, {@code mvn -B test -Pfault}
 * (docs/operations.md), not of the default run: it starts the application four times
 * (about 4 minutes on two cores).
 */
@Tag("fault")
class DecisionSigningCrashTest {

	static final int CASES = 6;

	static final Duration RECOVERY = Duration.ofSeconds(60);

	FaultNodes nodes;

	@AfterEach
	void stopNodes() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void everyCaseIsDecidedWithinAMinuteOfRestartAfterAKillDuringSigning() throws Exception {
		nodes = FaultNodes.on("renewal_crash");
		FaultNodes.Node node = nodes.start("restart-node-before-kill");
		int port = node.port();
		Cut cut = refuseAndKill(port, node);

		nodes.start(port, "restart-node-after-kill");
		assertEveryCaseDecided("decision-signing-restart", port, cut, "the restart was up", Instant.now());
	}

	@Test
	void everyCaseIsDecidedWithinAMinuteOnTheSurvivingNodeAfterAKillDuringSigning() throws Exception {
		nodes = FaultNodes.on("renewal_crash_survivor");
		FaultNodes.Node doomed = nodes.start("survivor-doomed-node");
		int doomedPort = doomed.port();
		int survivorPort = nodes.start("survivor-surviving-node").port();
		// The completions go to the doomed node, whose job executor is told of new jobs
		// at once and so takes them.
		Cut cut = refuseAndKill(doomedPort, doomed);

		sleep(3000);
		assertThat(count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()"))
			.as("jobs still held by the killed node 3 s after the kill (the survivor finishes its own at once)")
			.isPositive();
		assertEveryCaseDecided("decision-signing-survivor", survivorPort, cut, "the kill", cut.killed());
	}

	/**
	 * The cases of a crash: all that were driven, those whose last completion the server
	 * acknowledged.
	 */
	record Cut(List<Long> cases, List<Long> acknowledged, int lockedAtKill, int decidedAtKill, Instant killed) {
	}

	/**
	 * Drives the cases to the county's recommendation, refuses them all at once (each
	 * refusal leaves a decision job that the executor takes at once) and kills the node
	 * with SIGKILL while decision jobs are locked.
	 */
	Cut refuseAndKill(int port, FaultNodes.Node node) throws InterruptedException {
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
		ExecutorService reviewers = Executors.newFixedThreadPool(CASES);
		List<Future<String>> refusals = new ArrayList<>();
		for (long id : cases) {
			refusals.add(reviewers.submit(() -> Actor.as(port, "gx-industry")
				.act(id, "Task_CountyRecommendation", "REFUSE", "项目不符合本县产业布局，不予推荐")));
		}
		Instant lockSeen = awaitLockedDecisionJobs(refusals);
		Instant killed = node.kill();
		reviewers.shutdownNow();

		List<Long> acknowledged = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			if (completedWithoutError(refusals.get(i))) {
				acknowledged.add(cases.get(i));
			}
		}
		int locked = count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()");
		assertThat(locked)
			.as("decision jobs still locked at the kill (a kill after all work was done proves "
					+ "nothing); lock first seen %s, killed %s", lockSeen, killed)
			.isPositive();
		assertThat(acknowledged).as("refusals the server acknowledged before the kill").isNotEmpty();
		return new Cut(cases, acknowledged, locked, count("SELECT count(*) FROM decision"), killed);
	}

	/**
	 * Every acknowledged case decided within {@link #RECOVERY} of {@code from}; the
	 * others decided or still waiting for the county (never lost); one decision per
	 * application and stage, gap-free numbers, no incident.
	 */
	void assertEveryCaseDecided(String test, int port, Cut cut, String fromWhat, Instant from) throws IOException {
		List<Long> undecided = awaitDecisions(cut.acknowledged(), from.plus(RECOVERY));
		Instant waited = Instant.now();
		List<String> duplicates = rows(
				"SELECT application_id || '/' || stage FROM decision GROUP BY application_id, stage "
						+ "HAVING count(*) > 1");
		List<String> gaps = rows("SELECT body_key || ' ' || decision_year || ': ' || count(*) || ' numbers, from '"
				+ " || min(serial_no) || ' to ' || max(serial_no) FROM decision GROUP BY body_key, decision_year"
				+ " HAVING min(serial_no) <> 1 OR max(serial_no) <> count(*)");
		List<String> incidents = rows("SELECT incident_msg_ FROM act_ru_incident");
		FaultReport.write(test, String.format("fault test %s: %d project registrations refused by the county at once, "
				+ "the node killed while decision jobs were locked%n"
				+ "acknowledged %d / decided %d / lost (acknowledged, not decided in time) %d / duplicated %d"
				+ " / stuck (incidents) %d / decision-number gaps %d%n"
				+ "at the kill %d decided and %d jobs locked; every acknowledged case decided %d s after %s (%d s after "
				+ "the kill)%nundecided %s, duplicates %s, incidents %s, gaps %s%n", test, cut.cases().size(),
				cut.acknowledged().size(), count("SELECT count(DISTINCT application_id) FROM decision"),
				undecided.size(), duplicates.size(), incidents.size(), gaps.size(), cut.decidedAtKill(),
				cut.lockedAtKill(), Duration.between(from, waited).toSeconds(), fromWhat,
				Duration.between(cut.killed(), waited).toSeconds(), undecided, duplicates, incidents, gaps));
		assertThat(undecided).as("acknowledged cases without a decision %d s after %s", RECOVERY.toSeconds(), fromWhat)
			.isEmpty();

		Actor enterprise = Actor.as(port, "ent-gx");
		Actor county = Actor.as(port, "gx-industry");
		for (long id : cut.acknowledged()) {
			assertThat(enterprise.status(id)).as("stage of application %d", id).isEqualTo("REFUSED");
		}
		// A refusal cut off by the kill either committed (and is decided now) or left its
		// task open: never lost.
		for (long id : cut.cases()) {
			if (!cut.acknowledged().contains(id)
					&& count("SELECT count(*) FROM decision WHERE application_id = " + id) == 0) {
				assertThat(county.tasks(id, "Task_CountyRecommendation"))
					.as("application %d neither decided nor " + "waiting for the county", id)
					.isNotEmpty();
			}
		}
		assertThat(duplicates).as("duplicate decisions").isEmpty();
		assertThat(gaps).as("gaps in decision numbers").isEmpty();
		assertThat(incidents).as("incidents").isEmpty();
	}

	// ---------------------------------------------------------------- observations in
	// the database

	/**
	 * Waits for the moment to kill: decision jobs locked, and either every refusal
	 * answered or as many jobs locked as the executor takes at once (3 an acquisition),
	 * so that several cases are cut off mid-decision.
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
		return nodes.count(sql);
	}

	List<String> rows(String sql) {
		return nodes.rows(sql);
	}

	static void sleep(long millis) {
		FaultNodes.sleep(millis);
	}

}
