package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;

/**
 * One user of {@code /api/applications} over real HTTP, with Basic credentials (or none:
 * the anonymous user). GET and POST go through {@link WebClient}; PUT, DELETE and byte
 * downloads, which it does not offer, go through a plain {@link HttpClient} with the same
 * credentials.
 */
final class ApplicationApi {

	static final String PATH = "/api/applications";

	private final WebClient web;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private ApplicationApi(int port, String user, String password) {
		this.base = "http://localhost:" + port;
		this.web = new WebClient(port);
		if (user == null) {
			this.authorization = null;
		}
		else {
			web.withBasic(user, password);
			this.authorization = "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		}
	}

	static ApplicationApi as(int port, String user) {
		return new ApplicationApi(port, user, DemoUsers.PASSWORD);
	}

	/** An account of its own password (one registered by the test). */
	static ApplicationApi as(int port, String user, String password) {
		return new ApplicationApi(port, user, password);
	}

	static ApplicationApi anonymous(int port) {
		return new ApplicationApi(port, null, null);
	}

	HttpResponse<String> list() {
		return web.get(PATH);
	}

	/** The enterprise's 需要您处理 list. */
	HttpResponse<String> actions() {
		return web.get(PATH + "/actions");
	}

	HttpResponse<String> registeredProjects() {
		return web.get(PATH + "/registered-projects");
	}

	HttpResponse<String> create(String kind, ObjectNode dossier, String idempotencyKey) {
		return web.postJson(PATH + "?kind=" + kind, ApplicationFixtures.json(dossier), "Idempotency-Key",
				idempotencyKey);
	}

	HttpResponse<String> createRaw(String kind, String body, String... headers) {
		return web.postJson(PATH + "?kind=" + kind, body, headers);
	}

	HttpResponse<String> detail(long id) {
		return web.get(PATH + "/" + id);
	}

	HttpResponse<String> update(long id, ObjectNode dossier) {
		return send(
				request(PATH + "/" + id).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(ApplicationFixtures.json(dossier))),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> delete(long id) {
		return send(request(PATH + "/" + id).DELETE(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> submit(long id) {
		return web.postJson(PATH + "/" + id + "/submit", "{\"declarationConfirmed\": true}");
	}

	/** A submission of the dossier of {@code version}, as reviewed before confirming. */
	HttpResponse<String> submitReviewed(long id, int version) {
		return send(
				request(PATH + "/" + id + "/submit").header("Content-Type", "application/json")
					.header("If-Match", Integer.toString(version))
					.POST(HttpRequest.BodyPublishers.ofString("{\"declarationConfirmed\": true}")),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A submission confirming the declaration's wording of {@code version}. */
	HttpResponse<String> submit(long id, String version) {
		return web.postJson(PATH + "/" + id + "/submit",
				"{\"declarationConfirmed\": true, \"declarationVersion\": \"" + version + "\"}");
	}

	HttpResponse<String> withdraw(long id) {
		return web.post(PATH + "/" + id + "/withdraw", HttpRequest.BodyPublishers.noBody(), "application/json");
	}

	/**
	 * A multipart upload as a browser sends it: the category as a form field, the file in
	 * part {@code file}.
	 */
	HttpResponse<String> upload(long id, String category, String fileName, byte[] content) {
		String boundary = "----apptest" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		write(body,
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n" + category + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return web.post(PATH + "/" + id + "/attachments", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	/** {@code count} files of the same content in one multipart request. */
	HttpResponse<String> uploadSeveral(long id, String category, int count, byte[] content) {
		String boundary = "----apptest" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(count * content.length + 512);
		write(body,
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n" + category + "\r\n");
		for (int i = 1; i <= count; i++) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"附件" + i
					+ ".pdf\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.writeBytes(content);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return web.post(PATH + "/" + id + "/attachments", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	/**
	 * The same upload with an {@code Idempotency-Key} header (sent through the plain
	 * client, which takes headers).
	 */
	HttpResponse<String> upload(long id, String category, String fileName, byte[] content, String idempotencyKey) {
		String boundary = "----apptest" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		write(body,
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n" + category + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(
				request(PATH + "/" + id + "/attachments").header("Idempotency-Key", idempotencyKey)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
				HttpResponse.BodyHandlers.ofString());
	}

	/** An equipment list upload, with an {@code If-Match} version when one is given. */
	HttpResponse<String> importEquipment(long id, String fileName, byte[] content, Integer ifMatch) {
		EquipmentLists.Multipart multipart = EquipmentLists.multipart(fileName, content);
		HttpRequest.Builder request = request(PATH + "/" + id + "/equipment-import")
			.header("Content-Type", multipart.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch.toString());
		}
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> equipmentTemplate(String kind) {
		return send(request(PATH + "/equipment-template?kind=" + kind).GET(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<byte[]> download(long id, long attachmentId) {
		return send(request(PATH + "/" + id + "/attachments/" + attachmentId).GET(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> deleteAttachment(long id, long attachmentId) {
		return send(request(PATH + "/" + id + "/attachments/" + attachmentId).DELETE(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Creates a draft and returns its id, failing the test unless the API answers 201.
	 */
	long createDraft(String kind, ObjectNode dossier) {
		HttpResponse<String> created = create(kind, dossier, UUID.randomUUID().toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).at("/summary/id").asLong();
	}

	/**
	 * Uploads a file and returns the attachment's id, failing the test unless the API
	 * answers 201.
	 */
	long attach(long id, String category, String fileName, byte[] content) {
		HttpResponse<String> uploaded = upload(id, category, fileName, content);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		return json(uploaded).get("id").asLong();
	}

	/** A project draft with both attachments a project needs, ready to submit. */
	long submittableProject() {
		long id = createDraft("PROJECT", ApplicationFixtures.project(2));
		attach(id, "BUSINESS_LICENCE", "营业执照.pdf", ApplicationFixtures.pdf("licence " + id));
		attach(id, "PROJECT_PLAN", "项目实施方案.pdf", ApplicationFixtures.pdf("plan " + id));
		return id;
	}

	static JsonNode json(HttpResponse<?> response) {
		Object body = response.body();
		String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
		try {
			return ApplicationFixtures.JSON.readTree(text);
		}
		catch (JsonProcessingException e) {
			throw new AssertionError("not JSON (" + response.statusCode() + "): " + text, e);
		}
	}

	/** The {@code errors} of a problem-details answer, as field problems. */
	static List<FieldProblem> errors(HttpResponse<?> response) {
		JsonNode errors = json(response).get("errors");
		assertThat(errors).as("problem details without errors: %s", response.body()).isNotNull();
		List<FieldProblem> problems = new ArrayList<>();
		errors.forEach(e -> problems.add(new FieldProblem(e.get("field").asText(), e.get("message").asText())));
		return problems;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request.build(), handler);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
