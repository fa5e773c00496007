package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

@WebIntegrationTest
class LoginTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void passwordsAreStoredAsArgon2idHashes() {
		String stored = jdbc.sql("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?")
			.param(DemoUsers.ADMIN)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{ARGON2ID}$argon2id$").doesNotContain(DemoUsers.PASSWORD);
	}

	@Test
	void lowerCaseAccountsAcceptTheirIdTypedInAnyCase() {
		HttpResponse<String> login = new WebClient(port).login("ENT-DCF", DemoUsers.PASSWORD);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void aWrongPasswordShowsAChineseMessageOnTheLoginPage() {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(DemoUsers.OTHER_ENTERPRISE, "wrong-password");
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(client.get("/login?error").body()).contains("用户名或密码错误");
	}

	@Test
	void anAccountIsLockedForAWhileAfterAFailedLoginEvenWithTheRightPassword() throws Exception {
		String userId = "lockout-probe";
		String password = "Lockout@2026x";
		User user = identity.newUser(userId);
		user.setFirstName("锁定测试");
		user.setLastName("");
		user.setPassword(password);
		identity.saveUser(user);
		identity.createMembership(userId, GroupNames.ENTERPRISES);

		WebClient client = new WebClient(port);
		client.login(userId, "not-the-password");
		client.login(userId, "not-the-password-either");
		HttpResponse<String> rightPasswordTooSoon = client.login(userId, password);
		assertThat(rightPasswordTooSoon.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("error"));
		assertThat(client.get("/login?error").body()).contains("暂时锁定").contains("秒后重试");

		Thread.sleep(2_500); // the second failure locks this network for 2 seconds
		HttpResponse<String> later = client.login(userId, password);
		assertThat(later.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void logoutEndsTheSessionForTheWebappsToo() {
		WebClient client = new WebClient(port);
		client.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		client.get("/camunda/app/tasklist/default/");
		assertThat(client.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
		String token = WebClient.csrfTokenOf(client.get("/").body());
		client.postForm("/logout", "_csrf=" + token);
		assertThat(client.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
	}

	/**
	 * A reviewer whose Tasklist session expired logs in again and lands on the task they
	 * were on: the login form carries the page and the place in it (which the login page
	 * copies from its own address); a link to a task opened while logged out does the
	 * same through the saved request. Only a path on this site is followed, and only a
	 * webapp's place is appended.
	 */
	@Test
	void aLoginReturnsToTheTaskTheReviewerWasOnAndNowhereElse() {
		String tasklist = "/camunda/app/tasklist/default/";
		String task = "#/?task=5f3c2a1e-8d4b-11ef-9c1a-0242ac120002&detailsTab=task-detail-form";
		assertThat(loginWith("next=" + URLEncoder.encode(tasklist, StandardCharsets.UTF_8) + "&fragment="
				+ URLEncoder.encode(task, StandardCharsets.UTF_8)))
			.isEqualTo(tasklist + task);
		assertThat(loginWith("next=" + URLEncoder.encode("//evil.example/camunda/app/", StandardCharsets.UTF_8)
				+ "&fragment=" + URLEncoder.encode(task, StandardCharsets.UTF_8)))
			.as("another site: its path here")
			.startsWith("/camunda/app/")
			.doesNotContain("evil");
		assertThat(loginWith("next=" + URLEncoder.encode("https://evil.example/x", StandardCharsets.UTF_8)))
			.as("another site, spelled whole: its path here")
			.isEqualTo("/x");
		assertThat(loginWith("next=" + URLEncoder.encode(tasklist, StandardCharsets.UTF_8) + "&fragment="
				+ URLEncoder.encode("#/\"><script>alert(1)</script>", StandardCharsets.UTF_8)))
			.as("not a place in a webapp")
			.isEqualTo(tasklist);
		assertThat(loginWith("next=" + URLEncoder.encode("/review/handled", StandardCharsets.UTF_8) + "&fragment="
				+ URLEncoder.encode(task, StandardCharsets.UTF_8)))
			.as("a portal page has no places")
			.isEqualTo("/review/handled");

		// A link to a task, opened while logged out: the saved request and the place.
		WebClient linked = new WebClient(port);
		assertThat(linked.get(tasklist).statusCode()).isEqualTo(302);
		String token = WebClient.csrfTokenOf(linked.get("/login").body());
		HttpResponse<String> loggedIn = linked.postForm("/login",
				"username=" + DemoUsers.COUNTY_REVIEWER + "&password="
						+ URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token
						+ "&fragment=" + URLEncoder.encode(task, StandardCharsets.UTF_8));
		assertThat(loggedIn.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).startsWith(tasklist).endsWith(task));
		assertThat(new WebClient(port).get("/login").body()).contains("/js/return-after-login.js", "login-form");
	}

	/** Where the login form with {@code fields} sends the county reviewer. */
	private String loginWith(String fields) {
		WebClient client = new WebClient(port);
		String token = WebClient.csrfTokenOf(client.get("/login").body());
		HttpResponse<String> response = client.postForm("/login", "username=" + DemoUsers.COUNTY_REVIEWER + "&password="
				+ URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token + "&" + fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void camundasOwnLoginFormIsClosedSoThatThereIsOneLoginPage() {
		WebClient client = new WebClient(port);
		client.get("/camunda/app/tasklist/default/");
		HttpResponse<String> response = client.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
				"username=" + DemoUsers.ADMIN + "&password=" + DemoUsers.PASSWORD);
		assertThat(response.statusCode()).isIn(401, 403);
	}

}
