package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The last step of the enterprise guide's API session: with a personal API token, the
 * enterprise lists the decisions of its decided case and downloads the signed PDF;
 * another enterprise's token gets nothing.
 */
@WebIntegrationTest
class DecisionDownloadWithTokenTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	DecisionDownloadWithTokenTest(ApplicationContext context) {
		super(context);
	}

	@AfterEach
	void revokeTheTokens() {
		jdbc.sql(
				"UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP, slot = NULL WHERE user_id IN (?, ?) AND revoked_at IS NULL")
			.params(DemoUsers.ENTERPRISE, DemoUsers.OTHER_ENTERPRISE)
			.update();
	}

	@Test
	void anEnterpriseDownloadsItsSignedDecisionWithAToken() throws Exception {
		long project = review.registeredProject(4);
		String token = token(DemoUsers.ENTERPRISE);
		String intruder = token(DemoUsers.OTHER_ENTERPRISE);

		HttpResponse<String> decisions = get("/api/applications/" + project + "/decisions", token,
				HttpResponse.BodyHandlers.ofString());
		JsonNode first = JSON.readTree(decisions.body()).get(0);
		HttpResponse<byte[]> pdf = get("/api/applications/" + project + "/decisions/" + first.get("id").asLong(), token,
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(decisions.statusCode()).isEqualTo(200);
		assertThat(first.get("number").asText()).isNotBlank();
		assertThat(first.has("fileId")).as("the store's id, one sequence for every party's files").isFalse();
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(pdf.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(get("/api/applications/" + project + "/decisions/" + first.get("id").asLong(), intruder,
				HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	private String token(String user) throws IOException {
		HttpResponse<String> created = new WebClient(port).withBasic(user, DemoUsers.PASSWORD)
			.postJson("/api/tokens", "{\"name\":\"决定书下载\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).get("token").asText();
	}

	private <T> HttpResponse<T> get(String path, String token, HttpResponse.BodyHandler<T> handler) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), handler);
	}

}
