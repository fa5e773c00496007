package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * Failed logins lock an id for a growing while, never for good; an id without an account
 * is answered exactly like an account; administrators see the locks and lift them. The
 * test profile caps the wait at 3 seconds (production: 15 minutes). Where a test needs
 * many failures spread over time, it writes the counter they would have left, as Camunda
 * keeps it (ACT_ID_USER) or as the system keeps it for ids without an account
 * (login_throttle).
 */
@WebIntegrationTest
class LoginLockOutTest {

	private static final String PASSWORD = "Lockout@2026x";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void manyFailedLoginsSpreadOverTimeNeverLockAnAccountForGood() {
		String account = newAccount();
		failuresSoFar(account, 30); // today 10 failures were enough to lock it until an
									// administrator came

		WebClient client = new WebClient(port);
		HttpResponse<String> wrong = client.login(account, "not-the-password");
		assertThat(wrong.headers().firstValue("Location")).hasValue("/login?error");
		assertThat(client.get("/login?error").body()).contains("用户名或密码错误").doesNotContain("管理员");
		Instant lockedUntil = jdbc.sql("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?")
			.param(account)
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(lockedUntil).as("the 31st failure locks no longer than the cap")
			.isBefore(Instant.now().plusSeconds(4));

		HttpResponse<String> tooSoon = client.login(account, PASSWORD);
		assertThat(tooSoon.headers().firstValue("Location")).hasValue("/login?error");
		assertThat(client.get("/login?error").body()).contains("暂时锁定").contains("秒后重试");

		waitUntil(lockedUntil);
		HttpResponse<String> later = client.login(account, PASSWORD);
		assertThat(later.headers().firstValue("Location")).as("logged in after the lock").hasValue("/");
		assertThat(attemptsOf(account)).isZero();
	}

	@Test
	void anIdWithoutAnAccountGetsTheSameRepliesAsAnAccount() {
		String account = newAccount();
		String unknown = "no-such-user-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		WebClient accountClient = new WebClient(port);
		WebClient unknownClient = new WebClient(port);

		// A first failure.
		assertSameReply(accountClient.login(account, "wrong-password"), unknownClient.login(unknown, "wrong-password"));
		assertSamePage(accountClient, unknownClient);
		assertThat(unknownFailures(unknown)).as("the unknown id's failures are counted in the database").isEqualTo(1);

		// The fifth failure in a row locks both for 3 s (the cap); then even the right
		// password is refused alike.
		failuresSoFar(account, 4);
		unknownFailuresSoFar(unknown, 4);
		assertSameReply(accountClient.login(account, "wrong-password"), unknownClient.login(unknown, "wrong-password"));
		assertSamePage(accountClient, unknownClient);
		assertSameReply(accountClient.login(account, PASSWORD), unknownClient.login(unknown, PASSWORD));
		String accountPage = errorPage(accountClient);
		assertThat(accountPage).contains("暂时锁定");
		assertThat(errorPage(unknownClient)).isEqualTo(accountPage);

		// HTTP Basic, as Camunda Modeler or a script would try.
		HttpResponse<String> basicAccount = new WebClient(port).withBasic(account, "wrong-password")
			.get("/engine-rest/task/count");
		HttpResponse<String> basicUnknown = new WebClient(port).withBasic(unknown, "wrong-password")
			.get("/engine-rest/task/count");
		assertThat(basicAccount.statusCode()).isEqualTo(401);
		assertSameReply(basicAccount, basicUnknown);
	}

