package cn.liaocheng.renewal.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Camunda's REST API reads and writes with the one mapper, configured as Camunda
 * configures its own: its date format, unknown fields in a body ignored.
 */
@WebIntegrationTest
class EngineRestJsonTest {

	@LocalServerPort
	int port;

	@Autowired
	EngineRestJson.OneMapper mapper;

	@Test
	void requestsAreReadAndAnsweredWithTheOneMapperInCamundasFormat() {
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		long before = mapper.handedOut();
		HttpResponse<String> deployments = admin
			.get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc&firstResult=0&maxResults=1");
		assertThat(deployments.statusCode()).isEqualTo(200);
		assertThat(deployments.body())
			.containsPattern("\"deploymentTime\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}\"");
		long afterOne = mapper.handedOut();
		assertThat(afterOne).isGreaterThan(before);
		HttpResponse<String> tasks = admin.postJson("/engine-rest/task/count",
				"{\"active\":true,\"notAField\":{\"nested\":[1,2]}}");
		assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
		assertThat(tasks.body()).matches("\\{\"count\":\\d+\\}");
		assertThat(mapper.handedOut()).isGreaterThan(afterOne);
	}

}
