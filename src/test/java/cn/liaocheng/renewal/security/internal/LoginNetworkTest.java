package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The network a login counts against: spellings of one address are one network, a name is
 * never looked up, and the wide network groups a provider's neighbouring addresses.
 */
class LoginNetworkTest {

	@Test
	void spellingsOfOneAddressAreOneNetwork() {
		assertThat(LoginNetwork.of("203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(LoginNetwork.of(" 203.0.113.9 ")).isEqualTo("203.0.113.9");
		assertThat(LoginNetwork.of("::ffff:203.0.113.9")).as("IPv4-mapped IPv6").isEqualTo("203.0.113.9");
		assertThat(LoginNetwork.of("2001:db8:1:2::5")).isEqualTo("2001:db8:1:2::/64");
		assertThat(LoginNetwork.of("[2001:0db8:0001:0002:ffff::99]")).isEqualTo("2001:db8:1:2::/64");
		assertThat(LoginNetwork.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
	}

	@Test
	void whatIsNotAnAddressIsKeptAsTextAndNeverLookedUp() {
		assertThat(LoginNetwork.of("localhost")).isEqualTo("localhost");
		assertThat(LoginNetwork.of("999.1.1.1")).isEqualTo("999.1.1.1");
		assertThat(LoginNetwork.of("x".repeat(100))).hasSize(64);
		assertThat(LoginNetwork.of(null)).isEqualTo(LoginNetwork.LOCAL);
		assertThat(LoginNetwork.of("")).isEqualTo(LoginNetwork.LOCAL);
	}

	@Test
	void theWideNetworkIsTheIpv4Slash24OrTheIpv6Slash48() {
		assertThat(LoginNetwork.wide("203.0.113.9")).isEqualTo("203.0.113.0/24");
		assertThat(LoginNetwork.wide("2001:db8:1:2::/64")).isEqualTo("2001:db8:1::/48");
		assertThat(LoginNetwork.wide(LoginNetwork.LOCAL)).isEqualTo(LoginNetwork.LOCAL);
	}

}