	@Test
	void failuresAreForgottenADayAfterTheirLastLockEndedForAccountsAndUnknownIdsAlike() {
		String account = newAccount();
		String unknown = "no-such-user-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		new WebClient(port).login(unknown, "wrong-password");
		Timestamp dayAndAHourAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(25)));
		jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 9, LOCK_EXP_TIME_ = ? WHERE ID_ = ?")
			.params(dayAndAHourAgo, account)
			.update();
		jdbc.sql("UPDATE login_throttle SET attempts = 9, locked_until = ? WHERE login_id = ?")
			.params(dayAndAHourAgo, unknown)
			.update();

		new WebClient(port).login(account, "wrong-password");
		new WebClient(port).login(unknown, "wrong-password");

		assertThat(attemptsOf(account)).as("the account counts from one again").isEqualTo(1);
		assertThat(unknownFailures(unknown)).as("the unknown id counts from one again").isEqualTo(1);
	}

	@Test
	void administratorsSeeWhoIsLockedAndLiftTheLock() {
		String account = newAccount();
		jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 12, LOCK_EXP_TIME_ = ? WHERE ID_ = ?")
			.params(Timestamp.from(Instant.now().plus(Duration.ofMinutes(15))), account)
			.update(); // as after 12 failures in production
		String unknown = "typo-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		new WebClient(port).login(unknown, "whatever-password");
		WebClient user = new WebClient(port);
		assertThat(user.login(account, PASSWORD).headers().firstValue("Location")).hasValue("/login?error");

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/login-locks").body();
		assertThat(row(page, account)).contains(">12<", "锁定中", "锁定测试");
		assertThat(row(page, unknown)).contains(">1<", "（无此账户）");

		HttpResponse<String> lift = admin.postForm("/admin/login-locks/lift",
				"loginId=" + account + "&_csrf=" + WebClient.csrfTokenOf(page));
		assertThat(lift.headers().firstValue("Location")).hasValue("/admin/login-locks");
		assertThat(admin.get("/admin/login-locks").body()).contains("已解除“" + account + "”的登录锁定")
			.doesNotContain("data-login-id=\"" + account + "\"");
		assertThat(user.login(account, PASSWORD).headers().firstValue("Location")).as("logged in at once")
			.hasValue("/");
		assertThat(attemptsOf(account)).isZero();
		assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'LOGIN_LOCK_LIFTED' AND subject = ?")
			.param("user:" + account)
			.query(String.class)
			.list()).containsExactly(DemoUsers.ADMIN);

		admin.postForm("/admin/login-locks/lift",
				"loginId=" + unknown + "&_csrf=" + WebClient.csrfTokenOf(admin.get("/admin/login-locks").body()));
		assertThat(unknownFailures(unknown)).isZero();
	}

	@Test
	void onlyAdministratorsSeeOrLiftLocks() {
		String account = newAccount();
		failuresSoFar(account, 7);
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		assertThat(reviewer.get("/admin/login-locks").statusCode()).isEqualTo(403);
		HttpResponse<String> lift = reviewer.postForm("/admin/login-locks/lift",
				"loginId=" + account + "&_csrf=" + WebClient.csrfTokenOf(reviewer.get("/").body()));
		assertThat(lift.statusCode()).isEqualTo(403);
		assertThat(attemptsOf(account)).isEqualTo(7);
	}

	private String newAccount() {
		String userId = "lock-probe-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(userId);
		user.setFirstName("锁定测试");
		user.setLastName("");
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(userId, GroupNames.ENTERPRISES);
		return userId;
	}

	/**
	 * The state Camunda leaves after {@code attempts} failures whose last lock has just
	 * ended.
	 */
	private void failuresSoFar(String account, int attempts) {
		jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?")
			.params(attempts, Timestamp.from(Instant.now().minusSeconds(1)), account)
			.update();
	}

	private void unknownFailuresSoFar(String unknown, int attempts) {
		jdbc.sql("UPDATE login_throttle SET attempts = ?, locked_until = ? WHERE login_id = ?")
			.params(attempts, Timestamp.from(Instant.now().minusSeconds(1)), unknown)
			.update();
	}

	private int attemptsOf(String account) {
		return jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?").param(account).query(Integer.class).single();
	}

	private int unknownFailures(String unknown) {
		return jdbc.sql("SELECT attempts FROM login_throttle WHERE login_id = ?")
			.param(unknown)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private static void assertSameReply(HttpResponse<String> account, HttpResponse<String> unknown) {
		assertThat(unknown.statusCode()).as("status").isEqualTo(account.statusCode());
		assertThat(unknown.headers().firstValue("Location")).as("Location")
			.isEqualTo(account.headers().firstValue("Location"));
		assertThat(unknown.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate")
			.isEqualTo(account.headers().firstValue("WWW-Authenticate"));
		assertThat(headerNames(unknown)).as("header names").isEqualTo(headerNames(account));
		assertThat(perRequestIdsRemoved(unknown.body())).as("body").isEqualTo(perRequestIdsRemoved(account.body()));
	}

	private void assertSamePage(WebClient account, WebClient unknown) {
		assertThat(errorPage(unknown)).isEqualTo(errorPage(account));
	}

	/**
	 * The login page after a failure, without what differs on every page anyway: the CSRF
	 * token, and the seconds a lock has left, which count down between any two requests.
	 */
	private static String errorPage(WebClient client) {
		return client.get("/login?error")
			.body()
			.replaceAll("(value|content)=\"[A-Za-z0-9_-]{40,}\"", "$1=\"(token)\"")
			.replaceAll("请在 \\d+ 秒后重试", "请在 N 秒后重试");
	}

	private static List<String> headerNames(HttpResponse<String> response) {
		return response.headers()
			.map()
			.keySet()
			.stream()
			.map(String::toLowerCase)
			.filter(h -> !h.equals("set-cookie"))
			.sorted()
			.toList();
	}

	/**
	 * Error bodies carry the time and the request's id, which differ between any two
	 * requests.
	 */
	private static String perRequestIdsRemoved(String body) {
		return body.replaceAll("\"timestamp\":\"[^\"]*\"", "").replaceAll("\"requestId\":\"[^\"]*\"", "");
	}

	private static String row(String page, String loginId) {
		int start = page.indexOf("data-login-id=\"" + loginId + "\"");
		assertThat(start).as("row of %s on the page", loginId).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static void waitUntil(Instant instant) {
		long millis = Duration.between(Instant.now(), instant).toMillis() + 300;
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

}
