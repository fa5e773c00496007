package cn.liaocheng.renewal.endtoend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.support.DemoUsers;

/**
 * A client of the fault suite, as a real one behaves when the server dies or fails under
 * it: every request that ends unclearly (connection refused or cut, a timeout, a 5xx, a
 * 409 of a concurrent change) is sent again, the same request with the same
 * {@code Idempotency-Key} where the API takes one, for up to {@link #PATIENCE}; with
 * several nodes it turns to the next one after each unclear failure. Every answer goes
 * through {@link Traffic}, which counts them and keeps any body that shows an internal
 * text.
 */
final class FaultClient {

	/**
	 * How long a client keeps re-sending one request: covers a restart of the node on two
	 * busy cores.
	 */
	static final Duration PATIENCE = Duration.ofMinutes(4);

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Signs of an internal text in a body: SQL, database and engine texts, exception and
	 * package names, stacks.
	 */
	static final Pattern INTERNAL = Pattern
		.compile("(?is)(insert\\s+into|select\\s[^\"]{0,200}\\sfrom\\s|update\\s+\\w+\\s+set"
				+ "|delete\\s+from|constraint|###|sqlstate|engine-\\d|exception|hikari|psql|java\\.|javax\\.|jakarta\\.|org\\."
				+ "|com\\.|\\bat\\s+[a-z_$][\\w$]*\\.[\\w$.]+\\()");

	/**
	 * What all clients of a test saw: answers by status, unclear failures, and bodies
	 * that showed internals.
	 */
	static final class Traffic {

		final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger resent = new AtomicInteger();

		final List<String> leaks = Collections.synchronizedList(new ArrayList<>());

		void saw(String method, String path, int status, String body) {
			requests.incrementAndGet();
			answers.computeIfAbsent(status < 0 ? "no answer" : Integer.toString(status), s -> new AtomicInteger())
				.incrementAndGet();
			if (status >= 0 && body != null && INTERNAL.matcher(body).find()) {
				leaks
					.add(method + " " + path + " → " + status + ": " + body.substring(0, Math.min(400, body.length())));
			}
		}

		String summary() {
			return requests + " requests, " + resent + " re-sent; answers " + new java.util.TreeMap<>(answers);
		}

	}

	/** One answer, or none ({@code status} −1, the failure in {@code body}). */
	record Answer(int status, String body) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		/**
		 * Whether the outcome is unknown or passing, so that the same request should be
		 * sent again.
		 */
		boolean unclear() {
			return status < 0 || status >= 500 || status == 409 || status == 429;
		}

