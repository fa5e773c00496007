package cn.liaocheng.renewal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
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
 * A deployment whose models have or had cases is never deleted by an administrator, by
 * any door; an unused one is, and the deletion is audited. Every deployed file is kept
 * byte for byte for administrators to download.
 */
@WebIntegrationTest
class DeploymentDeletionTest {

	private static final String REFUSAL = "该部署已有申报案件在用或用过，不能删除；如需停用请挂起流程定义";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeProbes() {
		identity.clearAuthentication();
		repository.createDeploymentQuery()
			.list()
			.stream()
			.filter(d -> repository.getDeploymentResourceNames(d.getId())
				.stream()
				.anyMatch(n -> n.startsWith("deletion-probe")))
			.forEach(d -> repository.deleteDeployment(d.getId(), true));
	}

	@Test
	void anAdministratorCannotDeleteADeploymentWithARunningCaseThroughTheEngineRestApi() {
		WebClient modeler = admin();
		String deployment = deploy(modeler, "deletion-probe-running.bpmn",
				TestModels.valid("deletion-probe-running", "Task_Review"));
		ProcessInstance running = runtime.startProcessInstanceByKey("deletion-probe-running");

		HttpResponse<String> response = modeler.send("DELETE",
				"/engine-rest/deployment/" + deployment + "?cascade=true", null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains(REFUSAL);
		assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
		assertThat(auditEntries("MODEL_DEPLOYMENT_DELETED", deployment)).isEmpty();
	}

	@Test
	void aDeploymentWhoseCasesAreOnlyInHistoryIsNotDeletedEitherNorItsProcessVersion() {
		WebClient modeler = admin();
		String deployment = deploy(modeler, "deletion-probe-history.bpmn",
				TestModels.valid("deletion-probe-history", "Task_Review"));
		ProcessInstance ended = runtime.startProcessInstanceByKey("deletion-probe-history");
		runtime.deleteProcessInstance(ended.getId(), "test");
		String definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();

		HttpResponse<String> byDeployment = modeler.send("DELETE",
				"/engine-rest/deployment/" + deployment + "?cascade=true", null);
		HttpResponse<String> byVersion = modeler.send("DELETE",
				"/engine-rest/process-definition/" + definition + "?cascade=true", null);

		assertThat(byDeployment.statusCode()).as(byDeployment.body()).isEqualTo(403);
		assertThat(byVersion.statusCode()).as(byVersion.body()).isEqualTo(403);
		assertThat(byVersion.body()).contains("该流程版本已有申报案件在用或用过，不能删除");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionId(definition).count()).isOne();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).count()).isOne();
	}

	@Test
	void theJavaApiInAnAdministratorsNameIsRefusedToo() {
		String deployment = deploy(admin(), "deletion-probe-java.bpmn",
				TestModels.valid("deletion-probe-java", "Task_Review"));
		runtime.startProcessInstanceByKey("deletion-probe-java");
		identity.setAuthentication(DemoUsers.ADMIN,
				identity.createGroupQuery().groupMember(DemoUsers.ADMIN).list().stream().map(Group::getId).toList());

		assertThatThrownBy(() -> repository.deleteDeployment(deployment, true))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining(REFUSAL);
		identity.clearAuthentication();
		assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
	}

	/**
	 * A form deployed on its own, whose latest version a running case's task uses, is not
	 * deleted; once a newer version of the form is deployed, the older one may go.
	 */
	@Test
	void aFormDeploymentWhoseLatestVersionTasksUseIsNotDeleted() {
		WebClient modeler = admin();
		String form = "{\"id\": \"deletion-probe-form\", \"type\": \"default\", \"components\": [{\"type\": \"textfield\","
				+ " \"key\": \"note\", \"label\": \"说明\"}]}";
		String formDeployment = deploy(modeler, "deletion-probe-form.form", form);
		deploy(modeler, "deletion-probe-form-user.bpmn", TestModels.valid("deletion-probe-form-user", "Task_Review")
			.replace(TestModels.FORM, "deletion-probe-form"));
		runtime.startProcessInstanceByKey("deletion-probe-form-user");

		HttpResponse<String> refused = modeler.send("DELETE",
				"/engine-rest/deployment/" + formDeployment + "?cascade=true", null);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("该部署中的表单是其最新版本，正被流程的审核任务使用");
		assertThat(repository.createDeploymentQuery().deploymentId(formDeployment).count()).isOne();

		deploy(modeler, "deletion-probe-form.form", form.replace("说明", "补充说明"));
		HttpResponse<String> older = modeler.send("DELETE",
				"/engine-rest/deployment/" + formDeployment + "?cascade=true", null);
		assertThat(older.statusCode()).as(older.body()).isEqualTo(204);
	}

	/**
	 * A process and its form deployed together by mistake, never used: the deployment
	 * goes with both, as no task elsewhere uses the form.
	 */
	@Test
	void anUnusedProcessDeployedWithItsOwnFormIsDeletedWithIt() {
		WebClient modeler = admin();
		Multipart body = new Multipart().field("deployment-name", "deletion-probe-pair")
			.file("deletion-probe-pair.bpmn", "deletion-probe-pair.bpmn",
					TestModels.valid("deletion-probe-pair", "Task_Review")
						.replace(TestModels.FORM, "deletion-probe-pair-form"))
			.file("deletion-probe-pair.form", "deletion-probe-pair.form",
					"{\"id\": \"deletion-probe-pair-form\", \"type\": \"default\", \"components\": []}");
		HttpResponse<String> deployed = modeler.post("/engine-rest/deployment/create", body.publisher(),
				body.contentType());
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		String deployment = Json.field(deployed.body(), "id");

		HttpResponse<String> response = modeler.send("DELETE",
				"/engine-rest/deployment/" + deployment + "?cascade=true", null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

	@Test
	void anUnusedDeploymentIsDeletedAndTheDeletionAudited() {
		WebClient modeler = admin();
		String model = TestModels.valid("deletion-probe-unused", "Task_Review");
		String deployment = deploy(modeler, "deletion-probe-unused.bpmn", model);

		HttpResponse<String> response = modeler.send("DELETE",
				"/engine-rest/deployment/" + deployment + "?cascade=true", null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isZero();
		assertThat(auditEntries("MODEL_DEPLOYMENT_DELETED", deployment)).singleElement()
			.satisfies(e -> assertThat(e).startsWith("admin ")
				.contains("deletion-probe-unused.bpmn", "sha256=" + sha256(model.getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void theDeployedBytesAreKeptAndAdministratorsDownloadThemAfterTheDeploymentIsGone() {
		WebClient modeler = admin();
		String first = TestModels.valid("deletion-probe-kept", "Task_Review");
		String second = TestModels.valid("deletion-probe-kept", "Task_Review", "Task_Approve");
		String one = deploy(modeler, "deletion-probe-kept.bpmn", first);
		String two = deploy(modeler, "deletion-probe-kept.bpmn", second);
		String three = deploy(modeler, "deletion-probe-kept.bpmn", second);
		assertThat(modeler.send("DELETE", "/engine-rest/deployment/" + one, null).statusCode()).isEqualTo(204);

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		HttpResponse<byte[]> download = admin.getBytes(fileUrl(one));

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
		assertThat(admin.getBytes(fileUrl(two)).body()).isEqualTo(second.getBytes(StandardCharsets.UTF_8));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM deployed_model_content WHERE sha256 = ?")
			.param(sha256(second.getBytes(StandardCharsets.UTF_8)))
			.query(Long.class)
			.single()).as("unchanged bytes are stored once").isOne();
		String page = admin.get("/admin/models").body();
		assertThat(section(page, one)).contains("deletion-probe-kept.bpmn", "新增", "（已删除）");
		assertThat(section(page, two)).contains("有改动").doesNotContain("（已删除）");
		assertThat(section(page, three)).contains("未改动");
	}

	@Test
	void onlyAdministratorsDownloadAndOnlyAFileOfThatDeployment() {
		WebClient modeler = admin();
		String one = deploy(modeler, "deletion-probe-a.bpmn", TestModels.valid("deletion-probe-a", "Task_Review"));
		String two = deploy(modeler, "deletion-probe-b.bpmn", TestModels.valid("deletion-probe-b", "Task_Review"));
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		assertThat(reviewer.getBytes(fileUrl(one)).statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.getBytes(fileUrl(one))
			.statusCode()).isIn(401, 403);
		assertThat(admin.getBytes("/admin/models/deployments/" + two + "/files/" + fileId(one)).statusCode())
			.isEqualTo(404);
		assertThat(admin.getBytes("/admin/models/deployments/no-such/files/" + fileId(one)).statusCode())
			.isEqualTo(404);
		assertThat(admin.getBytes("/admin/models/deployments/" + one + "/files/999999999").statusCode()).isEqualTo(404);
	}

	private WebClient admin() {
		return new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
	}

	private static String deploy(WebClient client, String file, String model) {
		HttpResponse<String> response = ModelValidationTest.createDeployment(client, file, model);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Json.field(response.body(), "id");
	}

	private long fileId(String deployment) {
		return jdbc.sql("SELECT id FROM deployed_model_file WHERE deployment_id = ?")
			.param(deployment)
			.query(Long.class)
			.single();
	}

	private String fileUrl(String deployment) {
		return "/admin/models/deployments/" + deployment + "/files/" + fileId(deployment);
	}

	/** The row of the deployments table for one deployment. */
	private static String section(String page, String deployment) {
		int start = page.indexOf("id=\"deployment-" + deployment + "\"");
		assertThat(start).as("deployment listed").isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private List<String> auditEntries(String action, String deployment) {
		return jdbc.sql("SELECT actor || ' ' || details FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, "deployment:" + deployment)
			.query(String.class)
			.list();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
