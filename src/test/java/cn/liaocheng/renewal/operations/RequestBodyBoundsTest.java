package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A node runs with {@code -Xmx384m -XX:+ExitOnOutOfMemoryError}, and several readers take
 * a request body whole into memory before anything is decided: Spring's form filter (a
 * {@code PUT}, {@code PATCH} or {@code DELETE} with a form body, before anyone has logged
 * in), Jackson for every JSON body, and Camunda's REST API for every multipart body
 * (before it looks at who is asking). A body past its bound is refused, by its declared
 * length before it is read, or while it is read when it comes in chunks.
 */
@WebIntegrationTest
class RequestBodyBoundsTest {

	private static final int MB = 1 << 20;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Before login: Spring's form filter would read the whole body into one string. */
	@Test
	void aLargeFormBodyIsRefusedBeforeAnyoneHasLoggedIn() throws Exception {
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			HttpResponse<String> sized = send(method, "/", null, "application/x-www-form-urlencoded",
					HttpRequest.BodyPublishers.ofByteArray(filled(8 * MB)));
			assertThat(sized.statusCode()).as(method).isEqualTo(413);
			assertThat(sized.body()).contains("请求内容过大");
			HttpResponse<String> chunked = send(method, "/login", null, "application/x-www-form-urlencoded",
					chunks(8 * MB));
			assertThat(chunked.statusCode()).as(method + " in chunks").isEqualTo(413);
		}
	}

	/** An enterprise's JSON, on the API's own door and with an API token's door. */
	@Test
	void aLargeJsonBodyIsRefusedToAnEnterprise() throws Exception {
		byte[] json = jsonWithLongText(8 * MB);
		HttpResponse<String> sized = send("PUT", "/api/applications/1", DemoUsers.ENTERPRISE, "application/json",
				HttpRequest.BodyPublishers.ofByteArray(json));
		assertThat(sized.statusCode()).isEqualTo(413);
		assertThat(sized.body()).contains("请求内容过大", "2 MB");
		HttpResponse<String> chunked = send("POST", "/api/applications", DemoUsers.ENTERPRISE, "application/json",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)));
		assertThat(chunked.statusCode()).isEqualTo(413);
	}

	/** Staff at both roots of the engine's API, before the engine looks at the task. */
	@Test
	void aLargeBodyIsRefusedAtTheEngineApiToEveryStaffRole() throws Exception {
		for (String user : List.of(DemoUsers.BANK_OFFICER, DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER)) {
			HttpResponse<String> multipart = send("POST", "/engine-rest/task/no-such-task/attachment/create", user,
					"multipart/form-data; boundary=XX", HttpRequest.BodyPublishers.ofByteArray(multipart(24 * MB)));
			assertThat(multipart.statusCode()).as(user).isEqualTo(413);
			assertThat(multipart.body()).contains("请求内容过大", "16 MB");
			HttpResponse<String> variable = send("POST",
					"/engine-rest/engine/default/task/no-such-task/variables/x/data", user,
					"multipart/form-data; boundary=XX", HttpRequest.BodyPublishers.ofByteArray(multipart(24 * MB)));
			assertThat(variable.statusCode()).as(user + " other spelling").isEqualTo(413);
			HttpResponse<String> unsized = send("POST", "/engine-rest/task/no-such-task/attachment/create", user,
					"multipart/form-data; boundary=XX",
					HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(multipart(MB))));
			assertThat(unsized.statusCode()).as(user + " in chunks").isEqualTo(411);
			HttpResponse<String> comment = send("POST", "/engine-rest/task/no-such-task/comment/create", user,
					"application/json", HttpRequest.BodyPublishers.ofByteArray(jsonWithLongText(8 * MB)));
			assertThat(comment.statusCode()).as(user + " JSON").isEqualTo(413);
		}
	}

	/**
	 * The webapps' API (Tasklist's session with its XSRF header) reads multipart bodies
	 * with the same reader as {@code /engine-rest}.
	 */
	@Test
	void aLargeBodyIsRefusedAtTheWebappApi() {
		for (String user : List.of(DemoUsers.BANK_OFFICER, DemoUsers.COUNTY_REVIEWER)) {
			EngineDoors.Caller caller = EngineDoors.caller(port, EngineDoors.Door.WEBAPP_API, user);
			HttpResponse<String> multipart = caller.client()
				.sendBody("POST", EngineDoors.Door.WEBAPP_API.root + "/task/no-such-task/attachment/create",
						HttpRequest.BodyPublishers.ofByteArray(multipart(24 * MB)), "multipart/form-data; boundary=XX",
						caller.headers());
			assertThat(multipart.statusCode()).as(user).isEqualTo(413);
			HttpResponse<String> json = caller.client()
				.sendBody("POST", EngineDoors.Door.WEBAPP_API.root + "/task/no-such-task/comment/create",
						HttpRequest.BodyPublishers.ofByteArray(jsonWithLongText(4 * MB)), "application/json",
						caller.headers());
			assertThat(json.statusCode()).as(user + " JSON").isEqualTo(413);
		}
	}

	/**
	 * The doors open before login that take JSON (registration) or a form (login, in
	 * chunks too), and an administrator, who is bounded like everyone else.
	 */
	@Test
	void aLargeBodyIsRefusedAtTheOpenDoorsAndToAnAdministrator() throws Exception {
		HttpResponse<String> registration = send("POST", "/api/enterprises/registrations", null, "application/json",
				HttpRequest.BodyPublishers.ofByteArray(jsonWithLongText(4 * MB)));
		assertThat(registration.statusCode()).isEqualTo(413);
		HttpResponse<String> chunkedRegistration = send("POST", "/api/enterprises/registrations", null,
				"application/json; charset=UTF-8",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonWithLongText(4 * MB))));
		assertThat(chunkedRegistration.statusCode()).isEqualTo(413);
		HttpResponse<String> deployment = send("POST", "/engine-rest/deployment/create", DemoUsers.ADMIN,
				"multipart/form-data; boundary=XX", HttpRequest.BodyPublishers.ofByteArray(multipart(24 * MB)));
		assertThat(deployment.statusCode()).isEqualTo(413);
		HttpResponse<String> model = send("POST", "/admin/models/processes/no-such-model/xml", DemoUsers.ADMIN,
				"application/xml", HttpRequest.BodyPublishers.ofByteArray(filled(4 * MB)));
		assertThat(model.statusCode()).isEqualTo(413);
	}

	/**
	 * What the product itself sends stays well within the bounds: a dossier's JSON, and
	 * an upload of several files to the portal (Spring keeps those on disk).
	 */
	@Test
	void ordinaryBodiesPassAsBefore() throws Exception {
		HttpResponse<String> json = send("PUT", "/api/applications/999999", DemoUsers.ENTERPRISE, "application/json",
				HttpRequest.BodyPublishers.ofByteArray(jsonWithLongText(MB)));
		assertThat(json.statusCode()).isNotEqualTo(413).isNotEqualTo(503);
		HttpResponse<String> chunkedJson = send("PUT", "/api/applications/999999", DemoUsers.ENTERPRISE,
				"application/json",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonWithLongText(MB))));
		assertThat(chunkedJson.statusCode()).isEqualTo(json.statusCode());
		// Two files of 9 MB to the API's upload door: Spring reads it (to disk), within
		// its own limits, so the answer is the application's (no such application), not
		// 413.
		byte[] part = multipart(9 * MB);
		byte[] twoFiles = new byte[part.length * 2 - "--XX--\r\n".length()];
		int head = part.length - "--XX--\r\n".length();
		System.arraycopy(part, 0, twoFiles, 0, head);
		System.arraycopy(part, 0, twoFiles, head, part.length);
		HttpResponse<String> upload = send("POST", "/api/applications/999999/attachments", DemoUsers.ENTERPRISE,
				"multipart/form-data; boundary=XX", HttpRequest.BodyPublishers.ofByteArray(twoFiles));
		assertThat(upload.statusCode()).as(upload.body()).isNotIn(411, 413, 503);
		HttpResponse<String> task = send("GET", "/engine-rest/task/count", DemoUsers.BANK_OFFICER, null,
				HttpRequest.BodyPublishers.noBody());
		assertThat(task.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String path, String user, String contentType,
			HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static byte[] filled(int length) {
		byte[] bytes = new byte[length];
		java.util.Arrays.fill(bytes, (byte) 'a');
		return bytes;
	}

	/** A body sent in chunks, with no declared length. */
	private static HttpRequest.BodyPublisher chunks(int length) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(filled(length)));
	}

	/** Valid JSON whose text fields hold about {@code length} characters in all. */
	private static byte[] jsonWithLongText(int length) {
		String text = "a".repeat(length);
		return ("{\"otherBenefits\":\"" + text + "\",\"message\":\"" + "b" + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] multipart(int length) {
		InputStream parts = new SequenceInputStream(Collections.enumeration(List.of(
				new ByteArrayInputStream(
						("--XX\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.bin\"\r\n"
								+ "Content-Type: application/octet-stream\r\n\r\n")
							.getBytes(StandardCharsets.US_ASCII)),
				new ByteArrayInputStream(filled(length)),
				new ByteArrayInputStream("\r\n--XX--\r\n".getBytes(StandardCharsets.US_ASCII)))));
		try {
			return parts.readAllBytes();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
