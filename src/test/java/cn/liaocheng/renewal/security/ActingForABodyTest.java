package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser.Membership;

/**
 * Who acts for a body at the product's doors: its members and its lead, never an
 * administrator, even one whose account was added to the body's group.
 */
class ActingForABodyTest {

	private static final Membership CITY_INDUSTRY = new Membership("city-industry", "市工业和信息化局", GroupType.CITY);

	private static final Membership CITY_INDUSTRY_LEAD = new Membership("city-industry-lead", "市工业和信息化局负责人",
			GroupType.CITY);

	private static final Membership ADMINISTRATORS = new Membership("camunda-admin", "系统管理员", GroupType.SYSTEM);

	@Test
	void aMemberOrTheLeadActsForTheBody() {
		assertThat(user(CITY_INDUSTRY).actsFor("city-industry")).isTrue();
		assertThat(user(CITY_INDUSTRY_LEAD).actsFor("city-industry")).isTrue();
	}

	@Test
	void nobodyActsForAnotherBody() {
		assertThat(user(CITY_INDUSTRY).actsFor("city-finance")).isFalse();
		assertThat(user(CITY_INDUSTRY).actsFor("city")).as("no prefix of a group").isFalse();
		assertThat(user().actsFor("city-industry")).isFalse();
	}

	@Test
	void anAdministratorActsForNoBodyEvenWhenAddedToIt() {
		assertThat(user(ADMINISTRATORS, CITY_INDUSTRY).actsFor("city-industry")).isFalse();
		assertThat(user(CITY_INDUSTRY_LEAD, ADMINISTRATORS).actsFor("city-industry")).isFalse();
	}

	private static PortalUser user(Membership... memberships) {
		return new PortalUser("someone", "某人", List.of(memberships));
	}

}
