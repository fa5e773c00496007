package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The first administrator's password is checked against the engine's own password policy
 * while the context starts, and the error names each rule it breaks. Uses the running
 * engine's policy; nothing is created.
 */
@WebIntegrationTest
class AdministratorPasswordCheckTest {

	@Autowired
	IdentityService identity;

	@Test
	void aShortPlainPasswordStopsStartUpNamingEveryBrokenRule() {
		AdministratorBootstrap bootstrap = new AdministratorBootstrap(identity, "first-admin-check", "password", null);

		assertThatThrownBy(bootstrap::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("first-admin-check")
			.hasMessageContaining("PASSWORD_POLICY_LENGTH (at least 10 characters)")
			.hasMessageContaining("PASSWORD_POLICY_UPPERCASE")
			.hasMessageContaining("PASSWORD_POLICY_DIGIT")
			.hasMessageContaining("PASSWORD_POLICY_SPECIAL")
			.message()
			.doesNotContain("PASSWORD_POLICY_LOWERCASE");
		assertThat(identity.createUserQuery().userId("first-admin-check").count()).isZero();
	}

	@Test
	void aPasswordContainingTheAdministratorsIdIsRefusedByName() {
		AdministratorBootstrap bootstrap = new AdministratorBootstrap(identity, "chiefadmin", "Xy#chiefadmin42", null);

		assertThatThrownBy(bootstrap::afterPropertiesSet).hasMessageContaining("PASSWORD_POLICY_USER_DATA")
			.message()
			.doesNotContain("PASSWORD_POLICY_LENGTH");
	}

	@Test
	void aPasswordThatMeetsThePolicyLetsStartUpGoOn() {
		AdministratorBootstrap bootstrap = new AdministratorBootstrap(identity, "first-admin-check", "Liao#cheng2026!",
				null);

		assertThatCode(bootstrap::afterPropertiesSet).doesNotThrowAnyException();
		assertThat(bootstrap.brokenRules("Liao#cheng2026!")).isEmpty();
	}

	@Test
	void noAdministratorConfiguredMeansNoCheck() {
		assertThatCode(new AdministratorBootstrap(identity, "", "weak", null)::afterPropertiesSet)
			.doesNotThrowAnyException();
	}

}
