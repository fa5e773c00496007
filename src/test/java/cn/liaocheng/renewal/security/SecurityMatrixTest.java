package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Every kind of user against every door: the portal, the application API, the Camunda
 * REST API and the three webapps. A cell is "allowed" when the response is 2xx and
 * "refused" when it is 401/403 or a redirect to login.
 */
@WebIntegrationTest
class SecurityMatrixTest {

	private static final String ANONYMOUS = "anonymous";

	@LocalServerPort
	int port;

	enum Door {

		PORTAL("/"), APP_API("/api/me"), ENGINE_REST("/engine-rest/task/count"),
		TASKLIST("/camunda/app/tasklist/default/"), TASKLIST_API("/camunda/api/engine/engine/default/task/count"),
		COCKPIT("/camunda/app/cockpit/default/"), ADMIN("/camunda/app/admin/default/"), METRICS("/actuator/prometheus"),
		STATISTICS("/statistics");

		final String path;

		Door(String path) {
			this.path = path;
		}

	}

	static Stream<Arguments> matrix() {
		// user, door, allowed
		return Stream.of(
				// The start page is open to visitors (the programme, the guide, the
				// bureaus' phones: WelcomePageTest).
				row(ANONYMOUS, true, false, false, false, false, false, false, false, false),
				row(DemoUsers.ENTERPRISE, true, true, false, false, false, false, false, false, false),
				row(DemoUsers.COUNTY_REVIEWER, true, true, true, true, true, false, false, false, true),
				row(DemoUsers.CITY_REVIEWER, true, true, true, true, true, false, false, false, true),
				row(DemoUsers.BANK_OFFICER, true, true, true, true, true, false, false, false, false),
				row(DemoUsers.ADMIN, true, true, true, true, true, true, true, true, true))
			.flatMap(s -> s);
	}

	private static Stream<Arguments> row(String user, boolean... allowed) {
		Door[] doors = Door.values();
		return Stream.iterate(0, i -> i + 1).limit(doors.length).map(i -> Arguments.of(user, doors[i], allowed[i]));
	}

	@ParameterizedTest(name = "{0} → {1}: allowed={2}")
	@MethodSource("matrix")
	void eachUserOpensOnlyTheDoorsOfTheirRole(String user, Door door, boolean allowed) {
		WebClient client = clientFor(user);
		HttpResponse<String> response = client.get(door.path);
		if (allowed) {
			assertThat(response.statusCode()).as("%s %s", user, door.path).isBetween(200, 299);
		}
		else {
			assertThat(isRefused(response)).as("%s %s → %s", user, door.path, response.statusCode()).isTrue();
		}
	}

	static Stream<Arguments> deployers() {
		return Stream.of(Arguments.of(ANONYMOUS, false), Arguments.of(DemoUsers.ENTERPRISE, false),
				Arguments.of(DemoUsers.COUNTY_REVIEWER, false), Arguments.of(DemoUsers.CITY_REVIEWER, false),
				Arguments.of(DemoUsers.BANK_OFFICER, false), Arguments.of(DemoUsers.ADMIN, true));
	}

