package cn.liaocheng.renewal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/** An enterprise changes its own password and contact details, and nobody else's. */
@WebIntegrationTest
class AccountSettingsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void contactDetailsAreValidatedAndChangeOnlyTheCallersOwnEnterprise() {
		WebClient portal = loggedIn(DemoUsers.OTHER_ENTERPRISE);
		String other = contactPhoneOf(DemoUsers.ENTERPRISE);

		HttpResponse<String> bad = portal.postForm("/account/contact",
				"contactName=" + enc("王会计") + "&contactPhone=12345&_csrf=" + token(portal));
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(portal.get("/account").body()).contains("联系电话格式不正确").contains("value=\"12345\"");

		// The phone a county calls back before a password reset: not changed without the
		// password, and not by someone else's.
		String change = "contactName=" + enc("王会计") + "&contactPhone=" + enc("138 0635 0001") + "&userId="
				+ DemoUsers.ENTERPRISE;
		portal.postForm("/account/contact", change + "&_csrf=" + token(portal));
		assertThat(portal.get("/account").body()).contains("修改联系电话或电子邮箱须填写正确的当前密码");
		portal.postForm("/account/contact",
				change + "&currentPassword=" + enc(DemoUsers.PASSWORD + "x") + "&_csrf=" + token(portal));
		assertThat(contactPhoneOf(DemoUsers.OTHER_ENTERPRISE)).as("a wrong password").isNotEqualTo("13806350001");
		waitForTheLoginDelayOf(DemoUsers.OTHER_ENTERPRISE);

