package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Reviewers, bank officers and administrators change their own password on the portal's
 * {@code /me/password}, by the enterprise page's rules (the enterprise's own page is
 * {@code AccountSettingsTest}); enterprises, strangers and forged forms do not reach it.
 */
@WebIntegrationTest
class StaffPasswordTest {

	private static final String PAGE = "/me/password";

	private static final String CHANGED = "Neu@2026Pruefung";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TemporaryPasswords temporaryPasswords;

	@Test
	void everyKindOfStaffHasThePageLinkedFromThePortalHeader() {
		for (String staff : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ADMIN)) {
			WebClient client = loggedIn(staff, DemoUsers.PASSWORD);
			HttpResponse<String> page = client.get(PAGE);
			assertThat(page.statusCode()).as(staff).isEqualTo(200);
			assertThat(page.body()).as(staff).contains("修改密码", "当前密码", "再次输入新密码", staff);
			assertThat(client.get("/").body()).as(staff).contains("id=\"staff-password-link\"");
		}
		assertThat(loggedIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).get("/").body())
			.doesNotContain("staff-password-link");
	}

	@Test
	void aCountyReviewerChangesTheirPasswordAndOnlyTheNewOneLogsInAfterwards() {
		String userId = countyReviewer();
		WebClient here = loggedIn(userId, DemoUsers.PASSWORD);
		WebClient elsewhere = loggedIn(userId, DemoUsers.PASSWORD);
		assertThat(elsewhere.get(PAGE).statusCode()).isEqualTo(200);
		long auditBefore = lastAuditId();

		String mismatch = change(here, DemoUsers.PASSWORD, CHANGED, CHANGED + "x");
		assertThat(mismatch).contains("两次输入的新密码不一致").doesNotContain(CHANGED);
		String weak = change(here, DemoUsers.PASSWORD, "short", "short");
		assertThat(weak).contains("新密码须至少 10 位");
		String named = change(here, DemoUsers.PASSWORD, "Gx@2026" + userId, "Gx@2026" + userId);
		assertThat(named).contains("不得包含登录用户名");
		String wrong = change(here, "Wrong@2026guess", CHANGED, CHANGED);
		assertThat(wrong).contains("当前密码不正确").doesNotContain("Wrong@2026guess", CHANGED);
		assertThat(loginGoesTo(userId, CHANGED)).as("nothing changed").contains("error");
		// A wrong current password counts as a failed login: this network waits before
		// the account's next check, as on the login page.
		waitForTheLoginDelayOf(userId);

		String done = change(here, DemoUsers.PASSWORD, CHANGED, CHANGED);

		assertThat(done).contains("密码已修改").doesNotContain(CHANGED);
		// The new one first: a failed login makes the next check of the account wait.
		assertThat(loginGoesTo(userId, CHANGED)).as("the new password").doesNotContain("error");
		assertThat(loginGoesTo(userId, DemoUsers.PASSWORD)).as("the old password").contains("error");
		HttpResponse<String> ended = elsewhere.get(PAGE);
		assertThat(ended.statusCode()).as("the account's other session").isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(here.get(PAGE).statusCode()).as("the session that made the change").isEqualTo(200);
		assertThat(jdbc
			.sql("SELECT actor || ' ' || details FROM audit_log WHERE id > ? AND action = 'USER_PASSWORD_CHANGED'"
					+ " AND subject = ?")
			.param(auditBefore)
			.param("user:" + userId)
			.query(String.class)
			.list()).containsExactly(userId + " by the holder");
	}

	@Test
	void enterprisesStrangersAndFormsWithoutCsrfDoNotReachItUnderAnySpelling() {
		String userId = countyReviewer();
		WebClient staff = loggedIn(userId, DemoUsers.PASSWORD);
		WebClient enterprise = loggedIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String enterpriseToken = WebClient.csrfTokenOf(enterprise.get("/account").body());
		String form = "currentPassword=" + enc(DemoUsers.PASSWORD) + "&newPassword=" + enc(CHANGED)
				+ "&confirmPassword=" + enc(CHANGED);

		for (String path : List.of(PAGE, PAGE + "/", "/ME/PASSWORD", "/me/Password")) {
			assertThat(enterprise.get(path).statusCode()).as("an enterprise: GET %s", path).isIn(403, 404);
			assertThat(enterprise.postForm(path, form + "&_csrf=" + enterpriseToken).statusCode())
				.as("an enterprise: POST %s", path)
				.isIn(403, 404, 405);
			HttpResponse<String> anonymous = new WebClient(port).get(path);
			assertThat(anonymous.statusCode()).as("a stranger: GET %s", path).isEqualTo(302);
			assertThat(anonymous.headers().firstValue("Location")).as(path)
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
			assertThat(staff.postForm(path, form).statusCode()).as("no CSRF token: POST %s", path).isEqualTo(403);
		}
		assertThat(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).get(PAGE).statusCode())
			.as("an enterprise with Basic credentials")
			.isEqualTo(403);

		assertThat(loginGoesTo(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)).doesNotContain("error");
		assertThat(loginGoesTo(userId, DemoUsers.PASSWORD)).doesNotContain("error");
		assertThat(loginGoesTo(userId, CHANGED)).as("nothing changed").contains("error");
	}

	/**
	 * A staff account given a temporary password (only enterprises are given one today)
	 * is sent to this page, not to the enterprise's, and is free once it has changed it.
	 */
	@Test
	void aStaffLoginWithATemporaryPasswordIsSentHereToChangeIt() {
		String userId = countyReviewer();
		String temporary = temporaryPasswords.issue(userId, DemoUsers.ADMIN).password();
		WebClient client = new WebClient(port);

		assertThat(client.login(userId, temporary).headers().firstValue("Location")).hasValue(PAGE);
		assertThat(client.get("/review/handled").headers().firstValue("Location")).hasValue(PAGE);
		HttpResponse<String> api = client.get("/api/review/library");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.body()).contains("/me/password");
		assertThat(client.get(PAGE).body()).contains("您正在使用临时密码登录");

		String done = change(client, temporary, CHANGED, CHANGED);

		assertThat(done).contains("密码已修改").doesNotContain("您正在使用临时密码登录");
		assertThat(client.get("/review/handled").statusCode()).isEqualTo(200);
	}

	/** Posts the form with the page's CSRF token; the page shown afterwards. */
	private static String change(WebClient client, String current, String changed, String confirmation) {
		String token = WebClient.csrfTokenOf(client.get(PAGE).body());
		HttpResponse<String> posted = client.postForm(PAGE, "currentPassword=" + enc(current) + "&newPassword="
				+ enc(changed) + "&confirmPassword=" + enc(confirmation) + "&_csrf=" + enc(token));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PAGE));
		return client.get(PAGE).body();
	}

	/**
	 * A new officer of 冠县's industry bureau with the demo password: changing its password
	 * ends no session of another test class.
	 */
	private String countyReviewer() {
		String id = "pw-" + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(id);
		user.setFirstName("审核员");
		user.setLastName("冠县工业和信息化局");
		user.setPassword(DemoUsers.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, GroupNames.county("371525", "industry"));
		return id;
	}

	private WebClient loggedIn(String user, String password) {
		// The demo accounts are every test's: another class's wrong password for one of
		// them may still hold its login back for a few seconds from this network.
		jdbc.sql("DELETE FROM login_failure WHERE login_id = ?").param(user.toLowerCase(Locale.ROOT)).update();
		WebClient client = new WebClient(port);
		assertThat(client.login(user, password).headers().firstValue("Location")).as(user)
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return client;
	}

	private String loginGoesTo(String user, String password) {
		return new WebClient(port).login(user, password).headers().firstValue("Location").orElse("");
	}

	private long lastAuditId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
	}

	private void waitForTheLoginDelayOf(String user) {
		Instant until = new LoginFailureRows(jdbc).lockedUntil(user);
		assertThat(until).as("the failed check delays the next one").isNotNull();
		long wait = until.toEpochMilli() - System.currentTimeMillis();
		assertThat(wait).as("a delay of seconds, not a lock-out").isLessThan(70_000);
		if (wait > 0) {
			try {
				Thread.sleep(wait + 200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
