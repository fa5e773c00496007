package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during submissions: several accountants of one enterprise register projects at
 * once on a node on PostgreSQL; once a third of the registrations are acknowledged, the
 * node is killed with SIGKILL (requests in flight, some drafts half uploaded) and started
 * again on the same port. The clients re-send whatever ended unclearly, with the same
 * Idempotency-Key, as a real client does. Afterwards every acknowledged submission is
 * stored with its reference number and review process, none twice (project, process,
 * attachment), nothing stuck ({@link FaultReport}). Part of the fault suite
 * ({@code mvn -B test -Pfault}); {@code -Drenewal.fault.cases=N} registers N projects per
 * client instead of 5.
 */
@Tag("fault")
class SubmissionCrashTest {

	static final int CLIENTS = 4;

	FaultNodes nodes;

	@AfterEach
	void stopNodes() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void everyAcknowledgedSubmissionIsStoredAndStartedOnceAfterAKillDuringSubmissions() throws Exception {
		nodes = FaultNodes.on("renewal_fault_submissions");
		FaultNodes.Node node = nodes.start("submissions-node-before-kill");
		FaultLoad load = new FaultLoad(nodes, List.of(node.port()), "kill", CLIENTS, FaultLoad.cases(5), false);
		load.start();
		load.awaitAcknowledged(Math.max(2, load.total() / 3), Duration.ofMinutes(3));
		Instant killed = node.kill();
		int acknowledgedAtKill = load.acknowledged.size();
		int draftsAtKill = nodes.count("SELECT count(*) FROM application WHERE status = 'DRAFT'");

		FaultNodes.Node restarted = nodes.start(node.port(), "submissions-node-after-kill");
		Instant up = Instant.now();
		load.finish();
		Instant firstAfter = load.firstAcknowledgedAfter(up);

		FaultReport report = FaultReport.examine("submission-crash", nodes, load)
			.measured(String.format("killed after %d acknowledged submissions, %d drafts in the database at the kill",
					acknowledgedAtKill, draftsAtKill))
			.measured(String.format(
					"restarted node up %d s after the kill (its start-up %d s); first acknowledgement "
							+ "%s s after it was up; last client done %d s after it was up",
					Duration.between(killed, up).toSeconds(), restarted.startup().toSeconds(),
					firstAfter == null ? "-" : Long.toString(Duration.between(up, firstAfter).toSeconds()),
					Duration.between(up, load.finished).toSeconds()))
			.print();
		report.assertClean();
		assertThat(firstAfter).as("a submission acknowledged after the restart").isNotNull();
		assertThat(Duration.between(up, firstAfter)).as("first acknowledgement after the restart")
			.isLessThan(FaultReport.RECOVERY);
	}

}
