package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * HTTP Basic sends the password with every request; a password checked right is not put
 * through Argon2 again for a few minutes (security.internal.VerifiedPasswords). That
 * memory must never let in what a full check would refuse: a changed password, a wrong
 * one, an account with failed attempts, which keep counting.
 */
@WebIntegrationTest
class BasicCredentialMemoryTest {

	private static final String PASSWORD = "Remember@2026x";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangedPasswordEndsTheOldOneAtOnce() {
		String account = newAccount();
		assertThat(basic(account, PASSWORD)).as("the right password, checked").isNotEqualTo(401);
		assertThat(basic(account, PASSWORD)).as("the right password, remembered").isNotEqualTo(401);

		User user = identity.createUserQuery().userId(account).singleResult();
		user.setPassword("Changed@2026y");
		identity.saveUser(user);

		assertThat(basic(account, PASSWORD)).as("the old password after the change").isEqualTo(401);
		assertThat(attemptsOf(account)).as("the old password counted as a failed attempt").isEqualTo(1);
		endLock(account);
		assertThat(basic(account, "Changed@2026y")).as("the new password").isNotEqualTo(401);
	}

	@Test
	void aWrongPasswordIsRefusedAndCountedWhileTheRightOneIsRemembered() {
		String account = newAccount();
		assertThat(basic(account, PASSWORD)).isNotEqualTo(401);
		assertThat(basic(account, PASSWORD + "x")).as("a wrong password").isEqualTo(401);
		assertThat(basic(account, PASSWORD.toLowerCase())).as("another wrong password").isEqualTo(401);
		assertThat(attemptsOf(account)).as("failed attempts counted").isPositive();

		// Locked now (1 s, then 2 s): the right password is refused during the lock,
		// remembered or not.
		assertThat(basic(account, PASSWORD)).as("the right password during the lock").isEqualTo(401);

		// After the lock, the right password goes through the full check again, which
		// clears the attempts.
		endLock(account);
		assertThat(basic(account, PASSWORD)).as("the right password after the lock").isNotEqualTo(401);
		assertThat(attemptsOf(account)).as("attempts cleared by the full check").isZero();
	}

	private int basic(String user, String password) {
		return new WebClient(port).withBasic(user, password).get("/engine-rest/task/count").statusCode();
	}

	/**
	 * The state at the end of the lock the last failure set (the test profile's locks
	 * last 1-3 s).
	 */
	private void endLock(String account) {
		new LoginFailureRows(jdbc).endLocks(account);
	}

	private int attemptsOf(String account) {
		return new LoginFailureRows(jdbc).attempts(account);
	}

	private String newAccount() {
		String userId = "basic-memory-" + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(userId);
		user.setFirstName("凭据测试");
		user.setLastName("");
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(userId, GroupNames.ENTERPRISES);
		return userId;
	}

}