		JsonNode json() {
			return Actor.parse(body);
		}

	}

	final String user;

	private final List<Integer> ports;

	private final Traffic traffic;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String authorization;

	private int current;

	FaultClient(String user, List<Integer> ports, int first, Traffic traffic) {
		this.user = user;
		this.ports = List.copyOf(ports);
		this.current = first % ports.size();
		this.traffic = traffic;
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	// ---------------------------------------------------------------- the enterprise: a
	// project registration

	/**
	 * Creates a project registration draft; re-sent with the same key until it is
	 * answered.
	 */
	long createDraft(String projectName) {
		String key = UUID.randomUUID().toString();
		String body = Actor.json(ThreeKindsEndToEndTest.project(projectName));
		Answer a = resend("create " + projectName, () -> send("POST", "/api/applications?kind=PROJECT",
				HttpRequest.BodyPublishers.ofString(body), "application/json", "Idempotency-Key", key));
		expect(a, 201, "create " + projectName);
		return a.json().at("/summary/id").asLong();
	}

	/**
	 * Uploads a PDF; re-sent with the same key, so that a re-sent upload stores the file
	 * once.
	 */
	void attach(long applicationId, String category) {
		String key = UUID.randomUUID().toString();
		String boundary = "----fault" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ category.toLowerCase() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(ThreeKindsEndToEndTest.PDF);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] bytes = body.toByteArray();
		String path = "/api/applications/" + applicationId + "/attachments?category=" + category;
		Answer a = resend("upload " + category + " to " + applicationId,
				() -> send("POST", path, HttpRequest.BodyPublishers.ofByteArray(bytes),
						"multipart/form-data; boundary=" + boundary, "Idempotency-Key", key));
		expect(a, 201, "upload to " + applicationId);
	}

	/**
	 * Submits; submitting is idempotent (a submitted application answers its current
	 * state).
	 */
	JsonNode submit(long applicationId) {
		Answer a = resend("submit " + applicationId,
				() -> send("POST", "/api/applications/" + applicationId + "/submit",
						HttpRequest.BodyPublishers.ofString("{\"declarationConfirmed\": true}"), "application/json"));
		expect(a, 200, "submit " + applicationId);
		return a.json();
	}

	// ---------------------------------------------------------------- a reviewer, as
	// Tasklist does it

	/**
	 * Claims and completes this reviewer's task of the application at the step, through
	 * {@code /engine-rest} as Tasklist does. True when a completion was answered with
	 * success; false when the task turned out to be completed already by an earlier
	 * completion whose answer was lost ({@code completedBefore} looks that up in the
	 * database).
	 */
	boolean complete(long applicationId, String taskKey, String decision, String opinion,
			Supplier<Boolean> completedBefore) {
		Instant end = Instant.now().plus(PATIENCE);
		String query = "/engine-rest/task?processInstanceBusinessKey=" + applicationId + "&taskDefinitionKey="
				+ taskKey;
		ObjectNode form = Actor.JSON.createObjectNode();
		ObjectNode variables = form.putObject("variables");
		variables.putObject("decision").put("value", decision);
		variables.putObject("opinion").put("value", opinion);
		String formBody = form.toString();
		Answer last = null;
		int tries = 0;
		while (Instant.now().isBefore(end)) {
			last = send("GET", query, HttpRequest.BodyPublishers.noBody(), null);
			if (last.status() == 200) {
				JsonNode tasks = last.json();
				if (tasks.isEmpty()) {
					if (completedBefore.get()) {
						return false;
					}
				}
				else {
					String id = tasks.get(0).get("id").asText();
					last = send("POST", "/engine-rest/task/" + id + "/claim",
							HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\"}"), "application/json");
					if (last.ok()) {
						last = send("POST", "/engine-rest/task/" + id + "/submit-form",
								HttpRequest.BodyPublishers.ofString(formBody), "application/json");
						if (last.ok()) {
							return true;
						}
					}
				}
			}
			unclear(last, ++tries);
		}
		throw new AssertionError(user + " could not complete " + taskKey + " of " + applicationId + " within "
				+ PATIENCE.toMinutes() + " min; last answer " + last);
	}

	// ---------------------------------------------------------------- sending

	/**
	 * Sends until the answer is clear (success or a definite refusal), for at most
	 * {@link #PATIENCE}.
	 */
	Answer resend(String what, Supplier<Answer> attempt) {
		Instant end = Instant.now().plus(PATIENCE);
		Answer last = attempt.get();
		int tries = 0;
		while (last.unclear()) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError(
						user + ": " + what + " still unclear after " + PATIENCE.toMinutes() + " min: " + last);
			}
			unclear(last, ++tries);
			last = attempt.get();
		}
		return last;
	}

	/**
	 * After the {@code tries}th unclear answer in a row: with several nodes turn to the
	 * next; then wait, longer each time (0.25 s doubling up to 2 s), as a client backs
	 * off from a server that is down.
	 */
	private void unclear(Answer answer, int tries) {
		traffic.resent.incrementAndGet();
		if (answer != null && (answer.status() < 0 || answer.status() >= 500)) {
			current = (current + 1) % ports.size();
		}
		FaultNodes.sleep(Math.min(2000, 250L << Math.min(tries - 1, 3)));
	}

	Answer send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String... headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(current) + path))
			.timeout(TIMEOUT)
			.header("Authorization", authorization)
			.method(method, body);
		if (contentType != null) {
			b.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		Answer answer;
		try {
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			answer = new Answer(r.statusCode(), r.body());
		}
		catch (IOException e) {
			answer = new Answer(-1, e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		traffic.saw(method, path, answer.status(), answer.body());
		return answer;
	}

	private void expect(Answer a, int status, String what) {
		if (a.status() != status) {
			throw new AssertionError(user + ": " + what + " refused: " + a);
		}
	}

}
