package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A typed login id's row is its account's, in lower case, exactly when login could reach
 * that account with the text (its id as typed or in lower case); any other text is kept
 * as its length and hash.
 */
@WebIntegrationTest
class LoginKeyTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@Test
	void anAccountIdTypedAsItIsOrInAnyCaseOfALowerCaseIdIsTheAccountsRow() {
		assertThat(LoginThrottle.key(jdbc, DemoUsers.COUNTY_REVIEWER)).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(LoginThrottle.key(jdbc, " " + DemoUsers.COUNTY_REVIEWER.toUpperCase() + " "))
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);
	}

	@Test
	void aMixedCaseAccountIsReachedAsTypedAndInLowerCaseOnly() {
		String id = "Mixed-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(id);
		user.setPassword("Aa1!" + UUID.randomUUID());
		identity.saveUser(user);
		try {
			assertThat(LoginThrottle.key(jdbc, id)).isEqualTo(id.toLowerCase());
			assertThat(LoginThrottle.key(jdbc, id.toUpperCase())).startsWith(LoginThrottle.HIDDEN);
		}
		finally {
			identity.deleteUser(id);
		}
	}

	@Test
	void otherTextIsKeptAsItsLengthAndHash() {
		assertThat(LoginThrottle.key(jdbc, "不是账号 Secret1"))
			.isEqualTo(LoginThrottle.HIDDEN + "12:" + LoginThrottle.sha256("不是账号 secret1"));
	}

}
