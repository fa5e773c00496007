package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * One network may fail with only so many login ids within the window, whichever ids they
 * are: past that, every password check from there is refused before it is made (nothing
 * hashed, nothing counted), the right password of a real account too, with when to try
 * again; other networks go on. The test profile's budget is large, for the suite's own
 * logins from 127.0.0.1: each test writes the failures of all but the last few ids itself
 * (at 127.0.0.1, all of them), under names it removes afterwards. Other networks'
 * requests are made inside the application, through the login doors' provider with that
 * network's address.
 */
@WebIntegrationTest
class NetworkFailureBudgetTest {

	private static final String PASSWORD = "Budget@2026x";

	private static final String HELD = "您所在的网络近期登录失败次数过多";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Value("${renewal.login.network-failures}")
	int budget;

	@Autowired
	AuthenticationProvider provider;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	LoginFailureRows rows;

	/** Names the failures this test writes itself. */
	String written;

	@BeforeEach
	void rows() {
		rows = new LoginFailureRows(jdbc);
		written = "budget-written-" + UUID.randomUUID() + "-";
	}

	@AfterEach
	void forgetWrittenFailures() {
		rows.forgetIds(written);
	}

	@Test
	void manyUnknownIdsFromOneNetworkAreRefusedBeforeTheirPasswordsAreCheckedOnceTheBudgetIsSpent() {
		String network = "192.0.2.201";
		rows.failedJustNow(written, network, budget - 3);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> login(network, unknownId(), "Spring2026!")).as("within the budget")
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThat(rows.idsFailingFrom(network)).isEqualTo(budget);

		for (int i = 0; i < 5; i++) {
			String unknown = unknownId();
			assertThatThrownBy(() -> login(network, unknown, "Spring2026!")).as("past the budget")
				.isNotInstanceOf(BadCredentialsException.class)
				.hasMessageContaining(HELD)
				.hasMessageMatching(".*请在 (5[0-9]|6[01]) 分钟后重试.*");
			assertThat(rows.attempts(unknown)).as("not checked, so not counted").isZero();
		}
		assertThat(rows.idsFailingFrom(network)).as("no failure counted past the budget").isEqualTo(budget);
		assertThat(checkFrom(network, unknownId(), "Spring2026!")).as("nor through the engine's own check").isFalse();
		assertThat(rows.idsFailingFrom(network)).isEqualTo(budget);

		String unknown = unknownId();
		assertThatThrownBy(() -> login("192.0.2.202", unknown, "Spring2026!")).as("another network")
			.isInstanceOf(BadCredentialsException.class);
		assertThat(rows.attempts(unknown, "192.0.2.202")).isEqualTo(1);
	}

	/**
	 * A right password from the held network is refused as well, for an account that has
	 * not logged in from it lately: otherwise the guess past the budget that happens to
	 * be right would still let an attacker in. One that has (the office behind the
	 * address) goes on. A successful login forgets its own id's failures only, never the
	 * network's others.
	 */
	@Test
	void evenTheRightPasswordIsRefusedWhileTheNetworkIsHeldAndALoginForgetsNoOneElsesFailures() {
		String network = "2001:db8:77:1::10";
		String held = "2001:db8:77:1::/64";
		String account = newAccount();
		String colleague = newAccount();
		rows.failedJustNow(written, held, budget - 2);
		assertThatThrownBy(() -> login(network, colleague, "wrong-password"))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(login(network, account, PASSWORD).isAuthenticated()).as("one id short of the budget").isTrue();
		assertThat(rows.idsFailingFrom(held)).as("the colleague's failure still counts").isEqualTo(budget - 1);
		assertThatThrownBy(() -> login("2001:db8:77:1::99", unknownId(), "wrong-password"))
			.as("the same /64 is one network")
			.isInstanceOf(BadCredentialsException.class);

		String stranger = newAccount();
		assertThatThrownBy(() -> login(network, stranger, PASSWORD))
			.as("the budget is spent: an account that never logged in from here")
			.hasMessageContaining(HELD);
		assertThat(checkFrom(network, stranger, PASSWORD)).as("the engine's own check, the account page's").isFalse();
		assertThat(login("2001:db8:77:2::10", stranger, PASSWORD).isAuthenticated()).as("another /64").isTrue();

		// The office behind the address: an account that logged in from it lately keeps
		// logging in, under its own id's lock.
		assertThat(login(network, account, PASSWORD).isAuthenticated()).as("known on this network").isTrue();
		assertThat(checkFrom(network, account, PASSWORD)).as("the engine's own check alike").isTrue();
		// Its wrong password is answered as any other id's is while the network is held:
		// a different answer would tell which ids are accounts used from here.
		assertThatThrownBy(() -> login(network, account, "wrong-password")).hasMessageContaining(HELD);
		assertThatThrownBy(() -> login(network, unknownId(), "wrong-password")).hasMessageContaining(HELD);
	}

	@Test
	void theLoginPageAndHttpBasicSayWhenTheNetworkMayTryAgain() {
		String account = newAccount();
		String probe = unknownId();
		new WebClient(port).login(probe, "wrong-password");
		String network = rows.networkOf(probe);
		rows.failedJustNow(written, network, budget);
		int failing = rows.idsFailingFrom(network);

		WebClient browser = new WebClient(port);
		assertThat(browser.login(account, PASSWORD).headers().firstValue("Location")).hasValue("/login?error");
		assertThat(browser.get("/login?error").body()).contains(HELD, "分钟后重试");

		HttpResponse<String> basic = new WebClient(port).withBasic(account, PASSWORD).get("/api/me");
		assertThat(basic.statusCode()).isEqualTo(429);
		assertThat(basic.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(3000L, 3601L));
		assertThat(basic.body()).contains(HELD, "分钟后重试");
		assertThat(new WebClient(port).withBasic(unknownId(), "x").get("/api/me").statusCode())
			.as("an unknown id alike")
			.isEqualTo(429);
		assertThat(rows.idsFailingFrom(network)).as("nothing checked, nothing counted").isEqualTo(failing);

		rows.forgetIds(written);
		assertThat(new WebClient(port).withBasic(account, PASSWORD).get("/api/me").statusCode())
			.as("open again below the budget")
			.isEqualTo(200);
	}

	/** The login doors' check, as a request from {@code address} makes it. */
	private Authentication login(String address, String userId, String password) {
		return fromAddress(address,
				() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(userId, password)));
	}

	/** The engine's own password check (the account page's, the engine API's). */
	private boolean checkFrom(String address, String userId, String password) {
		return fromAddress(address, () -> identity.checkPassword(userId, password));
	}

	private static <T> T fromAddress(String address, Supplier<T> check) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return check.get();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static String unknownId() {
		return "spray-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
	}

	private String newAccount() {
		String userId = "budget-probe-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(userId);
		user.setFirstName("网络预算测试");
		user.setLastName("");
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(userId, GroupNames.ENTERPRISES);
		return userId;
	}

}
