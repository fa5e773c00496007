package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationApi.json;
import static cn.liaocheng.renewal.application.ApplicationFixtures.pdf;
import static cn.liaocheng.renewal.application.ApplicationFixtures.project;
import static cn.liaocheng.renewal.application.ApplicationFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Re-sending a request after an unclear failure (a timeout, a dropped connection) must
 * not change anything twice: uploads with an Idempotency-Key, withdrawals. Real HTTP;
 * every check is about this test's own rows.
 */
@WebIntegrationTest
class IdempotentResendTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApplicationApi enterprise;

	@BeforeEach
	void connect() {
		enterprise = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
	}

	/**
	 * A double click, or a client resending before the first answer came: the same
	 * creation sent several times at once makes one draft, and every request is answered
	 * with it, none with an error page.
	 */
	@Test
	void theSameDraftSentSeveralTimesAtOnceIsMadeOnce() throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<ApplicationApi> clients = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				clients.add(ApplicationApi.as(port, DemoUsers.ENTERPRISE));
			}
			for (int round = 0; round < 5; round++) {
				String key = UUID.randomUUID().toString();
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
				for (ApplicationApi client : clients) {
					sent.add(pool.submit(() -> {
						start.await();
						return client.create("PROJECT", project(1), key);
					}));
				}
				start.countDown();
				java.util.Set<Long> ids = new java.util.HashSet<>();
				for (java.util.concurrent.Future<HttpResponse<String>> answer : sent) {
					HttpResponse<String> created = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
					assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
					ids.add(json(created).at("/summary/id").asLong());
				}
				assertThat(ids).hasSize(1);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE creation_key = ?")
					.param(key)
					.query(Long.class)
					.single()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theSameUploadSentTwiceUnderOneKeyStoresOneAttachmentAndAnswersAlike() {
		long id = enterprise.createDraft("PROJECT", project(1));
		byte[] licence = pdf("licence replay " + id);
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", licence, key);
		HttpResponse<String> again = enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", licence, key);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
		JsonNode stored = json(first);
		assertThat(stored.get("sha256").asText()).isEqualTo(sha256(licence));
		assertThat(json(again)).isEqualTo(stored);
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(attachments(id)).isEqualTo(1);
		assertThat(uploadEvents(id)).isEqualTo(1);
	}

	@Test
	void anotherFileUnderAKeyAlreadyUsedIsRefusedInChineseAndStoresNothing() {
		long id = enterprise.createDraft("PROJECT", project(1));
		String key = UUID.randomUUID().toString();
		enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", pdf("licence " + id), key);

		HttpResponse<String> otherContent = enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", pdf("other " + id),
				key);
		HttpResponse<String> otherCategory = enterprise.upload(id, "PROJECT_PLAN", "营业执照.pdf", pdf("licence " + id),
				key);

		assertThat(otherContent.statusCode()).as(otherContent.body()).isEqualTo(409);
		assertThat(json(otherContent).get("detail").asText()).contains("防重复提交标识");
		assertThat(otherCategory.statusCode()).as(otherCategory.body()).isEqualTo(409);
		assertThat(attachments(id)).isEqualTo(1);
	}

	@Test
	void uploadsWithoutAKeyStillAddAnAttachmentEachTime() {
		long id = enterprise.createDraft("PROJECT", project(1));
		byte[] plan = pdf("plan " + id);

		long first = enterprise.attach(id, "PROJECT_PLAN", "方案.pdf", plan);
		long second = enterprise.attach(id, "PROJECT_PLAN", "方案.pdf", plan);

		assertThat(second).isNotEqualTo(first);
		assertThat(attachments(id)).isEqualTo(2);
	}

	@Test
	void aKeyIsOnlyValidWithinItsApplication() {
		long first = enterprise.createDraft("PROJECT", project(1));
		long second = enterprise.createDraft("PROJECT", project(1));
		String key = UUID.randomUUID().toString();
		byte[] licence = pdf("shared key " + first);

		HttpResponse<String> a = enterprise.upload(first, "BUSINESS_LICENCE", "营业执照.pdf", licence, key);
		HttpResponse<String> b = enterprise.upload(second, "BUSINESS_LICENCE", "营业执照.pdf", licence, key);

		assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
		assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
		assertThat(json(b).get("id").asLong()).isNotEqualTo(json(a).get("id").asLong());
	}

	@Test
	void anotherEnterprisesApplicationIsNotFoundWithOrWithoutAKeyAndGetsNothing() {
		long id = enterprise.createDraft("PROJECT", project(1));
		String key = UUID.randomUUID().toString();
		byte[] licence = pdf("owner " + id);
		enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", licence, key);
		ApplicationApi intruder = ApplicationApi.as(port, DemoUsers.OTHER_ENTERPRISE);

		HttpResponse<String> replayed = intruder.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", licence, key);
		HttpResponse<String> fresh = intruder.upload(id, "OTHER", "x.pdf", pdf("intruder"),
				UUID.randomUUID().toString());

		assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(404);
		assertThat(replayed.body()).doesNotContain(sha256(licence));
		assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(404);
		assertThat(attachments(id)).isEqualTo(1);
	}

	@Test
	void anUnusableKeyIsRefusedAsABadRequest() {
		long id = enterprise.createDraft("PROJECT", project(1));

		HttpResponse<String> refused = enterprise.upload(id, "OTHER", "x.pdf", pdf("short key"), "short");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(attachments(id)).isZero();
	}

	@Test
	void thePortalsUploadFormCarriesAKeySoAReSentFormStoresTheFileOnce() {
		long id = enterprise.createDraft("PROJECT", project(1));
		WebClient portal = new WebClient(port);
		portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = portal.get("/enterprise/applications/" + id).body();
		Matcher key = Pattern.compile("name=\"uploadKey\" value=\"([A-Za-z0-9-]+)\"").matcher(page);
		assertThat(key.find()).as("upload form without a key").isTrue();
		byte[] licence = pdf("portal " + id);

		HttpResponse<String> first = portalUpload(portal, id, WebClient.csrfTokenOf(page), key.group(1), licence);
		HttpResponse<String> again = portalUpload(portal, id, WebClient.csrfTokenOf(page), key.group(1), licence);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
		assertThat(attachments(id)).isEqualTo(1);
		assertThat(portal.get("/enterprise/applications/" + id).body()).contains("name=\"uploadKey\"")
			.doesNotContain("value=\"" + key.group(1) + "\"");
	}

	@Test
	void withdrawingTwiceAnswersAlikeAndRecordsOneWithdrawal() {
		long id = enterprise.submittableProject();
		assertThat(enterprise.submit(id).statusCode()).isEqualTo(200);

		HttpResponse<String> first = enterprise.withdraw(id);
		HttpResponse<String> again = enterprise.withdraw(id);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json(again).at("/summary/status").asText()).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = 'WITHDRAWN'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static HttpResponse<String> portalUpload(WebClient portal, long id, String csrf, String uploadKey,
			byte[] content) {
		String boundary = "----portaltest" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : new String[][] { { "_csrf", csrf }, { "category", "BUSINESS_LICENCE" },
				{ "uploadKey", uploadKey } }) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return portal.post("/enterprise/applications/" + id + "/attachments",
				HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private long attachments(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long uploadEvents(long id) {
		return jdbc
			.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = 'ATTACHMENT_ADDED'")
			.param(id)
			.query(Long.class)
			.single();
	}

}
