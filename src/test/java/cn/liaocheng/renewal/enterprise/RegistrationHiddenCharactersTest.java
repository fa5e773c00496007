package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.fieldError;
import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static cn.liaocheng.renewal.enterprise.Registrations.validForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise name with a bidi override (U+202E) would read backwards on the public
 * notice board and in signed decisions: both registration doors refuse it at its field,
 * and neither the enterprise nor its account is created.
 */
@WebIntegrationTest
class RegistrationHiddenCharactersTest {

	private static final String REVERSED_NAME = "冠县测试机械\u202E司公限有造制";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identity;

	@Autowired
	EnterpriseRegistry registry;

	@Test
	void theRegistrationPageRefusesABidiOverrideInTheNameAndCreatesNothing() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> form = validForm(code, userId);
		form.put("name", REVERSED_NAME);

		HttpResponse<String> page = Registrations.submit(new WebClient(port), form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(fieldError(page.body(), "name")).hasValue("企业名称含有改变文字方向的控制字符，请删除后重新输入");
		assertNothingStored(code, userId);
	}

	@Test
	void theRegistrationApiRefusesControlCharactersAndHalfASurrogatePairNamingEachField() throws Exception {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> request = validForm(code, userId);
		request.put("name", REVERSED_NAME);
		request.put("industry", "通用设备制造\u0000");
		request.put("contactName", "财务负责人\uD83D");

		HttpResponse<String> response = post(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("title").asText()).isEqualTo("注册信息有误");
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("name", "industry", "contactName");
		assertThat(problem.path("errors").findValuesAsText("message")).containsExactly("企业名称含有改变文字方向的控制字符，请删除后重新输入",
				"所属行业含有不可见的控制字符，请删除后重新输入", "联系人含有无法识别的字符（不完整的编码），请删除后重新输入");
		assertNothingStored(code, userId);
	}

	@Test
	void aNameWithCharactersBeyondTheBasicPlaneIsAccepted() throws Exception {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> request = validForm(code, userId);
		request.put("name", "冠县\uD840\uDC0B记机械制造有限公司");

		HttpResponse<String> response = post(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(registry.findByUser(userId))
			.hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("冠县\uD840\uDC0B记机械制造有限公司"));
	}

	private void assertNothingStored(String code, String userId) {
		assertThat(registry.findByCreditCode(new CreditCode(code))).isEmpty();
		assertThat(registry.findByUser(userId)).isEmpty();
		assertThat(identity.createUserQuery().userId(userId).count()).isZero();
	}

	/**
	 * As an API client: the JSON escapes keep a lone surrogate intact on the wire, as a
	 * hand-made request would.
	 */
	private HttpResponse<String> post(Map<String, String> request) throws Exception {
		WebClient client = new WebClient(port);
		String token = WebClient.csrfTokenOf(client.get("/register").body());
		String body = new ObjectMapper().writer()
			.with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
			.writeValueAsString(request);
		return client.postJson("/api/enterprises/registrations", body, "X-CSRF-TOKEN", token, "Accept",
				"application/json, application/problem+json");
	}

}
