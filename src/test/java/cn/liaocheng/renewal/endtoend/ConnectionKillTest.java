package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Database connections killed under load: while accountants register projects and county
 * reviewers approve and refuse them (each refusal a decision signed by a job), every
 * connection the node holds to PostgreSQL is terminated ({@code pg_terminate_backend})
 * every {@link #KILL_EVERY} until the clients are done and no job is due (the refusals'
 * decisions signed), at most {@link #ROUNDS} rounds, and once, when half the submissions
 * are acknowledged, the database refuses all new connections for {@link #REFUSAL}.
 * Clients re-send what ended unclearly. Afterwards every acknowledged submission is
 * stored and started, no duplicate, no gap, nothing stuck, every refusal decided, and no
 * response body of the whole run (every one is scanned) showed SQL, an exception name or
 * a stack text. Part of the fault suite; {@code
 * -Drenewal.fault.cases=N} registers N projects per client instead of 5.
 */
@Tag("fault")
class ConnectionKillTest {

	static final int CLIENTS = 4;

	static final Duration KILL_EVERY = Duration.ofSeconds(2);

	static final Duration REFUSAL = Duration.ofSeconds(3);

	/**
	 * Rounds of kills at most, then calm: on a machine so busy that a request takes
	 * longer than {@link #KILL_EVERY}, kills without end would cut every request and the
	 * clients could never finish. Kills stop sooner once the clients are done and the
	 * decisions signed: kills with nothing in flight prove nothing.
	 */
	static final int ROUNDS = Integer.getInteger("renewal.fault.connection-kill-rounds", 30);

	FaultNodes nodes;

	@AfterEach
	void stopNodes() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void nothingIsLostDuplicatedStuckOrShownWhenTheDatabaseCutsConnectionsUnderLoad() throws Exception {
		nodes = FaultNodes.on("renewal_fault_connections");
		FaultNodes.Node node = nodes.start("connections-node");
		FaultLoad load = new FaultLoad(nodes, List.of(node.port()), "conn", CLIENTS, FaultLoad.cases(5), true);
		AtomicInteger rounds = new AtomicInteger();
		AtomicInteger terminated = new AtomicInteger();
		Instant[] window = new Instant[2];
		int[] acknowledgedAtRefusal = new int[1];
		Thread killer = new Thread(() -> {
			while (rounds.get() < ROUNDS
					&& !(load.done() && window[1] != null && nodes.count(FaultReport.DUE_JOBS) == 0)) {
				FaultNodes.sleep(KILL_EVERY.toMillis());
				if (window[0] == null && (load.acknowledged.size() >= load.total() / 2 || load.done()
						|| rounds.get() == ROUNDS / 2)) {
					acknowledgedAtRefusal[0] = load.acknowledged.size();
					window[0] = Instant.now();
					nodes.refuseConnections(true);
					FaultNodes.sleep(REFUSAL.toMillis());
					nodes.refuseConnections(false);
					window[1] = Instant.now();
				}
				terminated.addAndGet(nodes.terminateNodeConnections());
				rounds.incrementAndGet();
			}
		}, "connection-killer");
		load.start();
		killer.start();
		killer.join();
		int acknowledgedDuringKills = load.acknowledged.size();
		boolean doneDuringKills = load.done();
		int dueAtTheEnd = nodes.count(FaultReport.DUE_JOBS);
		load.finish();

		FaultReport report = FaultReport.examine("connection-kills", nodes, load)
			.measured(String.format(
					"%d rounds of pg_terminate_backend every %d ms, %d connections terminated; "
							+ "connections refused for %s after %d acknowledged submissions; %d submissions "
							+ "acknowledged during the kills; clients %s and %d jobs due when the kills stopped",
					rounds.get(), KILL_EVERY.toMillis(), terminated.get(),
					window[0] == null ? "never" : Duration.between(window[0], window[1]).toMillis() + " ms",
					acknowledgedAtRefusal[0], acknowledgedDuringKills, doneDuringKills ? "done" : "still busy",
					dueAtTheEnd))
			.print();
		report.assertClean();
		assertThat(window[0]).as("the refusal window happened").isNotNull();
	}

}
