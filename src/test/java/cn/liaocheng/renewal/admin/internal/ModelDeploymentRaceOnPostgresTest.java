package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Future;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.admin.internal.ModelAdminController.DeployResponse;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * The race of {@link ModelDeploymentRaceTest} on PostgreSQL, where the engine also takes
 * its own deployment lock: two administrators' edits of the same version, the first held
 * open after its check and deployment, the second meanwhile (both through the editor's
 * door, without a web server). The second waits, is told of the first's version and
 * deploys nothing; and the same for a deployment through another door still to commit.
 */
@PostgresContext
class ModelDeploymentRaceOnPostgresTest {

	private static final String KEY = "deploy-race-probe-pg";

	@Autowired
	ModelAdminController controller;

	@Autowired
	ModelDeployments deployments;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * The other door's test's own process, so that each test counts its own files kept.
	 */
	private static final String OTHER_DOOR_KEY = KEY + "-other-door";

	@AfterEach
	void removeProbes() {
		RaceProbe.removeAll(repository, KEY);
		RaceProbe.removeAll(repository, OTHER_DOOR_KEY);
	}

	@Test
	void theSecondOfTwoEditsOfTheSameVersionDeployedAtOnceWaitsForTheFirstAndIsToldOfIt() throws Exception {
		assertThat(deployments.deploy(DemoUsers.ADMIN, RaceProbe.file(KEY, "初审")).deployed()).isTrue();
		String opened = RaceProbe.latestId(repository, KEY);
		String first = RaceProbe.model(KEY, "初审（甲修改）");
		String second = RaceProbe.model(KEY, "初审（乙修改）");

		ResponseEntity<DeployResponse> refused;
		try (OpenTransaction<Void> deploying = OpenTransaction.begin(transactions, () -> {
			ResponseEntity<DeployResponse> deployed = controller.deployXml(opened, first, RaceProbe.ADMIN, null);
			assertThat(deployed.getStatusCode()).as(deployed.getBody().message()).isEqualTo(HttpStatus.OK);
		})) {
			Future<ResponseEntity<DeployResponse>> meanwhile = deploying
				.meanwhile(() -> controller.deployXml(opened, second, RaceProbe.ADMIN, null));
			assertThat(deploying.stillWaiting(meanwhile)).as("the second deployment waits for the first").isTrue();
			deploying.commit();
			refused = OpenTransaction.outcome(meanwhile);
		}

		assertThat(refused.getStatusCode()).as(refused.getBody().message()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().message()).contains("您编辑的是版本 1", "最新版本是版本 2", "会撤销版本 2 中的修改");
		assertThat(RaceProbe.latestModel(repository, KEY)).as("the first change stands").isEqualTo(first);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
			.as("nothing of the second deployment")
			.isEqualTo(2);
		assertThat(RaceProbe.keptDeployments(jdbc, KEY)).as("kept and audited").isEqualTo(2);
	}

	/**
	 * A deployment through another door (the engine's API, as Camunda Modeler's REST call
	 * reaches it) still to commit. The engine's own lock alone would make the page's
	 * deployment wait only after its check, which would then have passed against the
	 * version before, and the other door's change would be silently undone; the page's
	 * deployment waits before its check and is told of the new version.
	 */
	@Test
	void anEditDeployedWhileADeploymentFromAnotherDoorIsStillToCommitWaitsAndIsToldOfIt() throws Exception {
		assertThat(deployments.deploy(DemoUsers.ADMIN, RaceProbe.file(OTHER_DOOR_KEY, "初审")).deployed()).isTrue();
		String opened = RaceProbe.latestId(repository, OTHER_DOOR_KEY);
		String fromModeler = RaceProbe.model(OTHER_DOOR_KEY, "初审（建模工具修改）");
		String edit = RaceProbe.model(OTHER_DOOR_KEY, "初审（页面修改）");

		ResponseEntity<DeployResponse> refused;
		try (OpenTransaction<Void> deploying = OpenTransaction.begin(transactions,
				() -> repository.createDeployment()
					.name("modeler")
					.addString(OTHER_DOOR_KEY + ".bpmn", fromModeler)
					.deploy())) {
			Future<ResponseEntity<DeployResponse>> meanwhile = deploying
				.meanwhile(() -> controller.deployXml(opened, edit, RaceProbe.ADMIN, null));
			assertThat(deploying.stillWaiting(meanwhile)).as("the page's deployment waits").isTrue();
			deploying.commit();
			refused = OpenTransaction.outcome(meanwhile);
		}

		assertThat(refused.getStatusCode()).as(refused.getBody().message()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().message()).contains("您编辑的是版本 1", "最新版本是版本 2");
		assertThat(RaceProbe.latestModel(repository, OTHER_DOOR_KEY)).as("the other door's change stands")
			.isEqualTo(fromModeler);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(OTHER_DOOR_KEY).count()).isEqualTo(2);
	}

}
