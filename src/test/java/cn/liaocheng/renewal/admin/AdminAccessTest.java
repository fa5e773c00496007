package cn.liaocheng.renewal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/** Only administrators deploy or migrate, on every path. */
@WebIntegrationTest
class AdminAccessTest {

	private static final List<String> PAGES = List.of("/admin/models", "/admin/models/subsidy-application/migration",
			"/admin/models/processes/any/xml", "/admin/models/processes/any", "/admin/model-editor.js",
			"/admin/models/deployments/any/files/1");

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.COUNTY_REVIEWER, "lc-industry", DemoUsers.ENTERPRISE, DemoUsers.BANK_OFFICER })
	void nonAdministratorsAreRefusedOnEveryAdministrationPath(String user) {
		long deployments = repository.createDeploymentQuery().count();
		WebClient client = new WebClient(port);
		assertThat(client.login(user, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		String token = WebClient.csrfTokenOf(client.get("/").body());

		for (String page : PAGES) {
			assertThat(client.get(page).statusCode()).as(user + " GET " + page).isEqualTo(403);
		}
		Multipart upload = new Multipart().field("_csrf", token)
			.file("files", "x.bpmn", TestModels.valid("access-probe", "Task_A"));
		assertThat(client.post("/admin/models/upload", upload.publisher(), upload.contentType()).statusCode())
			.isEqualTo(403);
		assertThat(client
			.postForm("/admin/models/subsidy-application/migration/dry-run", "source=a&target=b&_csrf=" + token)
			.statusCode()).isEqualTo(403);
		assertThat(client
			.postForm("/admin/models/subsidy-application/migration", "source=a&target=b&instance=c&_csrf=" + token)
			.statusCode()).isEqualTo(403);

		WebClient modeler = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
		HttpResponse<String> rest = ModelValidationTest.createDeployment(modeler, "access-probe.bpmn",
				TestModels.valid("access-probe", "Task_A"));
		assertThat(rest.statusCode()).as(user + " deploys through the REST API").isEqualTo(403);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void anonymousVisitorsAreSentToLoginOrRefused() {
		WebClient anonymous = new WebClient(port);
		for (String page : PAGES) {
			HttpResponse<String> response = anonymous.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
		HttpResponse<String> rest = ModelValidationTest.createDeployment(anonymous, "access-probe.bpmn",
				TestModels.valid("access-probe", "Task_A"));
		assertThat(rest.statusCode()).as("refused before any deployment").isIn(401, 403);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("access-probe").count()).isZero();
	}

}
