package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The failed-login rows the tests write are the rows the throttle writes, so that what
 * the tests count (the wide networks of a spray) is what the application counts.
 */
@WebIntegrationTest
class LoginFailureRowsTest {

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.9", "2001:db8:1:2::/64", "local" })
	void shouldWriteTheSameWideNetworkAsTheThrottle(String network) {
		String counted = "Counted-" + UUID.randomUUID();
		String written = "Written-" + UUID.randomUUID();
		throttle.failed(throttle.key(counted), network, Instant.now());
		new LoginFailureRows(jdbc).set(written, network, 1, Instant.now());

		assertThat(row(written)).isEqualTo(row(counted)).isNotNull();
	}

	private String row(String loginId) {
		return jdbc.sql("SELECT wide_network FROM login_failure WHERE login_id = ?")
			.param(LoginThrottle.key(jdbc, loginId))
			.query(String.class)
			.single();
	}

}
