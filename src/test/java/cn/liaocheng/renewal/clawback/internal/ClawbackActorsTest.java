package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.security.PortalUser.Membership;

/**
 * The city industry bureau starts clawbacks and keeps the negative list; an administrator
 * reads them but, even added to the bureau's group, does neither.
 */
class ClawbackActorsTest {

	@Test
	void theBureauDecidesAndAnAdministratorAddedToItDoesNot() {
		Membership bureau = new Membership("city-industry", "市工业和信息化局", GroupType.CITY);
		Membership lead = new Membership("city-industry-lead", "市工业和信息化局负责人", GroupType.CITY);
		Membership administrators = new Membership("camunda-admin", "系统管理员", GroupType.SYSTEM);
		assertThat(ClawbackAccess.decides(user(bureau))).isTrue();
		assertThat(ClawbackAccess.decides(user(lead))).isTrue();
		assertThat(ClawbackAccess.decides(user(administrators, bureau))).isFalse();
		assertThat(ClawbackAccess.decides(user(administrators, lead))).isFalse();
		assertThat(ClawbackAccess.readsCity(user(administrators))).as("reads, as before").isTrue();
	}

	private static PortalUser user(Membership... memberships) {
		return new PortalUser("someone", "某人", List.of(memberships));
	}

}
