package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.admin.internal.DeployedFiles.Change;
import cn.liaocheng.renewal.admin.internal.DeployedFiles.PastDeployment;
import cn.liaocheng.renewal.admin.internal.DeployedFiles.Row;

/** Each kept file is compared with the last earlier file of the same name. */
class DeployedFilesTest {

	private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

	@Test
	void aFileIsNewThenChangedOrUnchangedAgainstTheLastDeploymentOfItsName() {
		List<PastDeployment> deployments = DeployedFiles
			.compare(List.of(row(1, "d1", "bpmn/review.bpmn", "a"), row(2, "d1", "forms/apply.form", "f"),
					row(3, "d2", "review.bpmn", "b"), row(4, "d3", "bpmn/review.bpmn", "b"),
					row(5, "d3", "forms/apply.form", "f"), row(6, "d3", "dmn/amount.dmn", "c")));

		assertThat(deployments).extracting(PastDeployment::deploymentId).containsExactly("d1", "d2", "d3");
		assertThat(changes(deployments.get(0))).containsExactly(Change.NEW, Change.NEW);
		assertThat(changes(deployments.get(1))).as("an upload's name has no folder").containsExactly(Change.CHANGED);
		assertThat(changes(deployments.get(2))).containsExactly(Change.UNCHANGED, Change.UNCHANGED, Change.NEW);
		assertThat(deployments.get(2).changedFiles()).isOne();
	}

	private static List<Change> changes(PastDeployment deployment) {
		return deployment.files().stream().map(DeployedFiles.File::change).toList();
	}

	private static Row row(long id, String deployment, String name, String sha256) {
		return new Row(id, deployment, name, sha256, 10, AT, "admin");
	}

}
