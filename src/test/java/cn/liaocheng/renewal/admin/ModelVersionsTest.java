package cn.liaocheng.renewal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A valid change makes a new version that new cases use while running ones stay;
 * unchanged files make none.
 */
@WebIntegrationTest
class ModelVersionsTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeProbes() {
		repository.createDeploymentQuery()
			.list()
			.stream()
			.filter(d -> repository.getDeploymentResourceNames(d.getId())
				.stream()
				.anyMatch(n -> n.startsWith("versions-probe")))
			.forEach(d -> repository.deleteDeployment(d.getId(), true));
	}

	@Test
	void aValidChangeFromCamundaModelerMakesANewVersionThatNewCasesUseWhileRunningOnesStay() {
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		HttpResponse<String> first = ModelValidationTest.createDeployment(modeler, "versions-probe.bpmn",
				TestModels.valid("versions-probe", "Task_Review"));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		ProcessInstance running = runtime.startProcessInstanceByKey("versions-probe");

		HttpResponse<String> second = ModelValidationTest.createDeployment(modeler, "versions-probe.bpmn",
				TestModels.valid("versions-probe", "Task_Review", "Task_Approve"));

		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		ProcessInstance fresh = runtime.startProcessInstanceByKey("versions-probe");
		assertThat(definitionOf(fresh).getVersion()).isEqualTo(2);
		assertThat(definitionOf(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult())
			.getVersion()).isEqualTo(1);
		assertThat(auditEntries("MODEL_DEPLOYED", "deployment:" + Json.field(second.body(), "id"))).singleElement()
			.satisfies(e -> assertThat(e).contains("admin", "versions-probe.bpmn", "versions-probe 版本 2"));

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/models").body();
		assertThat(page).contains("id=\"process-versions-probe\"", "版本 2", "版本 1");
	}

	@Test
	void redeployingTheSameFilesMakesNoNewVersion() {
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String model = TestModels.valid("versions-probe-same", "Task_Review");
		String first = deployFiltered(modeler, model);
		long deployments = repository.createDeploymentQuery().count();

		String again = deployFiltered(modeler, model);

		assertThat(again).isEqualTo(first);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("versions-probe-same").count())
			.isEqualTo(1);

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		ModelValidationTest.upload(admin, "versions-probe-page.bpmn",
				TestModels.valid("versions-probe-page", "Task_Review"));
		HttpResponse<String> uploadedAgain = ModelValidationTest.upload(admin, "versions-probe-page.bpmn",
				TestModels.valid("versions-probe-page", "Task_Review"));
		assertThat(uploadedAgain.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/models").body()).contains("没有生成新版本");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("versions-probe-page").count())
			.isEqualTo(1);
	}

	/**
	 * An administrator restores on the page the file of an earlier version after Camunda
	 * Modeler deployed a newer one: the file becomes the latest version again, where it
	 * used to be answered "unchanged" with the newer version left in force.
	 */
	@Test
	void aFileRestoredAfterAnotherDoorDeployedANewerVersionBecomesTheLatestAgain() throws Exception {
		String key = "versions-probe-restore";
		String first = TestModels.valid(key, "Task_Review");
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		assertThat(ModelValidationTest.upload(admin, key + ".bpmn", first).statusCode()).isEqualTo(302);
		HttpResponse<String> modeler = ModelValidationTest.createDeployment(
				new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD), key + ".bpmn",
				TestModels.valid(key, "Task_Review", "Task_Approve"));
		assertThat(modeler.statusCode()).as(modeler.body()).isEqualTo(200);

		HttpResponse<String> restored = ModelValidationTest.upload(admin, key + ".bpmn", first);

		assertThat(restored.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/models").body()).contains("已部署：流程 " + key + " 版本 3").doesNotContain("没有生成新版本");
		assertThat(latestModel(key)).isEqualTo(first);
		assertThat(ModelValidationTest.upload(admin, key + ".bpmn", first).statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/models").body()).as("the same file again").contains("没有生成新版本");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(3);
	}

	/**
	 * The browser editor opened on version 1 while a colleague deployed version 2: the
	 * deployment is refused with who is newer, and goes through only when confirmed.
	 */
	@Test
	void anEditOfAVersionNoLongerTheLatestIsDeployedOnlyWhenConfirmed() throws Exception {
		String key = "versions-probe-editor";
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		assertThat(ModelValidationTest.createDeployment(modeler, key + ".bpmn", TestModels.valid(key, "Task_Review"))
			.statusCode()).isEqualTo(200);
		String opened = repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getId();
		assertThat(ModelValidationTest
			.createDeployment(modeler, key + ".bpmn", TestModels.valid(key, "Task_Review", "Task_Approve"))
			.statusCode()).isEqualTo(200);
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/models/processes/" + opened).body();
		String token = meta(page, "_csrf");
		String header = meta(page, "_csrf_header");
		String edited = TestModels.valid(key, "Task_Check");

		HttpResponse<String> refused = admin.sendBody("POST", "/admin/models/processes/" + opened + "/xml",
				java.net.http.HttpRequest.BodyPublishers.ofString(edited), "application/xml", header, token);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("您编辑的是版本 1", "最新版本是版本 2", "会撤销版本 2 中的修改");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(2);

		HttpResponse<String> confirmed = admin.sendBody("POST", "/admin/models/processes/" + opened + "/xml",
				java.net.http.HttpRequest.BodyPublishers.ofString(edited), "application/xml", header, token,
				"X-Replace-Newer", Json.field(refused.body(), "base"));

		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(latestModel(key)).isEqualTo(edited);
		String latestId = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getId();
		HttpResponse<String> fromLatest = admin.sendBody("POST", "/admin/models/processes/" + latestId + "/xml",
				java.net.http.HttpRequest.BodyPublishers.ofString(TestModels.valid(key, "Task_Check", "Task_Approve")),
				"application/xml", header, token);
		assertThat(fromLatest.statusCode()).as("edited from the latest: no question").isEqualTo(200);
	}

	/**
	 * The administrator confirms that the edit replaces version 2, and a colleague
	 * deploys version 3 before the confirmed deployment: the confirmation does not cover
	 * version 3, which the administrator has not seen; they are asked again.
	 */
	@Test
	void aConfirmationToReplaceANewerVersionDoesNotCoverOneDeployedAfterIt() throws Exception {
		String key = "versions-probe-confirmed";
		WebClient modeler = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		assertThat(ModelValidationTest.createDeployment(modeler, key + ".bpmn", TestModels.valid(key, "Task_Review"))
			.statusCode()).isEqualTo(200);
		String opened = repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getId();
		assertThat(ModelValidationTest
			.createDeployment(modeler, key + ".bpmn", TestModels.valid(key, "Task_Review", "Task_Approve"))
			.statusCode()).isEqualTo(200);
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/models/processes/" + opened).body();
		String edited = TestModels.valid(key, "Task_Check");
		String path = "/admin/models/processes/" + opened + "/xml";
		HttpResponse<String> asked = admin.sendBody("POST", path,
				java.net.http.HttpRequest.BodyPublishers.ofString(edited), "application/xml",
				meta(page, "_csrf_header"), meta(page, "_csrf"));
		assertThat(asked.statusCode()).isEqualTo(409);
		String second = Json.field(asked.body(), "base");
		assertThat(ModelValidationTest
			.createDeployment(modeler, key + ".bpmn", TestModels.valid(key, "Task_Review", "Task_Sign"))
			.statusCode()).isEqualTo(200);

		HttpResponse<String> askedAgain = admin.sendBody("POST", path,
				java.net.http.HttpRequest.BodyPublishers.ofString(edited), "application/xml",
				meta(page, "_csrf_header"), meta(page, "_csrf"), "X-Replace-Newer", second);

		assertThat(askedAgain.statusCode()).as(askedAgain.body()).isEqualTo(409);
		assertThat(askedAgain.body()).contains("最新版本是版本 3", "会撤销版本 3 中的修改");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(3);
		HttpResponse<String> confirmed = admin.sendBody("POST", path,
				java.net.http.HttpRequest.BodyPublishers.ofString(edited), "application/xml",
				meta(page, "_csrf_header"), meta(page, "_csrf"), "X-Replace-Newer",
				Json.field(askedAgain.body(), "base"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(latestModel(key)).isEqualTo(edited);
	}

	private String latestModel(String key) throws java.io.IOException {
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
		try (java.io.InputStream in = repository.getResourceAsStream(latest.getDeploymentId(),
				latest.getResourceName())) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private static String meta(String page, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"")
			.matcher(page);
		assertThat(m.find()).as("meta " + name).isTrue();
		return m.group(1);
	}

	@Test
	void theFilesDeployedAtStartAreNotDeployedAgainWhenUnchanged() {
		Deployment startup = repository.createDeploymentQuery()
			.list()
			.stream()
			.filter(d -> !"admin-models".equals(d.getName()))
			.filter(d -> repository.getDeploymentResourceNames(d.getId())
				.stream()
				.anyMatch(n -> n.endsWith("subsidy-application.bpmn")))
			.min(java.util.Comparator.comparing(Deployment::getDeploymentTime))
			.orElseThrow();
		long deployments = repository.createDeploymentQuery().count();
		org.camunda.bpm.engine.repository.DeploymentBuilder again = repository.createDeployment()
			.name(startup.getName())
			.source(startup.getSource())
			.enableDuplicateFiltering(false);
		for (String name : repository.getDeploymentResourceNames(startup.getId())) {
			again.addInputStream(name, repository.getResourceAsStream(startup.getId(), name));
		}

		Deployment result = again.deploy();

		assertThat(result.getId()).isEqualTo(startup.getId());
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	private String deployFiltered(WebClient client, String model) {
		Multipart body = new Multipart().field("deployment-name", "versions-probe-same")
			.field("enable-duplicate-filtering", "true")
			.field("deploy-changed-only", "true")
			.file("versions-probe-same.bpmn", "versions-probe-same.bpmn", model);
		HttpResponse<String> response = client.post("/engine-rest/deployment/create", body.publisher(),
				body.contentType());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Json.field(response.body(), "id");
	}

	private ProcessDefinition definitionOf(ProcessInstance instance) {
		return repository.getProcessDefinition(instance.getProcessDefinitionId());
	}

	private List<String> auditEntries(String action, String subject) {
		return jdbc.sql("SELECT actor || ' ' || details FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, subject)
			.query(String.class)
			.list();
	}

}
