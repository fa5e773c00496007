package cn.liaocheng.renewal.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Database connections killed under load: while accountants register projects and county
 * reviewers approve and refuse them (each refusal a decision signed by a job), every
 * connection the node holds to PostgreSQL is terminated ({@code pg_terminate_backend})
 * every {@link #KILL_EVERY} for {@link #ROUNDS} rounds, and once, halfway, the database
 * refuses all new connections for {@link #REFUSAL}. Clients re-send what ended unclearly.
 * Afterwards every acknowledged submission is stored and started, no duplicate, no gap,
 * nothing stuck, every refusal decided, and no response body of the whole run (every one
 * is scanned) showed SQL, an exception name or a stack text. Part of the fault suite;
 * {@code
 * -Drenewal.fault.cases=N} registers N projects per client instead of 5.
 */
@Tag("fault")
class ConnectionKillTest {

	static final int CLIENTS = 4;

	static final Duration KILL_EVERY = Duration.ofSeconds(5);

	static final Duration REFUSAL = Duration.ofSeconds(3);

	/**
	 * Rounds of kills, then calm: on a machine so busy that a request takes longer than
	 * {@link #KILL_EVERY}, kills without end would cut every request and the clients
	 * could never finish.
	 */
	static final int ROUNDS = Integer.getInteger("renewal.fault.connection-kill-rounds", 16);

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
		AtomicBoolean loadRunning = new AtomicBoolean(true);
		AtomicInteger rounds = new AtomicInteger();
		AtomicInteger terminated = new AtomicInteger();
		Instant[] window = new Instant[2];
		Thread killer = new Thread(() -> {
			while (loadRunning.get() && rounds.get() < ROUNDS) {
				FaultNodes.sleep(KILL_EVERY.toMillis());
				if (rounds.get() == ROUNDS / 2) {
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
		AtomicInteger acknowledgedDuringKills = new AtomicInteger();
		load.start();
		killer.start();
		killer.join();
		acknowledgedDuringKills.set(load.acknowledged.size());
		load.finish();
		loadRunning.set(false);

		FaultReport report = FaultReport.examine("connection-kills", nodes, load)
			.measured(String.format(
					"%d rounds of pg_terminate_backend every %d ms, %d connections terminated; "
							+ "connections refused for %s; %d submissions acknowledged during the kills",
					rounds.get(), KILL_EVERY.toMillis(), terminated.get(),
					window[0] == null ? "never (load too short)"
							: Duration.between(window[0], window[1]).toMillis() + " ms",
					acknowledgedDuringKills.get()))
			.print();
		report.assertClean();
		org.assertj.core.api.Assertions.assertThat(window[0]).as("the refusal window happened").isNotNull();
	}

}
