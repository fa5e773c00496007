package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.admin.internal.ModelAdminController.DeployResponse;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Two administrators open the same version of a process in the browser editor, each
 * changes it, and both deploy at the same moment. The check that an edit is based on the
 * latest version used to be made before anything serialised the two deployments: both
 * passed it and both deployed, the later one silently undoing the other's change. The
 * first administrator's deployment is replayed through the editor's door in a transaction
 * held open after its check and deployment; the second deploys through the page
 * meanwhile. It must wait for the first, then be told of the newer version and deploy
 * nothing.
 */
@WebIntegrationTest
class ModelDeploymentRaceTest {

	private static final String KEY = "deploy-race-probe";

	@LocalServerPort
	int port;

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
	 * A process of each test's own, so that each counts the files kept of its own
	 * deployments only (those files outlive the deployments removed after each test).
	 */
	private static final String OTHER_DOOR_KEY = KEY + "-other-door", REST_KEY = KEY + "-rest", NEW_KEY = KEY + "-new";

	@AfterEach
	void removeProbes() {
		for (String key : java.util.List.of(KEY, OTHER_DOOR_KEY, REST_KEY, NEW_KEY)) {
			RaceProbe.removeAll(repository, key);
		}
	}

	@Test
	void theSecondOfTwoEditsOfTheSameVersionDeployedAtOnceWaitsForTheFirstAndIsToldOfIt() throws Exception {
		assertThat(deployments.deploy(DemoUsers.ADMIN, RaceProbe.file(KEY, "初审")).deployed()).isTrue();
		String opened = RaceProbe.latestId(repository, KEY);
		String first = RaceProbe.model(KEY, "初审（甲修改）");
		String second = RaceProbe.model(KEY, "初审（乙修改）");
		WebClient colleague = new WebClient(port);
		colleague.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = colleague.get("/admin/models/processes/" + opened).body();

		HttpResponse<String> refused;
		try (OpenTransaction<Void> deploying = OpenTransaction.begin(transactions, () -> {
			ResponseEntity<DeployResponse> deployed = controller.deployXml(opened, first, RaceProbe.ADMIN, null);
			assertThat(deployed.getStatusCode()).as(deployed.getBody().message()).isEqualTo(HttpStatus.OK);
		})) {
			Future<HttpResponse<String>> meanwhile = deploying.meanwhile(() -> colleague.sendBody("POST",
					"/admin/models/processes/" + opened + "/xml", HttpRequest.BodyPublishers.ofString(second),
					"application/xml", meta(page, "_csrf_header"), meta(page, "_csrf")));
			assertThat(deploying.stillWaiting(meanwhile)).as("the second deployment waits for the first").isTrue();
			deploying.commit();
			refused = OpenTransaction.outcome(meanwhile);
		}

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("您编辑的是版本 1", "最新版本是版本 2", "会撤销版本 2 中的修改");
		assertThat(RaceProbe.latestModel(repository, KEY)).as("the first change stands").isEqualTo(first);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
			.as("nothing of the second deployment")
			.isEqualTo(2);
		assertThat(RaceProbe.keptDeployments(jdbc, KEY)).as("kept and audited").isEqualTo(2);
	}

