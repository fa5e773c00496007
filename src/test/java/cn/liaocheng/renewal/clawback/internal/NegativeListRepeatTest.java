package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.clawback.NegativeListEntry;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The listing form sent twice (a second click while the first is slow) lists the
 * enterprise once, tells it once and audits once; the same finding with another reason or
 * term is refused rather than listed again, so that lifting the one entry really lets the
 * enterprise apply again.
 */
@WebIntegrationTest
class NegativeListRepeatTest {

	private static final String REASON = "经核查，该企业申报材料存在弄虚作假情形。";

	@Autowired
	NegativeList negativeList;

	@Autowired
	EnterpriseRegistry enterprises;

	@Autowired
	IdentityService identities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSameListingSentTwiceListsTellsAndAuditsOnce() {
		PortalUser industry = user("lc-industry");
		Enterprise listed = enterprises.findByUser(DemoUsers.OTHER_ENTERPRISE).orElseThrow();
		NegativeList.Finding finding = new NegativeList.Finding("聊城市财政局",
				"《关于骗取财政补助资金问题的处理决定》（聊财监〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号）",
				LocalDate.of(2026, 11, 20));
		String code = listed.creditCode().toString();
		int toldBefore = told(listed);

		NegativeListEntry first = negativeList.add(industry, code, REASON, finding, 6, null);
		try {
			NegativeListEntry again = negativeList.add(industry, code, REASON, finding, 6, null);

			assertThat(again.id()).isEqualTo(first.id());
			assertThat(entriesOn(finding)).isEqualTo(1);
			assertThat(told(listed)).as("one notice").isEqualTo(toldBefore + 1);
			assertThat(
					jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'NEGATIVE_LIST_ADDED' AND details LIKE ?")
						.param("entry=" + first.id() + " %")
						.query(Integer.class)
						.single())
				.isEqualTo(1);
			assertThatThrownBy(() -> negativeList.add(industry, code, REASON + "另查明虚报设备投资。", finding, 6, null))
				.isInstanceOfSatisfying(ClawbackRefused.class,
						e -> assertThat(e.reason()).isEqualTo(ClawbackRefused.Reason.CHANGED))
				.hasMessageContaining("不重复列入；如需更改，请先解除该条目再重新列入");
			assertThatThrownBy(() -> negativeList.add(industry, code, REASON, finding, 12, null))
				.isInstanceOf(ClawbackRefused.class);
			assertThat(entriesOn(finding)).isEqualTo(1);
		}
		finally {
			negativeList.lift(industry, first.id(), "经复核，原列入事由不成立。");
		}
		// lifted, the same finding may list the enterprise anew (a new decision on it)
		NegativeListEntry anew = negativeList.add(industry, code, REASON, finding, 6, null);
		assertThat(anew.id()).isNotEqualTo(first.id());
		negativeList.lift(industry, anew.id(), "经复核，原列入事由不成立。");
	}

	private int entriesOn(NegativeList.Finding finding) {
		return jdbc.sql("SELECT COUNT(*) FROM negative_list_entry WHERE basis_document = ? AND lifted_at IS NULL")
			.param(finding.document())
			.query(Integer.class)
			.single();
	}

	private int told(Enterprise enterprise) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND title = '列入负面清单'")
			.param(enterprise.userId())
			.query(Integer.class)
			.single();
	}

	private PortalUser user(String userId) {
		return NegativeListLiftRaceTest.user(identities, userId);
	}

}