	@ParameterizedTest(name = "{0} deploys through /engine-rest: allowed={1}")
	@MethodSource("deployers")
	void onlyAdministratorsDeployThroughTheRestApiAsCamundaModelerDoes(String user, boolean allowed) {
		WebClient client = new WebClient(port);
		if (!ANONYMOUS.equals(user)) {
			client.withBasic(user, DemoUsers.PASSWORD);
		}
		String boundary = "----renewal" + System.nanoTime();
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MatrixProbe" targetNamespace="probe">
				  <bpmn:process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Probe"/>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe-"
				+ user + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"matrix-probe.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
				+ bpmn + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = client.post("/engine-rest/deployment/create",
				HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
				"multipart/form-data; boundary=" + boundary);
		if (allowed) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("deployedProcessDefinitions");
		}
		else {
			assertThat(isRefused(response)).as("%s → %s", user, response.statusCode()).isTrue();
		}
	}

	/**
	 * The deployment doors at the engine's other spellings meet the same rule as
	 * {@code /engine-rest/deployment}: refused to a reviewer before the engine.
	 */
	@Test
	void deploymentIsForAdministratorsAtEverySpellingOfItsPath() {
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		for (String path : List.of("/engine-rest/engine/default/deployment/create",
				"/camunda/api/engine/engine/default/deployment/create", "/engine-rest/deployment/create")) {
			HttpResponse<String> response = reviewer.post(path, HttpRequest.BodyPublishers.ofString("x"),
					"multipart/form-data; boundary=b");
			assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(403);
			assertThat(response.body()).as(path)
				.doesNotContain("InvalidRequestException", "deployedProcessDefinitions");
		}
		assertThat(reviewer.sendJson("DELETE", "/camunda/api/engine/engine/default/deployment/any-id", "").statusCode())
			.isEqualTo(403);
	}

	@Test
	void reviewersCannotListUsersOrCreateThemThroughTheRestApi() {
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<String> create = reviewer.postJson("/engine-rest/user/create",
				"{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},\"credentials\":{\"password\":\"Zq9#mbv4TT0p\"}}");
		assertThat(create.statusCode()).isEqualTo(403);
		HttpResponse<String> users = reviewer.get("/engine-rest/user?id=admin");
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.body()).isEqualTo("[]");
	}

	/**
	 * No Basic challenge, so no browser asks for a password and then resends it with a
	 * foreign site's request (Basic calls are exempt from CSRF): API clients send their
	 * credentials unasked.
	 */
	@Test
	void theRestApiRefusesWithoutAskingABrowserForAPassword() {
		for (HttpResponse<String> refused : List.of(new WebClient(port).get("/engine-rest/task"),
				new WebClient(port).withBasic("no-such-account", "wrong-password").get("/engine-rest/task"),
				new WebClient(port).get("/engine-rest/deployment"))) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).as(refused.uri().toString()).isEmpty();
		}
		assertThat(new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD)
			.get("/engine-rest/deployment")
			.statusCode()).as("credentials sent unasked").isEqualTo(200);
	}

	@Test
	void enterprisesNeverReachTheReviewersDossierViewEvenForTheirOwnCase() {
		assertThat(clientFor(DemoUsers.ENTERPRISE).get("/review/applications/1").statusCode()).isEqualTo(403);
		assertThat(isRefused(new WebClient(port).get("/review/applications/1"))).isTrue();
	}

	@Test
	void healthIsPublicButShowsNoDetailsToStrangers() {
		HttpResponse<String> health = new WebClient(port).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("processEngine");
	}

	@Test
	void administratorsSeeTheHealthOfDatabaseEngineAndJobExecutor() {
		HttpResponse<String> health = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD)
			.get("/actuator/health");
		assertThat(health.body()).contains("\"db\"", "\"processEngine\"", "\"jobExecutor\"");
	}

	@Test
	void everyResponseCarriesARequestId() {
		HttpResponse<String> response = new WebClient(port).get("/login");
		assertThat(response.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThan(7));
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefused() {
		WebClient client = clientFor(DemoUsers.ENTERPRISE);
		HttpResponse<String> response = client.postForm("/logout", "");
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSite() {
		WebClient client = new WebClient(port);
		client.get("/login");
		String token = WebClient.csrfTokenOf(client.get("/login").body());
		HttpResponse<String> login = client.postForm("/login",
				"username=" + DemoUsers.ENTERPRISE + "&password=" + DemoUsers.PASSWORD + "&_csrf=" + token);
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				c -> assertThat(c).startsWith("RENEWAL_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
	}

	private WebClient clientFor(String user) {
		WebClient client = new WebClient(port);
		if (!ANONYMOUS.equals(user)) {
			HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
			assertThat(login.statusCode()).as("login of %s", user).isEqualTo(302);
			assertThat(login.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		}
		return client;
	}

	private static boolean isRefused(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			return true;
		}
		return status == 302 && response.headers().firstValue("Location").map(l -> l.endsWith("/login")).orElse(false);
	}

}
