package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The engine's refusals often quote what the caller sent (a message name, a variable).
 * Before such a text is shown it is judged for signs of SQL or of the JVM; that judgement
 * must take time in proportion to the text, or one signed-in user with a text of "select
 * select select …" keeps a core busy for minutes with each request.
 */
@WebIntegrationTest
class ErrorTextTimeTest {

	/** 100,000 characters: some 25 s of one core each under the old patterns. */
	private static final String QUOTED = "select update ".repeat(100_000 / 14);

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRefusalQuotingALongMessageNameIsAnsweredAtOnce() throws Exception {
		assertAnsweredQuickly("/engine-rest/message", "{\"messageName\":\"" + QUOTED + "\"}");
	}

	@Test
	void theSameAtTheEnginesOtherSpelling() throws Exception {
		assertAnsweredQuickly("/engine-rest/engine/default/message", "{\"messageName\":\"" + QUOTED + "\"}");
	}

	/** The webapps' API (Tasklist's session), whose failures are answered by a filter. */
	@Test
	void theSameAtTheWebappApi() {
		EngineDoors.Caller caller = EngineDoors.caller(port, EngineDoors.Door.WEBAPP_API, DemoUsers.COUNTY_REVIEWER);
		// The webapps' API starts on its first request; that is not what is measured.
		caller.client()
			.postJson(EngineDoors.Door.WEBAPP_API.root + "/message", "{\"messageName\":\"warm-up\"}", caller.headers());
		long started = System.nanoTime();
		HttpResponse<String> response = caller.client()
			.postJson(EngineDoors.Door.WEBAPP_API.root + "/message", "{\"messageName\":\"" + QUOTED + "\"}",
					caller.headers());
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(millis).as("answered in ms").isLessThan(3_000);
	}

	private void assertAnsweredQuickly(String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(90))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((DemoUsers.BANK_OFFICER + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println(path + " -> " + response.statusCode() + " in " + millis + " ms: "
				+ response.body().substring(0, Math.min(300, response.body().length())));
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(millis).as("answered in ms").isLessThan(3_000);
	}

}
