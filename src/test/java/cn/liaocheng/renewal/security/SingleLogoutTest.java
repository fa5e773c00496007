package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/** One login, one logout: leaving through any door ends the session behind every door. */
@WebIntegrationTest
class SingleLogoutTest {

	private static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";

	@LocalServerPort
	int port;

	@Test
	void loggingOutOfTasklistEndsThePortalSessionToo() {
		WebClient reviewer = loggedIntoWebapp(DemoUsers.COUNTY_REVIEWER, "/camunda/app/tasklist/default/");

		HttpResponse<String> logout = reviewer.postJson(WEBAPP_USER + "/logout", "", "X-XSRF-TOKEN",
				reviewer.cookie("XSRF-TOKEN"));

		assertThat(logout.statusCode()).isEqualTo(200);
		assertLoggedOutEverywhere(reviewer);
	}

	@Test
	void loggingOutOfCockpitThroughAnotherSpellingOfTheLogoutEndsTheSessionToo() {
		WebClient admin = loggedIntoWebapp(DemoUsers.ADMIN, "/camunda/app/cockpit/default/");

		HttpResponse<String> logout = admin.postJson(WEBAPP_USER + "/logout/", "", "X-XSRF-TOKEN",
				admin.cookie("XSRF-TOKEN"));

		assertThat(logout.statusCode()).isEqualTo(200);
		assertLoggedOutEverywhere(admin);
	}

	@Test
	void loggingOutOfThePortalEndsTheWebappsLogin() {
		WebClient reviewer = loggedIntoWebapp(DemoUsers.CITY_REVIEWER, "/camunda/app/tasklist/default/");

		HttpResponse<String> logout = reviewer.postForm("/logout",
				"_csrf=" + WebClient.csrfTokenOf(reviewer.get("/").body()));

		assertThat(logout.statusCode()).isIn(204, 302);
		assertLoggedOutEverywhere(reviewer);
	}

	@Test
	void aWebappRequestThatKeepsItsLoginLeavesTheSessionAlone() {
		WebClient reviewer = loggedIntoWebapp(DemoUsers.BANK_OFFICER, "/camunda/app/tasklist/default/");

		assertThat(reviewer.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
		assertThat(reviewer.get(WEBAPP_USER).statusCode()).isEqualTo(200);

		assertThat(reviewer.get("/").statusCode()).isEqualTo(200);
	}

	private WebClient loggedIntoWebapp(String user, String webapp) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		assertThat(client.get(webapp).statusCode()).isEqualTo(200);
		assertThat(client.get(WEBAPP_USER).statusCode()).as("the webapps know the user").isEqualTo(200);
		assertThat(client.get("/").statusCode()).as("the portal knows the user").isEqualTo(200);
		assertThat(client.cookie("XSRF-TOKEN")).isNotNull();
		return client;
	}

	private static void assertLoggedOutEverywhere(WebClient client) {
		// The start page is open to visitors; a page of the portal behind the login shows
		// whether the session is gone.
		assertThat(client.get("/enterprise/applications").headers().firstValue("Location")).as("portal")
			.hasValue("/login");
		assertThat(client.get("/camunda/app/tasklist/default/").headers().firstValue("Location")).as("Tasklist")
			.hasValue("/login");
		assertThat(client.get(WEBAPP_USER).statusCode()).as("webapps' login").isEqualTo(401);
		assertThat(client.get("/camunda/api/engine/engine/default/task/count").statusCode()).as("Tasklist's engine API")
			.isEqualTo(401);
		assertThat(client.get("/api/me").statusCode()).as("application API").isEqualTo(401);
	}

}
