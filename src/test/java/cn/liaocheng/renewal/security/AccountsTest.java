package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The identity store's accounts as the modules without the engine's API see them: a
 * change of address decided on an address read earlier is refused once the account has
 * another, as a save of the account read then would have been; the name shown is one rule
 * everywhere.
 */
@WebIntegrationTest
class AccountsTest {

	private static final String USER = "accounts-test-1";

	@Autowired
	Accounts accounts;

	@Autowired
	IdentityService identity;

	@AfterEach
	void removeTheAccount() {
		if (identity.createUserQuery().userId(USER).count() > 0) {
			identity.deleteUser(USER);
		}
	}

	@Test
	void anAddressChangedMeanwhileIsNotOverwritten() {
		accounts.open(new Accounts.Account(USER, "申报账户", "聊城测试有限公司", "first@example.cn"), "Kx9#mP2v!qLz",
				GroupNames.ENTERPRISES);
		assertThat(accounts.account(USER)).hasValueSatisfying(a -> {
			assertThat(a.email()).isEqualTo("first@example.cn");
			assertThat(a.lastName()).isEqualTo("聊城测试有限公司");
		});
		assertThat(accounts.groupTypes(USER)).singleElement()
			.satisfies(type -> assertThat(GroupType.of(type)).isEqualTo(GroupType.ENTERPRISE));

		// An administrator changes the address after the enterprise's page read it.
		User user = identity.createUserQuery().userId(USER).singleResult();
		user.setEmail("admin@example.cn");
		identity.saveUser(user);

		assertThatThrownBy(() -> accounts.changeEmail(USER, "first@example.cn", "mine@example.cn"))
			.isInstanceOf(OptimisticLockingException.class);
		assertThat(accounts.account(USER).orElseThrow().email()).isEqualTo("admin@example.cn");

		accounts.changeEmail(USER, "admin@example.cn", "mine@example.cn");
		assertThat(accounts.account(USER).orElseThrow().email()).isEqualTo("mine@example.cn");
	}

	@Test
	void theShownNameIsTheOrganisationThenThePostOrElseTheLoginId() {
		User named = identity.newUser(USER);
		named.setLastName("\u3000冠县工业和信息化局 ");
		named.setFirstName("审核员\u3000");
		assertThat(Accounts.shownName(named)).isEqualTo("冠县工业和信息化局 审核员");
		User unnamed = identity.newUser(USER);
		unnamed.setLastName("\u3000");
		assertThat(Accounts.fullName(unnamed)).isEmpty();
		assertThat(Accounts.shownName(unnamed)).isEqualTo(USER);
	}

}
