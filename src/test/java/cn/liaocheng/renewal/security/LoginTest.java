package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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

	@Test
	void camundasOwnLoginFormIsClosedSoThatThereIsOneLoginPage() {
		WebClient client = new WebClient(port);
		client.get("/camunda/app/tasklist/default/");
		HttpResponse<String> response = client.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
				"username=" + DemoUsers.ADMIN + "&password=" + DemoUsers.PASSWORD);
		assertThat(response.statusCode()).isIn(401, 403);
	}

}
