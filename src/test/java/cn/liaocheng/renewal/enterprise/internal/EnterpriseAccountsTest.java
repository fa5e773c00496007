package cn.liaocheng.renewal.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Opening an account is all or nothing: the Camunda user does not outlive a failed
 * enterprise row.
 */
@WebIntegrationTest
class EnterpriseAccountsTest {

	@Autowired
	EnterpriseAccounts accounts;

	@Autowired
	IdentityService identity;

	@Test
	void theUserIsRolledBackWhenTheCreditCodeTurnsOutTaken() {
		String userId = Registrations.freshUserId();
		NewEnterprise duplicate = new NewEnterprise(new CreditCode("91371525MA3CB7K21F"), "重复代码企业", "371525", "轴承", "赵",
				"13700000000", userId);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> accounts.open(duplicate, Registrations.PASSWORD, null));

		assertThat(identity.createUserQuery().userId(userId).count()).isZero();
		assertThat(identity.createGroupQuery().groupMember(userId).count()).isZero();
	}

	@Test
	void camundasPasswordPolicyStillGuardsTheAccount() {
		String userId = Registrations.freshUserId();
		NewEnterprise enterprise = new NewEnterprise(new CreditCode(Registrations.freshCreditCode("371525")), "弱密码企业",
				"371525", "轴承", "赵", "13700000000", userId);

		assertThatExceptionOfType(ProcessEngineException.class)
			.isThrownBy(() -> accounts.open(enterprise, "weak", null))
			.withMessageContaining("does not match policy");

		assertThat(identity.createUserQuery().userId(userId).count()).isZero();
	}

}