	/**
	 * A deployment through another door, the engine's own API as Camunda Modeler's REST
	 * call reaches it, still to commit: an administrator's edit of the version before it
	 * waits for it, then is told of it, instead of checking against what is about to be
	 * out of date and undoing it.
	 */
	@Test
	void anEditDeployedWhileADeploymentFromAnotherDoorIsStillToCommitWaitsAndIsToldOfIt() throws Exception {
		assertThat(deployments.deploy(DemoUsers.ADMIN, RaceProbe.file(OTHER_DOOR_KEY, "初审")).deployed()).isTrue();
		String opened = RaceProbe.latestId(repository, OTHER_DOOR_KEY);
		String fromModeler = RaceProbe.model(OTHER_DOOR_KEY, "初审（建模工具修改）");
		String edit = RaceProbe.model(OTHER_DOOR_KEY, "初审（页面修改）");
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/models/processes/" + opened).body();

		HttpResponse<String> refused;
		try (OpenTransaction<Void> deploying = OpenTransaction.begin(transactions,
				() -> repository.createDeployment()
					.name("modeler")
					.addString(OTHER_DOOR_KEY + ".bpmn", fromModeler)
					.deploy())) {
			Future<HttpResponse<String>> meanwhile = deploying.meanwhile(() -> admin.sendBody("POST",
					"/admin/models/processes/" + opened + "/xml", HttpRequest.BodyPublishers.ofString(edit),
					"application/xml", meta(page, "_csrf_header"), meta(page, "_csrf")));
			assertThat(deploying.stillWaiting(meanwhile)).as("the page's deployment waits for the other door's")
				.isTrue();
			deploying.commit();
			refused = OpenTransaction.outcome(meanwhile);
		}

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("您编辑的是版本 1", "最新版本是版本 2");
		assertThat(RaceProbe.latestModel(repository, OTHER_DOOR_KEY)).as("the other door's change stands")
			.isEqualTo(fromModeler);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(OTHER_DOOR_KEY).count()).isEqualTo(2);
	}

	/**
	 * The other way round, through the REST API's real door: Camunda Modeler's deployment
	 * waits while an administrator's deployment from the page is still to commit, then
	 * deploys after it, as the next version.
	 */
	@Test
	void aDeploymentThroughTheRestApiWaitsForAnAdministratorsDeploymentStillToCommit() throws Exception {
		assertThat(deployments.deploy(DemoUsers.ADMIN, RaceProbe.file(REST_KEY, "初审")).deployed()).isTrue();
		String opened = RaceProbe.latestId(repository, REST_KEY);
		String edit = RaceProbe.model(REST_KEY, "初审（页面修改）");
		String fromModeler = RaceProbe.model(REST_KEY, "初审（建模工具修改）");
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		EquipmentLists.Multipart body = EquipmentLists.multipart(REST_KEY + ".bpmn",
				fromModeler.getBytes(StandardCharsets.UTF_8), "deployment-name", "modeler-race");

		HttpResponse<String> deployed;
		try (OpenTransaction<Void> deploying = OpenTransaction.begin(transactions, () -> {
			ResponseEntity<DeployResponse> page = controller.deployXml(opened, edit, RaceProbe.ADMIN, null);
			assertThat(page.getStatusCode()).as(page.getBody().message()).isEqualTo(HttpStatus.OK);
		})) {
			Future<HttpResponse<String>> meanwhile = deploying
				.meanwhile(() -> modeler.post("/engine-rest/deployment/create",
						HttpRequest.BodyPublishers.ofByteArray(body.body()), body.contentType()));
			assertThat(deploying.stillWaiting(meanwhile)).as("the REST deployment waits for the page's").isTrue();
			deploying.commit();
			deployed = OpenTransaction.outcome(meanwhile);
		}

		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		assertThat(repository.createProcessDefinitionQuery()
			.processDefinitionKey(REST_KEY)
			.latestVersion()
			.singleResult()
			.getVersion()).as("each a version of its own").isEqualTo(3);
		assertThat(RaceProbe.latestModel(repository, REST_KEY)).isEqualTo(fromModeler);
	}

	/**
	 * Two deployments of a model nobody deployed before, through other doors, at once. On
	 * H2 the engine takes no deployment lock of its own: each used to read "no version
	 * yet" and both made version 1. The second now waits for the first and makes version
	 * 2, and both files are kept.
	 */
	@Test
	void twoDeploymentsOfANewModelThroughOtherDoorsAtOnceMakeVersionsOneAndTwo() throws Exception {
		String first = RaceProbe.model(NEW_KEY, "初审（甲）");
		String second = RaceProbe.model(NEW_KEY, "初审（乙）");
		org.camunda.bpm.engine.repository.Deployment later;
		try (OpenTransaction<Void> deploying = OpenTransaction.begin(transactions,
				() -> repository.createDeployment().name("modeler").addString(NEW_KEY + ".bpmn", first).deploy())) {
			Future<org.camunda.bpm.engine.repository.Deployment> meanwhile = deploying.meanwhile(
					() -> repository.createDeployment().name("modeler").addString(NEW_KEY + ".bpmn", second).deploy());
			assertThat(deploying.stillWaiting(meanwhile)).as("the second deployment waits").isTrue();
			deploying.commit();
			later = OpenTransaction.outcome(meanwhile);
		}

		assertThat(repository.createProcessDefinitionQuery()
			.processDefinitionKey(NEW_KEY)
			.orderByProcessDefinitionVersion()
			.asc()
			.list()
			.stream()
			.map(d -> d.getVersion() + " " + d.getDeploymentId().equals(later.getId()))
			.toList()).containsExactly("1 false", "2 true");
		assertThat(RaceProbe.latestModel(repository, NEW_KEY)).isEqualTo(second);
		assertThat(RaceProbe.keptDeployments(jdbc, NEW_KEY)).as("kept and audited").isEqualTo(2);
	}

	private static String meta(String page, String name) {
		Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("meta " + name).isTrue();
		return m.group(1);
	}

}
