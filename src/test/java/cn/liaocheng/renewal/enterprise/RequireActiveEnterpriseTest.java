package cn.liaocheng.renewal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/** What other modules rely on before they accept an application from an account. */
@WebIntegrationTest
class RequireActiveEnterpriseTest {

	@Autowired
	EnterpriseRegistry registry;

	@Test
	void anActiveEnterpriseIsReturned() {
		Enterprise enterprise = registry.requireActiveEnterpriseOf(DemoUsers.ENTERPRISE);
		assertThat(enterprise.creditCode().value()).isEqualTo("91371525MA3CB7K21F");
	}

	@Test
	void aPendingEnterpriseIsToldToAskItsCounty() {
		String userId = Registrations.freshUserId();
		registry.record(new NewEnterprise(new CreditCode(Registrations.freshCreditCode("371522")), "待激活测试企业", "371522",
				"农机制造", "王", "13900000000", userId), null);

		assertThatExceptionOfType(InactiveEnterpriseException.class)
			.isThrownBy(() -> registry.requireActiveEnterpriseOf(userId))
			.withMessage("企业账户尚未激活，请联系所在县工业和信息化局")
			.satisfies(e -> assertThat(e.reason()).isEqualTo(InactiveEnterpriseException.Reason.PENDING));
	}

	@Test
	void anAccountOfNoEnterpriseIsRefused() {
		assertThatExceptionOfType(InactiveEnterpriseException.class)
			.isThrownBy(() -> registry.requireActiveEnterpriseOf(DemoUsers.COUNTY_REVIEWER))
			.withMessage("当前账户不是企业账户");
	}

}
