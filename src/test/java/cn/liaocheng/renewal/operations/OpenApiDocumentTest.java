package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The OpenAPI document tells a client what the system is, how to authenticate and how the
 * main calls look.
 */
@WebIntegrationTest
class OpenApiDocumentTest {

	@LocalServerPort
	int port;

	private JsonNode doc;

	@BeforeEach
	void readTheDocument() throws IOException {
		HttpResponse<String> response = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		doc = new ObjectMapper().readTree(response.body());
	}

	@Test
	void theDocumentNamesTheSystemItsVersionAndHowToAuthenticate() {
		assertThat(doc.at("/info/title").asText()).isEqualTo("聊城市工业领域设备更新审批系统 API");
		assertThat(doc.at("/info/version").asText()).isEqualTo("v1");
		assertThat(doc.at("/info/description").asText()).contains("API 令牌", "Authorization: Bearer", "X-CSRF-TOKEN",
				"Idempotency-Key");
	}

	@Test
	void theSecuritySchemesAreBearerTokenBasicAndSessionWithCsrf() {
		JsonNode schemes = doc.at("/components/securitySchemes");
		assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
		assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
		assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
		assertThat(schemes.at("/session/in").asText()).isEqualTo("cookie");
		assertThat(schemes.at("/session/name").asText()).isEqualTo("RENEWAL_SESSION");
		assertThat(schemes.at("/csrf/in").asText()).isEqualTo("header");
		assertThat(schemes.at("/csrf/name").asText()).isEqualTo("X-CSRF-TOKEN");
		assertThat(doc.get("security").toString())
			.isEqualTo("[{\"bearer\":[]},{\"basic\":[]},{\"session\":[],\"csrf\":[]}]");
	}

	@Test
	void tokenManagementIsNotOfferedToBearerTokens() {
		for (JsonNode operation : operations("/api/tokens")) {
			assertThat(operation.get("security").toString()).doesNotContain("bearer").contains("basic", "session");
		}
	}

	@Test
	void aNewTokenIsDocumentedAsCreated() {
		JsonNode create = doc.at("/paths/~1api~1tokens/post");
		assertThat(create.at("/responses/200").isMissingNode()).isTrue();
		assertThat(create.at("/responses/201/content/application~1json/examples/example/value/token").asText())
			.startsWith("lcr_");
	}

	@Test
	void noStaffOrInternalEndpointIsAdvertised() {
		List<String> paths = new ArrayList<>();
		doc.get("paths").fieldNames().forEachRemaining(paths::add);

		assertThat(paths).contains("/api/applications", "/api/applications/{id}", "/api/applications/{id}/submit",
				"/api/applications/{id}/attachments", "/api/tokens", "/api/me");
		assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/")
			.doesNotStartWith("/api/county")
			.doesNotStartWith("/api/review")
			.doesNotStartWith("/api/statistics")
			.doesNotStartWith("/api/ledger"));
	}

	/**
	 * A client that registers an enterprise which moved county learns from the document
	 * how to confirm the move: the field, its value, and what the county checks.
	 */
	@Test
	void theRegistrationTellsHowAnEnterpriseThatMovedCountyConfirmsIt() {
		JsonNode register = doc.at("/paths/~1api~1enterprises~1registrations/post");
		assertThat(register.get("description").asText()).contains("movedInto", "核验营业执照住所");
		assertThat(register.at("/responses/400/description").asText()).contains("relocation", "movedInto");
		assertThat(doc.at("/components/schemas/RegistrationRequest/properties/movedInto/description").asText())
			.contains("须与 divisionCode 相同");
		assertThat(doc.at("/components/schemas/RegisteredEnterprise/properties/movedFrom/description").asText())
			.contains("核验营业执照住所");
	}

	@Test
	void theMainEnterpriseCallsCarryWorkedExamples() {
		JsonNode create = doc.at("/paths/~1api~1applications/post");
		assertThat(create.at("/requestBody/content/application~1json/examples/project/value/projectName").asText())
			.isEqualTo("冠县轴承生产线智能化改造项目");
		assertThat(create.at("/responses/201/content/application~1json/examples/example/value/summary/status").asText())
			.isEqualTo("DRAFT");
		assertThat(header(create, "Idempotency-Key").get("example").asText()).isEqualTo("draft-2026-0001");
		assertThat(create.at("/responses/200").isMissingNode()).isTrue();

		JsonNode upload = doc.at("/paths/~1api~1applications~1{id}~1attachments/post");
		assertThat(header(upload, "Idempotency-Key").get("example").asText()).isEqualTo("licence-2026-0001");
		assertThat(upload.at("/responses/201/content/application~1json/examples/example/value/sha256").asText())
			.hasSize(64);

		assertThat(doc
			.at("/paths/~1api~1applications~1{id}~1submit/post/responses/200/content/application~1json/examples"
					+ "/example/value/referenceNo")
			.asText()).startsWith("XM-");
		assertThat(doc
			.at("/paths/~1api~1applications/get/responses/200/content/application~1json/examples/example/value/0/title")
			.asText()).contains("项目入库申请");
		assertThat(doc
			.at("/paths/~1api~1applications~1{id}/get/responses/200/content/application~1json/examples/example"
					+ "/value/attachments/0/category")
			.asText()).isEqualTo("BUSINESS_LICENCE");
	}

	@Test
	void theDossierIsDocumentedInItsOneFlatShapeForEveryKind() {
		assertThat(doc.at("/components/schemas/ApplicationDetail/properties/dossier/$ref").asText())
			.isEqualTo("#/components/schemas/Dossier");
		List<String> fields = new ArrayList<>();
		doc.at("/components/schemas/Dossier/properties").fieldNames().forEachRemaining(fields::add);
		assertThat(fields).containsExactlyInAnyOrder("projectName", "policyTask", "location", "constructionStart",
				"constructionEnd", "totalInvestment", "equipmentInvestment", "needsNewLand", "needsEnergyUse",
				"needsEmissionQuota", "expectedOutputValue", "expectedEnergySaving", "otherBenefits", "projectId",
				"commissioningDate", "bankKeys", "loanAmount", "loanTermMonths", "loanPurpose", "equipment");
	}

	private List<JsonNode> operations(String path) {
		List<JsonNode> operations = new ArrayList<>();
		doc.at("/paths/" + path.replace("/", "~1")).forEach(operations::add);
		assertThat(operations).as(path).isNotEmpty();
		return operations;
	}

	private static JsonNode header(JsonNode operation, String name) {
		for (JsonNode parameter : operation.get("parameters")) {
			if ("header".equals(parameter.get("in").asText()) && name.equals(parameter.get("name").asText())) {
				return parameter;
			}
		}
		throw new AssertionError("no header " + name);
	}

}
