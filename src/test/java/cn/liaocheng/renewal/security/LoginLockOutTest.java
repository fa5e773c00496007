package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Failed logins lock an id on the network they came from for a growing while, never for
 * good, and never elsewhere; many failures from many networks leave the id open only to
 * networks the account logged in from; an id without an account is answered exactly like
 * an account; a signed-in user checks no one else's password; administrators see the
 * locks and lift them. The test profile caps the wait at 3 seconds (production: 15
 * minutes). Where a test needs many failures spread over time, it writes the counter they
 * would have left (login_failure). Requests from another network are made inside the
 * application, through the engine's password check with that network's address.
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

	LoginFailureRows rows;

	@BeforeEach
	void rows() {
		rows = new LoginFailureRows(jdbc);
	}

	@Test
	void manyFailedLoginsSpreadOverTimeNeverLockAnAccountForGood() {
		String account = newAccount();
		WebClient client = new WebClient(port);
		client.login(account, "not-the-password");
		String network = rows.networkOf(account);
		assertThat(network).as("the login page's check knows the client's address")
			.matches("127\\.0\\.0\\.1|0:0:0:0::/64");
		rows.set(account, network, 30, Instant.now().minusSeconds(1)); // a past lock,
																		// ended

		HttpResponse<String> wrong = client.login(account, "not-the-password");
		assertThat(wrong.headers().firstValue("Location")).hasValue("/login?error");
		assertThat(client.get("/login?error").body()).contains("用户名或密码错误").doesNotContain("管理员");
		assertThat(rows.attempts(account, network)).isEqualTo(31);
		Instant lockedUntil = rows.lockedUntil(account, network);
		assertThat(lockedUntil).as("the 31st failure locks no longer than the cap")
			.isBefore(Instant.now().plusSeconds(4));

		HttpResponse<String> tooSoon = client.login(account, PASSWORD);
		assertThat(tooSoon.headers().firstValue("Location")).hasValue("/login?error");
		assertThat(client.get("/login?error").body()).contains("暂时锁定").contains("秒后重试");

		waitUntil(lockedUntil);
		HttpResponse<String> later = client.login(account, PASSWORD);
		assertThat(later.headers().firstValue("Location")).as("logged in after the lock").hasValue("/");
		assertThat(rows.attempts(account)).as("a right password forgets the network's failures").isZero();
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
		assertThat(rows.attempts(unknown)).as("the unknown id's failures are counted in the database").isEqualTo(1);
		assertThat(rows.attempts(account)).isEqualTo(1);

		// The fifth failure in a row locks both for 3 s (the cap); then even the right
		// password is refused alike.
		rows.set(account, rows.networkOf(account), 4, Instant.now().minusSeconds(1));
		rows.set(unknown, rows.networkOf(unknown), 4, Instant.now().minusSeconds(1));
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
		assertThat(rows.networkOf(unknown)).as("HTTP Basic's check knows the client's address too")
			.isEqualTo(rows.networkOf(account))
			.isNotEqualTo("local");
		assertSameReply(basicAccount, basicUnknown);
	}

	@Test
	void failuresAreForgottenADayAfterTheirLastLockEndedForAccountsAndUnknownIdsAlike() {
		String account = newAccount();
		String unknown = "no-such-user-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		new WebClient(port).login(unknown, "wrong-password");
		new WebClient(port).login(account, "wrong-password");
		Instant dayAndAHourAgo = Instant.now().minus(Duration.ofHours(25));
		rows.set(account, rows.networkOf(account), 9, dayAndAHourAgo);
		rows.set(unknown, rows.networkOf(unknown), 9, dayAndAHourAgo);

		new WebClient(port).login(account, "wrong-password");
		new WebClient(port).login(unknown, "wrong-password");

		assertThat(rows.attempts(account)).as("the account counts from one again").isEqualTo(1);
		assertThat(rows.attempts(unknown)).as("the unknown id counts from one again").isEqualTo(1);
	}

	@Test
	void failuresOnOneNetworkLockTheIdThereOnlySoNobodyCanLockAUserOutFromElsewhere() {
		String account = newAccount();
		WebClient here = new WebClient(port);
		here.login(account, "wrong-password");
		String network = rows.networkOf(account);
		rows.set(account, network, 12, Instant.now().plus(Duration.ofMinutes(15))); // an
																					// attacker's
																					// network
		assertThat(here.login(account, PASSWORD).headers().firstValue("Location")).hasValue("/login?error");
		assertThat(here.get("/login?error").body()).contains("暂时锁定");

		assertThat(checkFrom("198.51.100.20", account, PASSWORD)).as("the user's own office network").isTrue();
		assertThat(checkFrom("198.51.100.20", account, "wrong-password")).isFalse();
		assertThat(rows.attempts(account, "198.51.100.20")).isEqualTo(1);
		assertThat(rows.attempts(account, network)).as("the other network's count is its own").isEqualTo(12);

		// IPv6: one subscriber's /64 is one network.
		assertThat(checkFrom("2001:db8:1:2::5", account, "wrong-password")).isFalse();
		assertThat(checkFrom("2001:db8:1:2:ffff::99", account, PASSWORD)).as("the same /64, locked for a second")
			.isFalse();
		assertThat(checkFrom("2001:db8:1:3::5", account, PASSWORD)).as("another /64").isTrue();
		assertThat(rows.attempts(account, "2001:db8:1:2::/64")).isEqualTo(1);
	}

	@Test
	void failuresFromManyWideNetworksLeaveAnAccountInUseOpenOnlyToNetworksItLoggedInFrom() {
		String account = newAccount();
		assertThat(new WebClient(port).login(account, PASSWORD).headers().firstValue("Location")).hasValue("/");
		sprayed(account);

		assertThat(new WebClient(port).login(account, PASSWORD).headers().firstValue("Location"))
			.as("the network the account logged in from")
			.hasValue("/");
		assertThat(checkFrom("198.51.100.77", account, PASSWORD)).as("a network it never logged in from").isFalse();
		assertThat(rows.attempts(account, "198.51.100.77")).as("refused before the password is looked at").isZero();

		// The browser's own network is new to an account that logged in elsewhere: told
		// why.
		String elsewhere = newAccount();
		rows.loggedInFrom(elsewhere, "203.0.113.50");
		sprayed(elsewhere);
		WebClient client = new WebClient(port);
		assertThat(client.login(elsewhere, PASSWORD).headers().firstValue("Location")).hasValue("/login?error");
		assertThat(errorPage(client)).contains("在多处网络登录失败过多", "以前成功登录过的网络");

		// An administrator's lift opens it again.
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String locks = admin.get("/admin/login-locks").body();
		assertThat(row(locks, elsewhere)).contains("多处失败过多", ">100<", "等 50 处");
		admin.postForm("/admin/login-locks/lift", "loginId=" + elsewhere + "&_csrf=" + WebClient.csrfTokenOf(locks));
		assertThat(new WebClient(port).login(elsewhere, PASSWORD).headers().firstValue("Location")).hasValue("/");
	}

	/**
	 * An attack cannot shut out, from everywhere, an account that has never logged in (a
	 * new enterprise's), nor tell it from an id without an account.
	 */
	@Test
	void failuresFromManyWideNetworksDoNotShutOutANewAccount() {
		String fresh = newAccount();
		String unknown = "no-such-user-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		sprayed(fresh);
		sprayed(unknown);
		// Many addresses of one /24 are one wide network: no attack.
		String few = newAccount();
		rows.loggedInFrom(few, "203.0.113.50");
		for (int i = 1; i <= 60; i++) {
			rows.set(few, "198.19.7." + i, 2, Instant.now().minusSeconds(1));
		}

		WebClient freshClient = new WebClient(port);
		WebClient unknownClient = new WebClient(port);
		assertSameReply(freshClient.login(fresh, "wrong-password"), unknownClient.login(unknown, "wrong-password"));
		String page = errorPage(freshClient);
		assertThat(page).contains("用户名或密码错误");
		assertThat(errorPage(unknownClient)).isEqualTo(page);
		rows.endLocks(fresh);
		assertThat(new WebClient(port).login(fresh, PASSWORD).headers().firstValue("Location")).hasValue("/");
		assertThat(new WebClient(port).login(few, PASSWORD).headers().firstValue("Location")).hasValue("/");
	}

	@Test
	void aSignedInUserChecksNoOneElsesPasswordThroughTheEngineApi() {
		String colleague = newAccount();
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> guess = reviewer.postJson("/engine-rest/identity/verify",
				"{\"username\":\"" + colleague + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(guess.statusCode()).isEqualTo(200);
		assertThat(guess.body()).as("even the right password is not confirmed").contains("\"authenticated\":false");
		assertThat(rows.attempts(colleague)).as("and nothing counted against the colleague").isZero();

		HttpResponse<String> own = reviewer.postJson("/engine-rest/identity/verify",
				"{\"username\":\"" + DemoUsers.COUNTY_REVIEWER + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}");
		assertThat(own.body()).as("one's own password").contains("\"authenticated\":true");
	}

	@Test
	void administratorsSeeWhoIsLockedAndLiftTheLock() {
		String account = newAccount();
		new WebClient(port).login(account, "wrong-password");
		String network = rows.networkOf(account);
		rows.set(account, network, 12, Instant.now().plus(Duration.ofMinutes(15))); // as
																					// after
																					// 12
																					// failures
																					// in
																					// production
		rows.set(account, "203.0.113.9", 2, Instant.now().minusSeconds(5));
		String unknown = "typo-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		new WebClient(port).login(unknown, "whatever-password");
		WebClient user = new WebClient(port);
		assertThat(user.login(account, PASSWORD).headers().firstValue("Location")).hasValue("/login?error");

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/login-locks").body();
		assertThat(row(page, account)).contains(">14<", "锁定中（" + network + "）", "锁定测试", "203.0.113.9");
		assertThat(row(page, fingerprintKey(unknown))).contains(">1<", "（无此账户）");

		HttpResponse<String> lift = admin.postForm("/admin/login-locks/lift",
				"loginId=" + account + "&_csrf=" + WebClient.csrfTokenOf(page));
		assertThat(lift.headers().firstValue("Location")).hasValue("/admin/login-locks");
		assertThat(admin.get("/admin/login-locks").body()).contains("已解除“" + account + "”的登录锁定，清除了来自 2 处网络的 14 次失败记录")
			.doesNotContain("data-login-id=\"" + account + "\"");
		assertThat(user.login(account, PASSWORD).headers().firstValue("Location")).as("logged in at once")
			.hasValue("/");
		assertThat(rows.attempts(account)).isZero();
		assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'LOGIN_LOCK_LIFTED' AND subject = ?")
			.param("user:" + account)
			.query(String.class)
			.list()).containsExactly(DemoUsers.ADMIN);

		admin.postForm("/admin/login-locks/lift", "loginId=" + fingerprintKey(unknown) + "&_csrf="
				+ WebClient.csrfTokenOf(admin.get("/admin/login-locks").body()));
		assertThat(rows.attempts(unknown)).isZero();
	}

	/**
	 * A password typed into the name field is counted like any id without an account, but
	 * neither the failures' table, the administrators' page, its answer nor the audit
	 * trail holds it.
	 */
	@Test
	void aPasswordTypedAsTheLoginNameIsNeitherShownNorAudited() {
		String typed = "Secret#Pass" + SEQUENCE.incrementAndGet() + System.nanoTime();
		new WebClient(port).login(typed, "whatever-password");
		String stored = typed.toLowerCase(java.util.Locale.ROOT);
		assertThat(rows.attempts(stored)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE LOWER(login_id) LIKE ?")
			.param("%" + stored + "%")
			.query(Integer.class)
			.single()).as("the typed text is not kept, only its length and hash").isZero();

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String page = admin.get("/admin/login-locks").body();
		assertThat(page.toLowerCase(java.util.Locale.ROOT)).doesNotContain(stored);
		assertThat(row(page, fingerprintKey(stored))).contains("（已隐藏，" + stored.length() + " 个字符，指纹 ", "（无此账户）");

		admin.postForm("/admin/login-locks/lift",
				"loginId=" + fingerprintKey(stored) + "&_csrf=" + WebClient.csrfTokenOf(page));

		assertThat(rows.attempts(stored)).isZero();
		assertThat(admin.get("/admin/login-locks").body().toLowerCase(java.util.Locale.ROOT)).contains("已解除“（已隐藏，")
			.doesNotContain(stored);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE LOWER(subject) LIKE ? OR LOWER(details) LIKE ?")
			.params("%" + stored + "%", "%" + stored + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	/** What the page sends for an id without an account: the fingerprint of it. */
	private static String fingerprintKey(String loginId) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(loginId.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "fp:" + java.util.HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void onlyAdministratorsSeeOrLiftLocks() {
		String account = newAccount();
		rows.set(account, "203.0.113.9", 7, Instant.now().plusSeconds(60));
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		assertThat(reviewer.get("/admin/login-locks").statusCode()).isEqualTo(403);
		HttpResponse<String> lift = reviewer.postForm("/admin/login-locks/lift",
				"loginId=" + account + "&_csrf=" + WebClient.csrfTokenOf(reviewer.get("/").body()));
		assertThat(lift.statusCode()).isEqualTo(403);
		assertThat(rows.attempts(account)).isEqualTo(7);
	}

	/** 100 failures of the id from 50 wide networks (IPv4 /24s), their locks over. */
	private void sprayed(String loginId) {
		for (int i = 1; i <= 50; i++) {
			rows.set(loginId, "198.18." + i + ".1", 2, Instant.now().minusSeconds(1));
		}
	}

	/** The engine's password check as a request from {@code address} makes it. */
	private boolean checkFrom(String address, String userId, String password) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return identity.checkPassword(userId, password);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
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