		HttpResponse<String> good = portal.postForm("/account/contact",
				change + "&currentPassword=" + enc(DemoUsers.PASSWORD) + "&_csrf=" + token(portal));
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(portal.get("/account").body()).contains("联系方式已更新").contains("13806350001");
		assertThat(contactPhoneOf(DemoUsers.OTHER_ENTERPRISE)).isEqualTo("13806350001");
		assertThat(contactPhoneOf(DemoUsers.ENTERPRISE)).isEqualTo(other);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ENTERPRISE_CONTACT_CHANGED' AND actor = ?"
					+ " AND details LIKE '%-> 13806350001%'")
			.param(DemoUsers.OTHER_ENTERPRISE)
			.query(Long.class)
			.single()).as("who changed the phone, from what to what").isPositive();
	}

	@Test
	void theEmailAddressForNoticesIsTheCallersOwnAndCanBeCleared() {
		WebClient portal = loggedIn(DemoUsers.OTHER_ENTERPRISE);
		String otherEmail = emailOf(DemoUsers.ENTERPRISE);
		String ownEmail = emailOf(DemoUsers.OTHER_ENTERPRISE);
		String contact = "contactName=" + enc("王会计") + "&contactPhone=13806350002&currentPassword="
				+ enc(DemoUsers.PASSWORD);

		portal.postForm("/account/contact", contact + "&email=" + enc("not an address") + "&_csrf=" + token(portal));
		assertThat(portal.get("/account").body()).contains("电子邮箱格式不正确");
		assertThat(emailOf(DemoUsers.OTHER_ENTERPRISE)).isNotEqualTo("not an address");

		portal.postForm("/account/contact",
				contact + "&email=" + enc(" kuaiji@linqing-test.example ") + "&_csrf=" + token(portal));
		assertThat(emailOf(DemoUsers.OTHER_ENTERPRISE)).isEqualTo("kuaiji@linqing-test.example");
		assertThat(portal.get("/account").body()).contains("value=\"kuaiji@linqing-test.example\"");
		assertThat(emailOf(DemoUsers.ENTERPRISE)).isEqualTo(otherEmail);

		portal.postForm("/account/contact", contact + "&email=&_csrf=" + token(portal));
		assertThat(emailOf(DemoUsers.OTHER_ENTERPRISE)).as("cleared: in-app messages only").isNull();
		assertThat(loggedIn(DemoUsers.OTHER_ENTERPRISE).get("/").statusCode()).as("the password is untouched")
			.isEqualTo(200);

		portal.postForm("/account/contact",
				contact + "&email=" + enc(ownEmail == null ? "" : ownEmail) + "&_csrf=" + token(portal));
		assertThat(emailOf(DemoUsers.OTHER_ENTERPRISE)).isEqualTo(ownEmail);
	}

	private String emailOf(String user) {
		return jdbc.sql("SELECT EMAIL_ FROM ACT_ID_USER WHERE ID_ = ?")
			.param(user)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aPasswordChangeNeedsTheCurrentPasswordAndThePolicyAndThenTheNewOneLogsIn() {
		WebClient portal = loggedIn(DemoUsers.ENTERPRISE);

		portal.postForm("/account/password", "currentPassword=wrong&newPassword=" + enc("Neu@2026passwd")
				+ "&confirmPassword=" + enc("Neu@2026passwd") + "&_csrf=" + token(portal));
		assertThat(portal.get("/account").body()).contains("当前密码不正确");
		// A wrong current password counts as a failed login: this network waits a moment
		// before the account's next check.
		waitForTheLoginDelayOf(DemoUsers.ENTERPRISE);
		portal.postForm("/account/password", "currentPassword=" + enc(DemoUsers.PASSWORD) + "&newPassword=short"
				+ "&confirmPassword=short&_csrf=" + token(portal));
		assertThat(portal.get("/account").body()).contains("新密码须至少 10 位");
		assertThat(new WebClient(port).login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

		String changed = "Neu@2026passwd";
		portal.postForm("/account/password", "currentPassword=" + enc(DemoUsers.PASSWORD) + "&newPassword="
				+ enc(changed) + "&confirmPassword=" + enc(changed) + "&_csrf=" + token(portal));
		try {
			assertThat(portal.get("/account").body()).contains("密码已修改");
			assertThat(new WebClient(port).login(DemoUsers.ENTERPRISE, changed).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		}
		finally {
			WebClient back = loggedIn(DemoUsers.ENTERPRISE, changed);
			back.postForm("/account/password",
					"currentPassword=" + enc(changed) + "&newPassword=" + enc(DemoUsers.PASSWORD) + "&confirmPassword="
							+ enc(DemoUsers.PASSWORD) + "&_csrf=" + token(back));
		}
	}

	@Test
	void aPasswordChangeEndsTheAccountsOtherSessionsAndKeepsTheOneThatMadeIt() {
		// An account of its own: the change must not end sessions of other test classes.
		String userId = Registrations.freshUserId();
		assertThat(Registrations
			.submit(new WebClient(port), Registrations.validForm(Registrations.freshCreditCode("371525"), userId))
			.statusCode()).isEqualTo(302);
		WebClient here = loggedIn(userId, Registrations.PASSWORD);
		WebClient stolen = loggedIn(userId, Registrations.PASSWORD);
		assertThat(stolen.get("/account").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(userId)).as("both logins indexed under the user id").isEqualTo(2);

		String changed = "Neu@2026passwd";
		here.postForm("/account/password", "currentPassword=" + enc(Registrations.PASSWORD) + "&newPassword="
				+ enc(changed) + "&confirmPassword=" + enc(changed) + "&_csrf=" + token(here));

		HttpResponse<String> refused = stolen.get("/account");
		assertThat(refused.statusCode()).as("the other session, on a page").isEqualTo(302);
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(stolen.get("/api/applications").statusCode()).as("the other session, on the API").isEqualTo(401);
		HttpResponse<String> page = here.get("/account");
		assertThat(page.statusCode()).as("the session that made the change").isEqualTo(200);
		assertThat(page.body()).contains("密码已修改").contains("已退出该账户在其他设备上的登录");
		assertThat(here.get("/api/applications").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(userId)).isEqualTo(1);
	}

	private int sessionsOf(String userId) {
		return jdbc.sql("SELECT COUNT(*) FROM app_session WHERE principal_name = ?")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	@Test
	void withoutACsrfTokenNothingChangesAndStaffAndStrangersHaveNoAccountPageHere() {
		WebClient portal = loggedIn(DemoUsers.ENTERPRISE);
		String before = contactPhoneOf(DemoUsers.ENTERPRISE);

		HttpResponse<String> forged = portal.postForm("/account/contact", "contactName=x&contactPhone=13800000000");
		HttpResponse<String> staff = loggedIn(DemoUsers.COUNTY_REVIEWER).get("/account");
		HttpResponse<String> anonymous = new WebClient(port).get("/account");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(contactPhoneOf(DemoUsers.ENTERPRISE)).isEqualTo(before);
		assertThat(staff.statusCode()).isEqualTo(403);
		assertThat(anonymous.statusCode()).isEqualTo(302);
	}

	private WebClient loggedIn(String user) {
		return loggedIn(user, DemoUsers.PASSWORD);
	}

	private WebClient loggedIn(String user, String password) {
		WebClient client = new WebClient(port);
		client.login(user, password);
		return client;
	}

	private static String token(WebClient portal) {
		return WebClient.csrfTokenOf(portal.get("/account").body());
	}

	private void waitForTheLoginDelayOf(String user) {
		java.time.Instant until = new cn.liaocheng.renewal.security.internal.LoginFailureRows(jdbc).lockedUntil(user);
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

	private String contactPhoneOf(String user) {
		return jdbc.sql("SELECT contact_phone FROM enterprise WHERE user_id = ?")
			.param(user)
			.query(String.class)
			.single();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
