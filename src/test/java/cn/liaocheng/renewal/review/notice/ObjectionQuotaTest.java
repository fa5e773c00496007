package cn.liaocheng.renewal.review.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which counter an objection's client address counts on. */
class ObjectionQuotaTest {

	@Test
	void anIpv6AddressCountsOnItsWholeSlash64() {
		assertThat(List.of("2001:db8::1", "2001:db8::ffff:1", "2001:0DB8:0000:0000:1:2:3:4", "2001:db8:0:0:0:0:0:21",
				"[2001:db8::7]"))
			.extracting(ObjectionQuota::address)
			.containsOnly("address:2001:db8:0:0::/64");
		assertThat(ObjectionQuota.address("2001:db8:0:1::1")).isEqualTo("address:2001:db8:0:1::/64");
		assertThat(ObjectionQuota.address("fe80::1%eth0")).isEqualTo("address:fe80:0:0:0::/64");
	}

	@Test
	void anIpv4AddressCountsOnItselfHoweverItIsWritten() {
		assertThat(ObjectionQuota.address("203.0.113.7")).isEqualTo("address:203.0.113.7");
		assertThat(ObjectionQuota.address(" 203.0.113.7 ")).isEqualTo("address:203.0.113.7");
		assertThat(ObjectionQuota.address("::ffff:203.0.113.7")).isEqualTo("address:203.0.113.7");
		assertThat(ObjectionQuota.address("::ffff:cb00:7107")).isEqualTo("address:203.0.113.7");
		assertThat(ObjectionQuota.address("203.0.113.8")).isNotEqualTo(ObjectionQuota.address("203.0.113.7"));
	}

	@Test
	void whatIsNoAddressCountsAsWrittenWithoutBeingLookedUp() {
		assertThat(ObjectionQuota.address(null)).isEqualTo("address:unknown");
		assertThat(ObjectionQuota.address(" ")).isEqualTo("address:unknown");
		assertThat(ObjectionQuota.address("localhost")).isEqualTo("address:localhost");
		assertThat(ObjectionQuota.address("999.1.1.1")).isEqualTo("address:999.1.1.1");
		assertThat(ObjectionQuota.address("2001:db8::g")).isEqualTo("address:2001:db8::g");
		assertThat(ObjectionQuota.address("x".repeat(100))).hasSize("address:".length() + 64);
	}

}
