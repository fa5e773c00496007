package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;

/**
 * One demo user at the other end of a real HTTP connection, for the end-to-end test: an
 * enterprise using {@code /api/applications}, or a reviewer doing in {@code /engine-rest}
 * exactly what Tasklist does (query, claim, submit-form). GET and POST go through
 * {@link WebClient} with Basic credentials; PUT, byte downloads and multipart bodies,
 * which it does not offer, go through a plain {@link HttpClient} with the same
 * credentials.
 */
final class Actor {

	static final ObjectMapper JSON = new ObjectMapper();

	/** How long any one asynchronous step (job executor, timers we fire) may take. */
	static final Duration STEP = Duration.ofSeconds(30);

	final String user;

	private final WebClient web;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String authorization;

	private Actor(int port, String user) {
		this.user = user;
		this.base = "http://localhost:" + port;
		this.web = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	static Actor as(int port, String user) {
		return new Actor(port, user);
	}

	// ---------------------------------------------------------------- plain HTTP

	HttpResponse<String> get(String path) {
		return web.get(path);
	}

	HttpResponse<String> postJson(String path, Object body, String... headers) {
		return web.postJson(path, json(body), headers);
	}

	HttpResponse<String> put(String path, Object body, String... headers) {
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json(body)));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<byte[]> getBytes(String path) {
		return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * A multipart/form-data POST with one file part named {@code file}, as a browser's
	 * upload form sends it.
	 */
	HttpResponse<String> upload(String path, String fileName, String mediaType, byte[] content) {
		String boundary = "----e2e" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + mediaType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return web.post(path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	/** GETs JSON and insists on 200. */
	JsonNode getJson(String path) {
		HttpResponse<String> r = get(path);
		assertThat(r.statusCode()).as("%s GET %s: %s", user, path, r.body()).isEqualTo(200);
		return parse(r.body());
	}

	// ---------------------------------------------------------------- Camunda REST, as
	// Tasklist uses it

	/**
	 * The tasks of an application (its business key, in every sub-process) this user may
	 * see, at one step.
	 */
	List<JsonNode> tasks(long applicationId, String taskDefinitionKey) {
		JsonNode list = getJson("/engine-rest/task?processInstanceBusinessKey=" + applicationId
				+ (taskDefinitionKey == null ? "" : "&taskDefinitionKey=" + taskDefinitionKey));
		List<JsonNode> result = new ArrayList<>();
		list.forEach(result::add);
		return result;
	}

	/**
	 * Waits for a task of the application at this step to appear in this user's task
	 * list.
	 */
	JsonNode awaitTask(long applicationId, String taskDefinitionKey) {
		return await(user + " sees " + taskDefinitionKey + " of application " + applicationId, () -> {
			List<JsonNode> found = tasks(applicationId, taskDefinitionKey);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	HttpResponse<String> claim(String taskId) {
		return postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
	}

	/**
	 * Claims this user's task at the step and completes it as Tasklist completes a
	 * Camunda Form: {@code POST /engine-rest/task/{id}/submit-form} with
	 * {@code {"variables": {name: {"value": …}}}}.
	 */
	String act(long applicationId, String taskDefinitionKey, String decision, String opinion,
			Map<String, Object> extra) {
		JsonNode task = awaitTask(applicationId, taskDefinitionKey);
		String id = task.get("id").asText();
		HttpResponse<String> claimed = claim(id);
		assertThat(claimed.statusCode()).as("%s claims %s: %s", user, taskDefinitionKey, claimed.body()).isEqualTo(204);
		ObjectNode variables = JSON.createObjectNode();
		variables.putObject("decision").put("value", decision);
		variables.putObject("opinion").put("value", opinion);
		extra.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
		ObjectNode body = JSON.createObjectNode();
		body.set("variables", variables);
		HttpResponse<String> submitted = postJson("/engine-rest/task/" + id + "/submit-form", body);
		assertThat(submitted.statusCode())
			.as("%s submits the form of %s: %s", user, taskDefinitionKey, submitted.body())
			.isIn(200, 204);
		return id;
	}

	String act(long applicationId, String taskDefinitionKey, String decision, String opinion) {
		return act(applicationId, taskDefinitionKey, decision, opinion, Map.of());
	}

	// ---------------------------------------------------------------- the enterprise's
	// API

	long createDraft(String kind, Object dossier) {
		HttpResponse<String> r = postJson("/api/applications?kind=" + kind, dossier, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(r.statusCode()).as("%s creates a %s draft: %s", user, kind, r.body()).isEqualTo(201);
		return parse(r.body()).at("/summary/id").asLong();
	}

	void attach(long applicationId, String category, byte[] pdf) {
		HttpResponse<String> r = upload("/api/applications/" + applicationId + "/attachments?category=" + category,
				category.toLowerCase() + ".pdf", "application/pdf", pdf);
		assertThat(r.statusCode()).as("%s uploads %s: %s", user, category, r.body()).isEqualTo(201);
	}

	JsonNode submit(long applicationId) {
		HttpResponse<String> r = postJson("/api/applications/" + applicationId + "/submit",
				Map.of("declarationConfirmed", true));
		assertThat(r.statusCode()).as("%s submits %d: %s", user, applicationId, r.body()).isEqualTo(200);
		return parse(r.body());
	}

	JsonNode detail(long applicationId) {
		return getJson("/api/applications/" + applicationId);
	}

	String status(long applicationId) {
		return detail(applicationId).at("/summary/status").asText();
	}

	/** Waits until the enterprise sees the application at this stage. */
	JsonNode awaitStatus(long applicationId, String status) {
		String[] last = { null };
		return await(() -> "application " + applicationId + " reaches " + status + " (last seen: " + last[0] + ")",
				() -> {
					JsonNode d = detail(applicationId);
					last[0] = d.at("/summary/status").asText();
					return status.equals(last[0]) ? d : null;
				});
	}

	// ---------------------------------------------------------------- utilities

	/** Polls until the probe answers non-null, for at most {@link #STEP}. */
	static <T> T await(String what, Supplier<T> probe) {
		return await(() -> what, probe);
	}

	static <T> T await(Supplier<String> what, Supplier<T> probe) {
		Instant end = Instant.now().plus(STEP);
		RuntimeException lastError = null;
		while (Instant.now().isBefore(end)) {
			try {
				T value = probe.get();
				if (value != null) {
					return value;
				}
			}
			catch (RuntimeException | AssertionError e) {
				lastError = e instanceof RuntimeException re ? re : new IllegalStateException(e);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("Timed out after " + STEP.toSeconds() + " s waiting until " + what.get(), lastError);
	}

	static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("not JSON: " + body, e);
		}
	}

	static String json(Object body) {
		if (body instanceof String s) {
			return s;
		}
		try {
			return JSON.writeValueAsString(body);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request, handler);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
