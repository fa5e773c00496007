package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Registration as JSON: 201 with the enterprise, or RFC 7807 problem details naming each
 * wrong field.
 */
@WebIntegrationTest
class RegistrationApiTest {

	private static final String PATH = "/api/enterprises/registrations";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identity;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersAnEnterprisePendingActivation() throws Exception {
		String code = freshCreditCode("371525");
		String userId = freshUserId();

		HttpResponse<String> response = post(Registrations.validForm(code, userId));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("creditCode").asText()).isEqualTo(code);
		assertThat(body.path("userId").asText()).isEqualTo(userId);
		assertThat(body.path("status").asText()).isEqualTo("PENDING");
		assertThat(body.path("statusLabel").asText()).isEqualTo("待激活");
		assertThat(body.path("activatingBureau").asText()).isEqualTo("冠县工业和信息化局");
		assertThat(body.has("password")).isFalse();
		assertThat(registry.findByUser(userId))
			.hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(body.path("id").asLong()));
	}

	@Test
	void listsEveryWrongFieldAsProblemDetails() throws Exception {
		String userId = freshUserId();
		Map<String, String> request = new java.util.HashMap<>(Registrations.validForm("91371525MA3CB7K21F", userId));
		request.put("contactPhone", "phone");
		request.put("password", "short");
		request.remove("industry");

		HttpResponse<String> response = post(request);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asText()).isEqualTo("注册信息有误");
		List<String> fields = problem.path("errors").findValuesAsText("field");
		assertThat(fields).containsExactly("creditCode", "industry", "contactPhone", "password", "confirmPassword");
		assertThat(messageOf(problem, "creditCode")).isEqualTo("该统一社会信用代码已注册");
		assertThat(messageOf(problem, "industry")).isEqualTo("请填写所属行业");
		assertThat(messageOf(problem, "password")).contains("至少 10 位");
		assertThat(identity.createUserQuery().userId(userId).count()).isZero();
	}

	/**
	 * A code issued in another county asks, in the problem, which move to confirm;
	 * confirmed with movedInto, the enterprise registers in the chosen county with the
	 * move on record, and says so in its answer.
	 */
	@Test
	void aCodeOfAnotherCountyAsksForTheMoveAndRegistersOnceItIsConfirmed() throws Exception {
		String code = freshCreditCode("371502");
		String userId = freshUserId();
		Map<String, String> request = new java.util.HashMap<>(Registrations.validForm(code, userId));
		request.put("divisionCode", "371503");

		HttpResponse<String> asked = post(request);

		assertThat(asked.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(asked.body());
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("divisionCode");
		assertThat(messageOf(problem, "divisionCode")).startsWith("统一社会信用代码第 3–8 位为 371502（东昌府区），与所选的茌平区不一致");
		assertThat(problem.path("detail").asText()).contains("如企业确已从东昌府区迁入茌平区（营业执照住所在茌平区）")
			.contains("\"movedInto\": \"371503\"")
			.contains("茌平区工业和信息化局激活前将核验营业执照住所");
		JsonNode relocation = problem.path("relocation");
		assertThat(relocation.path("issuedIn").asText()).isEqualTo("371502");
		assertThat(relocation.path("issuedInName").asText()).isEqualTo("东昌府区");
		assertThat(relocation.path("movedInto").asText()).isEqualTo("371503");
		assertThat(relocation.path("declaration").asText()).isEqualTo("本企业已从东昌府区迁入茌平区（营业执照住所在茌平区）");
		assertThat(registry.findByUser(userId)).isEmpty();

		request.put("movedInto", "371503");
		HttpResponse<String> registered = post(request);

		assertThat(registered.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(registered.body());
		assertThat(body.path("divisionCode").asText()).isEqualTo("371503");
		assertThat(body.path("activatingBureau").asText()).isEqualTo("茌平区工业和信息化局");
		assertThat(body.path("movedFrom").asText()).isEqualTo("东昌府区");
		assertThat(movedFrom(code)).isEqualTo("371502");
	}

	@Test
	void aMoveConfirmedWhereCodeAndCountyAgreeIsIgnored() throws Exception {
		String code = freshCreditCode("371525");
		Map<String, String> request = new java.util.HashMap<>(Registrations.validForm(code, freshUserId()));
		request.put("movedInto", "371525");

		HttpResponse<String> response = post(request);

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(json.readTree(response.body()).hasNonNull("movedFrom")).isFalse();
		assertThat(movedFrom(code)).isNull();
	}

	@Test
	void refusesARequestWithoutCsrfToken() {
		HttpResponse<String> response = new WebClient(port).postJson(PATH,
				"{\"creditCode\":\"" + freshCreditCode("371525") + "\"}");
		assertThat(response.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> post(Map<String, String> request) throws Exception {
		WebClient client = new WebClient(port);
		String token = WebClient.csrfTokenOf(client.get("/register").body());
		return client.postJson(PATH, json.writeValueAsString(request), "X-CSRF-TOKEN", token, "Accept",
				"application/json, application/problem+json");
	}

	private String movedFrom(String code) {
		List<String> found = jdbc.sql("SELECT moved_from_division FROM enterprise WHERE credit_code = ?")
			.param(code)
			.query((rs, row) -> rs.getString(1))
			.list();
		assertThat(found).as("the enterprise of %s", code).hasSize(1);
		return found.get(0);
	}

	private static String messageOf(JsonNode problem, String field) {
		for (JsonNode error : problem.path("errors")) {
			if (error.path("field").asText().equals(field)) {
				return error.path("message").asText();
			}
		}
		return null;
	}

}
