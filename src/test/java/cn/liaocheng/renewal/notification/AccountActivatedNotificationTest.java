package cn.liaocheng.renewal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The enterprise whose account its county activates is told so, once, and nobody else is.
 */
@WebIntegrationTest
class AccountActivatedNotificationTest {

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldTellOnlyTheActivatedEnterpriseOnce() {
		String userId = Registrations.freshUserId();
		Enterprise pending = registry.record(new NewEnterprise(new CreditCode(Registrations.freshCreditCode("371525")),
				"通知测试企业" + userId, "371525", "专用设备制造", "企业联系人", "13800000000", userId), null);
		long before = activations();
		WebClient county = new WebClient(port);
		county.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		String token = WebClient.csrfTokenOf(county.get("/").body());

		assertThat(county.postForm("/county/enterprises/" + pending.id() + "/activate", "_csrf=" + token).statusCode())
			.isEqualTo(302);
		county.postForm("/county/enterprises/" + pending.id() + "/activate", "_csrf=" + token);

		List<String> bodies = jdbc
			.sql("SELECT body FROM notification WHERE recipient_id = ? AND kind = 'ACCOUNT_ACTIVATED'")
			.param(userId)
			.query(String.class)
			.list();
		assertThat(bodies).singleElement()
			.satisfies(b -> assertThat(b).contains("通知测试企业" + userId, "已由冠县工业和信息化局审核并激活", "批次开放期间提交", "须以本单位已入库的项目申报"));
		assertThat(activations()).isEqualTo(before + 1);
	}

	private long activations() {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = 'ACCOUNT_ACTIVATED'")
			.query(Long.class)
			.single();
	}

}
