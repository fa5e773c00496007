package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An insider holding a browser session adds {@code Authorization: Basic} with their own
 * id and any password to a portal form, hoping the header exempts it from CSRF while the
 * session logs it in. HTTP Basic has a chain of its own that reads no session: the header
 * alone authenticates the request, so a wrong password is 401 whatever cookie comes with
 * it, and a request that rides on the session needs its CSRF token whatever else it
 * carries.
 */
@WebIntegrationTest
class BasicBesideASessionTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String WRONG = "not-the-password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private WebClient browser;

	private long draft;

	@BeforeEach
	void draftAndABrowserSession() throws Exception {
		HttpResponse<String> created = api(DemoUsers.ENTERPRISE).postJson("/api/applications?kind=PROJECT", "{}",
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		draft = JSON.readTree(created.body()).at("/summary/id").asLong();
		browser = new WebClient(port);
		assertThat(browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
	}

	@AfterEach
	void forgetTheFailedPasswords() {
		new LoginFailureRows(jdbc).endLocks(DemoUsers.ENTERPRISE);
		// A right password after the lock clears the count, for the classes that follow.
		assertThat(api(DemoUsers.ENTERPRISE).get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void theSessionUsersIdWithAWrongPasswordDeletesNothingWithoutTheCsrfToken() {
		HttpResponse<String> sent = deleteDraft(basic(DemoUsers.ENTERPRISE, WRONG));

		assertThat(sent.statusCode()).isEqualTo(401);
		assertThat(draftExists()).isTrue();
	}

	@Test
	void everySpellingOfTheSchemeWithAWrongPasswordIsRefused() {
		String credentials = encoded(DemoUsers.ENTERPRISE, WRONG);
		for (String header : List.of("basic " + credentials, "BASIC " + credentials, " Basic " + credentials,
				"Basic  " + credentials, "Basic\t" + credentials, "Basic", "Basic ", "Basic:" + credentials)) {
			assertThat(deleteDraft(header).statusCode()).as("[%s]", header).isEqualTo(401);
		}
		assertThat(draftExists()).isTrue();
		assertThat(browser.get("/api/me").body()).as("the session outlives the refusals")
			.contains("\"userId\":\"" + DemoUsers.ENTERPRISE + "\"");
	}

	/**
	 * Another scheme is no Basic credentials: the request rides on the session, and the
	 * session's form needs its token.
	 */
	@Test
	void anotherAuthorizationSchemeBesideTheSessionStillNeedsTheCsrfToken() {
		for (String header : List.of("Digest username=\"" + DemoUsers.ENTERPRISE + "\"",
				"Negotiate " + encoded(DemoUsers.ENTERPRISE, WRONG))) {
			assertThat(deleteDraft(header).statusCode()).as(header).isEqualTo(403);
		}
		assertThat(draftExists()).isTrue();
		String token = WebClient.csrfTokenOf(browser.get("/enterprise/applications/" + draft).body());
		assertThat(browser.postForm("/enterprise/applications/" + draft + "/delete", "_csrf=" + token).statusCode())
			.as("with the token")
			.isEqualTo(302);
		assertThat(draftExists()).isFalse();
	}

	/**
	 * The right password is a login of its own for this request: it acts as the header's
	 * account, never the session's, needs no CSRF token (no browser sends Basic
	 * credentials by itself here) and leaves the session as it was.
	 */
	@Test
	void theRightPasswordBesideASessionActsAsTheHeadersAccountAloneAndLeavesTheSession() {
		HttpResponse<String> other = browser.send("GET", "/api/me", null, "Authorization",
				basic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD));
		assertThat(other.body()).contains("\"userId\":\"" + DemoUsers.OTHER_ENTERPRISE + "\"");
		assertThat(other.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(deleteDraft(basic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD)).statusCode())
			.as("another enterprise's draft, whatever the session")
			.isEqualTo(404);
		assertThat(draftExists()).isTrue();

		HttpResponse<String> own = deleteDraft(basic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD));
		assertThat(own.statusCode()).isEqualTo(302);
		assertThat(draftExists()).isFalse();
		assertThat(browser.get("/api/me").body()).as("the session is still its own")
			.contains("\"userId\":\"" + DemoUsers.ENTERPRISE + "\"");
	}

	@Test
	void basicAloneWithTheRightPasswordWorksWithoutASession() {
		HttpResponse<String> me = api(DemoUsers.ENTERPRISE).get("/api/me");

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"userId\":\"" + DemoUsers.ENTERPRISE + "\"");
		assertThat(me.headers().allValues("Set-Cookie")).as("no session created").isEmpty();
		assertThat(api(DemoUsers.ENTERPRISE).send("DELETE", "/api/applications/" + draft, null).statusCode())
			.isEqualTo(204);
	}

	private HttpResponse<String> deleteDraft(String authorization) {
		return browser.sendBody("POST", "/enterprise/applications/" + draft + "/delete",
				HttpRequest.BodyPublishers.ofString(""), "application/x-www-form-urlencoded", "Authorization",
				authorization);
	}

	/**
	 * Asked through the session: the failed passwords have locked the id for a moment.
	 */
	private boolean draftExists() {
		int status = browser.get("/api/applications/" + draft).statusCode();
		assertThat(status).isIn(200, 404);
		return status == 200;
	}

	private WebClient api(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String basic(String user, String password) {
		return "Basic " + encoded(user, password);
	}

	private static String encoded(String user, String password) {
		return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
