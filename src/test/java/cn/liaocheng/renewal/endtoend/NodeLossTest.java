package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes losing one under load: two nodes on one PostgreSQL database behind nginx with
 * the repository's configuration ({@code deploy/nginx/renewal.conf}, see
 * {@link LoadBalancer}); clients know only the balancer (accountants registering
 * projects, county reviewers approving and refusing them, each refusal a decision signed
 * by a job); once a third of the registrations are acknowledged, one node is killed with
 * SIGKILL. The balancer sends new requests to the survivor; a request the dead node held
 * ends unclearly and its client sends it again. Afterwards no acknowledged submission is
 * lost or duplicated, nothing is stuck, and every case is decided, the jobs the dead node
 * held included, within {@link FaultReport#RECOVERY}. Part of the fault suite;
 * {@code -Drenewal.fault.cases=N} registers N projects per client instead of 5.
 */
@Tag("fault")
class NodeLossTest {

	static final int CLIENTS = 4;

	FaultNodes nodes;

	LoadBalancer balancer;

	@AfterEach
	void stopNodes() {
		if (balancer != null) {
			balancer.close();
		}
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void theSurvivorTakesOverWithNothingLostDuplicatedOrStuck() throws Exception {
		nodes = FaultNodes.on("renewal_fault_two_nodes");
		FaultNodes.Node doomed = nodes.start("two-nodes-doomed");
		FaultNodes.Node survivor = nodes.start("two-nodes-survivor");
		balancer = LoadBalancer.start(FaultNodes.OUTPUT.resolve("two-nodes"), List.of(doomed.port(), survivor.port()));
		FaultLoad load = new FaultLoad(nodes, List.of(balancer.port), "node", CLIENTS, FaultLoad.cases(5), true);
		load.start();
		load.awaitAcknowledged(Math.max(2, load.total() / 3), Duration.ofMinutes(3));
		int lockedBefore = nodes.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
		Instant killed = doomed.kill();
		int acknowledgedAtKill = load.acknowledged.size();
		int heldAtKill = nodes
			.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL" + " AND lock_exp_time_ > now()");
		load.finish();
		Instant firstAfter = load.firstAcknowledgedAfter(killed);

		FaultReport report = FaultReport.examine("node-loss", nodes, load);
		Instant settled = load.finished.plus(report.settled);
		report
			.measured(String.format(
					"killed one of two nodes behind nginx after %d acknowledged submissions; jobs locked just "
							+ "before the kill %d, still locked just after %d",
					acknowledgedAtKill, lockedBefore, heldAtKill))
			.measured(String.format(
					"first acknowledgement on the survivor %s s after the kill; last client done %d s "
							+ "after the kill; everything decided and settled %d s after the kill",
					firstAfter == null ? "-" : Long.toString(Duration.between(killed, firstAfter).toSeconds()),
					Duration.between(killed, load.finished).toSeconds(), Duration.between(killed, settled).toSeconds()))
			.print();
		report.assertClean();
		assertThat(firstAfter).as("a submission acknowledged by the survivor after the kill").isNotNull();
		assertThat(Duration.between(killed, firstAfter)).as("first acknowledgement after the kill")
			.isLessThan(FaultReport.RECOVERY);
	}

}
