package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests are timed as requests, and Spring Security's filters, logins and access
 * decisions are not timed one by one.
 */
@WebIntegrationTest
class SecurityObservationsTest {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSignedInRequestLeavesTheRequestsTimerAndNoSecurityTimers() {
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get("/engine-rest/task/count").statusCode()).isEqualTo(200);
		assertThat(new WebClient(port).get("/login").statusCode()).isEqualTo(200);
		assertThat(meters.find("http.server.requests").meters()).isNotEmpty();
		assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
	}

}
