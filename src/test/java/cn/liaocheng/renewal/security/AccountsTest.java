package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.engine.StartupWrites;
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

	private static final String SHARING_1 = "accounts-test-shared-1";

	private static final String SHARING_2 = "accounts-test-shared-2";

	@Autowired
	Accounts accounts;

	@Autowired
	IdentityService identity;

	@Autowired
	StartupWrites writes;

	@AfterEach
	void removeTheAccounts() {
		for (String id : List.of(USER, SHARING_1, SHARING_2)) {
			if (identity.createUserQuery().userId(id).count() > 0) {
				identity.deleteUser(id);
			}
		}
	}

	@Test
	void accountsOpenedWithOnePublishedPasswordShareOneHashAndEachSignsIn() {
		assertThat(accounts.existing(List.of(SHARING_1, SHARING_2, "admin"))).containsExactly("admin");
		writes.inOneCommand("test accounts",
				() -> accounts.openSharingOnePassword(List.of(
						new Accounts.Opening(new Accounts.Account(SHARING_1, "审核员", "冠县工业和信息化局", null),
								"county-371525-industry"),
						new Accounts.Opening(new Accounts.Account(SHARING_2, "申报账户", "聊城测试有限公司", "b@example.cn"),
								GroupNames.ENTERPRISES)),
						"Kx9#mP2v!qLz"));

		assertThat(accounts.existing(List.of(SHARING_1, SHARING_2, "no-such-account")))
			.containsExactlyInAnyOrder(SHARING_1, SHARING_2);
		assertThat(accounts.checkPassword(SHARING_1, "Kx9#mP2v!qLz")).isTrue();
		assertThat(accounts.checkPassword(SHARING_2, "Kx9#mP2v!qLz")).isTrue();
		UserEntity first = (UserEntity) identity.createUserQuery().userId(SHARING_1).singleResult();
		UserEntity second = (UserEntity) identity.createUserQuery().userId(SHARING_2).singleResult();
		assertThat(second.getPassword()).isEqualTo(first.getPassword()).isNotBlank().doesNotContain("Kx9#mP2v!qLz");
		assertThat(second.getSalt()).isEqualTo(first.getSalt());
		assertThat(identity.createGroupQuery().groupMember(SHARING_1).singleResult().getId())
			.isEqualTo("county-371525-industry");
		assertThat(accounts.groupTypes(SHARING_2)).singleElement()
			.satisfies(type -> assertThat(GroupType.of(type)).isEqualTo(GroupType.ENTERPRISE));
		assertThat(accounts.account(SHARING_2).orElseThrow().lastName()).isEqualTo("聊城测试有限公司");
	}

	@Test
	void aCopiedHashIsRefusedForAnAccountWhosePasswordWouldBreakThePolicyAndNothingIsOpened() {
		// The second account's name is part of the password, which the policy forbids.
		assertThatThrownBy(() -> writes.inOneCommand("test accounts",
				() -> accounts.openSharingOnePassword(List.of(
						new Accounts.Opening(new Accounts.Account(SHARING_1, "审核员", "冠县工业和信息化局", null),
								"county-371525-industry"),
						new Accounts.Opening(new Accounts.Account(SHARING_2, "申报账户", "mP2v!qLz", null),
								GroupNames.ENTERPRISES)),
						"Kx9#mP2v!qLz")))
			.isInstanceOfSatisfying(RuntimeException.class,
					e -> assertThat(Accounts.isPasswordPolicyRefusal(e)).as(e.toString()).isTrue());
		assertThat(accounts.existing(List.of(SHARING_1, SHARING_2))).isEmpty();
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
