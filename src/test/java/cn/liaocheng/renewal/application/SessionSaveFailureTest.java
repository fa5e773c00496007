package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.WebClient;

/**
 * The session is saved after the business transaction committed. When that save fails
 * (here: the session store's connection is gone for exactly that moment), the user must
 * still be told what happened to the business change, which is stored. Its own context,
 * because the session store is replaced by one that can be made to fail.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class SessionSaveFailureTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApplicationApi api;

	WebClient portal;

	@BeforeEach
	void logIn() {
		api = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
		portal = new WebClient(port);
		assertThat(portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
	}

	@AfterEach
	void restore() {
		FailingSessionStore.failing = false;
	}

	@Test
	void aSubmissionWhoseSessionCannotBeSavedIsStillReportedAsSubmitted() {
		long id = api.submittableProject();
		String csrf = WebClient.csrfTokenOf(portal.get("/enterprise/applications/" + id).body());
		int failedBefore = FailingSessionStore.failures.get();

		FailingSessionStore.failing = true;
		HttpResponse<String> submitted = portal.postForm("/enterprise/applications/" + id + "/submit",
				"_csrf=" + csrf + "&declarationConfirmed=true");
		FailingSessionStore.failing = false;

		assertThat(FailingSessionStore.failures.get()).as("the session save failed during the request")
			.isGreaterThan(failedBefore);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
		assertThat(submitted.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/enterprise/applications/" + id));
		assertThat(status(id)).isEqualTo("COUNTY_REVIEW");
	}

	@Test
	void anUploadWhoseSessionCannotBeSavedIsStillReportedAsStored() {
		long id = api.createDraft("PROJECT", ApplicationFixtures.project(1));
		String detail = portal.get("/enterprise/applications/" + id).body();
		String csrf = WebClient.csrfTokenOf(detail);
		int failedBefore = FailingSessionStore.failures.get();

		FailingSessionStore.failing = true;
		HttpResponse<String> uploaded = upload(id, csrf, UUID.randomUUID().toString(), pdf("licence " + id));
		FailingSessionStore.failing = false;

		assertThat(FailingSessionStore.failures.get()).isGreaterThan(failedBefore);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single();
	}

	private HttpResponse<String> upload(long id, String csrf, String uploadKey, byte[] content) {
		String boundary = "----sessiontest" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : Map
			.of("_csrf", csrf, "category", "BUSINESS_LICENCE", "uploadKey", uploadKey)
			.entrySet()) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n");
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

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingSessionStoreConfiguration {

		// Declared as its own type so that the container sees it is Ordered before
		// creating it.
		@Bean
		static FailingSessionStore failingSessionStore() {
			return new FailingSessionStore();
		}

	}

	/**
	 * Wraps the JDBC session store before the application's own post-processors do
	 * (highest precedence), so that what the application sees is a store whose save fails
	 * as it does when its connection is killed.
	 */
	static final class FailingSessionStore implements BeanPostProcessor, Ordered {

		static volatile boolean failing;

		static final AtomicInteger failures = new AtomicInteger();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if ("sessionRepository".equals(beanName) && bean instanceof FindByIndexNameSessionRepository<?> store) {
				return failing(store);
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		private static <S extends Session> FindByIndexNameSessionRepository<S> failing(
				FindByIndexNameSessionRepository<S> store) {
			return new FindByIndexNameSessionRepository<>() {

				@Override
				public S createSession() {
					return store.createSession();
				}

				@Override
				public void save(S session) {
					if (failing) {
						failures.incrementAndGet();
						throw new CannotGetJdbcConnectionException(
								"Failed to obtain JDBC Connection (killed by the test)");
					}
					store.save(session);
				}

				@Override
				public S findById(String id) {
					return store.findById(id);
				}

				@Override
				public void deleteById(String id) {
					store.deleteById(id);
				}

				@Override
				public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
					return store.findByIndexNameAndIndexValue(indexName, indexValue);
				}

			};
		}

	}

}
