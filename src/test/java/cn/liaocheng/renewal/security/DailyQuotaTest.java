package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which client network a request counts in. */
class DailyQuotaTest {

	@Test
	void anIpv6AddressCountsOnItsWholeSlash64() {
		assertThat(List.of("2001:db8::1", "2001:db8::ffff:1", "2001:0DB8:0000:0000:1:2:3:4", "2001:db8:0:0:0:0:0:21",
				"[2001:db8::7]"))
			.extracting(DailyQuota::network)
			.containsOnly("2001:db8:0:0::/64");
		assertThat(DailyQuota.network("2001:db8:0:1::1")).isEqualTo("2001:db8:0:1::/64");
		assertThat(DailyQuota.network("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
	}

	@Test
	void anIpv4AddressCountsOnItselfHoweverItIsWritten() {
		assertThat(DailyQuota.network("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(DailyQuota.network(" 203.0.113.7 ")).isEqualTo("203.0.113.7");
		assertThat(DailyQuota.network("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(DailyQuota.network("::ffff:cb00:7107")).isEqualTo("203.0.113.7");
		assertThat(DailyQuota.network("203.0.113.8")).isNotEqualTo(DailyQuota.network("203.0.113.7"));
	}

	@Test
	void whatIsNoAddressCountsAsWrittenWithoutBeingLookedUp() {
		assertThat(DailyQuota.network(null)).isEqualTo("unknown");
		assertThat(DailyQuota.network(" ")).isEqualTo("unknown");
		assertThat(DailyQuota.network("localhost")).isEqualTo("localhost");
		assertThat(DailyQuota.network("999.1.1.1")).isEqualTo("999.1.1.1");
		assertThat(DailyQuota.network("2001:db8::g")).isEqualTo("2001:db8::g");
		assertThat(DailyQuota.network("x".repeat(100))).hasSize(64);
	}

}
