package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static cn.liaocheng.renewal.enterprise.Registrations.submit;
import static cn.liaocheng.renewal.enterprise.Registrations.validForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Registration is open to strangers, so every attempt, refused or not, counts against the
 * client network's daily limit, on the page and the JSON door alike; over it nothing is
 * checked (no "login id taken" answer) and nothing is created, whatever forwarded header
 * the client adds. The test finds the counter its own connection uses, fills it to the
 * configured limit and empties it afterwards, so other tests register as before.
 */
@WebIntegrationTest
class RegistrationLimitTest {

	private static final String API = "/api/enterprises/registrations";

	@LocalServerPort
	int port;

	@Value("${renewal.registration.attempts-per-address}")
	int limit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	ObjectMapper json;

	private String counter;

	@AfterEach
	void emptyTheCounter() {
		if (counter != null) {
			jdbc.sql("DELETE FROM daily_quota WHERE quota_key = ?").param(counter).update();
		}
	}

	@Test
	void everyAttemptCountsAndOverTheLimitNothingIsCheckedOrCreated() throws Exception {
		// A refused attempt (a taken login id) counts, on the page ...
		Map<String, Integer> before = registrationCounters();
		String refused = submit(new WebClient(port), validForm(freshCreditCode("371525"), DemoUsers.COUNTY_REVIEWER))
			.body();
		assertThat(Registrations.fieldError(refused, "userId")).hasValue("该登录用户名已被使用，请换一个");
		counter = counterThatGrew(before);
		assertThat(registrationCounters()).containsEntry(counter, before.getOrDefault(counter, 0) + 1);

		// ... and so does the JSON door, on the same counter.
		String first = freshUserId();
		assertThat(postJson(validForm(freshCreditCode("371525"), first)).statusCode()).isEqualTo(201);
		assertThat(registrationCounters()).containsEntry(counter, before.getOrDefault(counter, 0) + 2);

		fillToTheLimit();

		String userId = freshUserId();
		String code = freshCreditCode("371525");
		HttpResponse<String> api = postJson(validForm(code, userId));
		assertThat(api.statusCode()).isEqualTo(429);
		JsonNode problem = json.readTree(api.body());
		assertThat(problem.path("title").asText()).isEqualTo("注册次数已达今日上限");
		assertThat(problem.path("detail").asText()).contains("达到每日上限", "工业和信息化局");
		assertThat(problem.has("errors")).isFalse();

		HttpResponse<String> page = submit(new WebClient(port), validForm(code, userId));
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.body()).contains("今天从您所在网络提交的注册已达 " + limit + " 次");
		assertThat(page.body()).contains("value=\"" + code + "\"");

		// Over the limit a taken id is not told apart from a free one.
		HttpResponse<String> probe = postJson(validForm(freshCreditCode("371525"), DemoUsers.COUNTY_REVIEWER));
		assertThat(probe.statusCode()).isEqualTo(429);
		assertThat(probe.body()).doesNotContain("已被使用");

		// A client that is no configured proxy cannot name another address.
		HttpResponse<String> forwarded = postJson(validForm(code, userId), "X-Forwarded-For", "198.51.100.77",
				"X-Real-IP", "198.51.100.77", "Forwarded", "for=198.51.100.77");
		assertThat(forwarded.statusCode()).isEqualTo(429);

		assertThat(identity.createUserQuery().userId(userId).count()).isZero();
		assertThat(registry.findByUser(userId)).isEmpty();
		assertThat(registry.findByUser(first)).isPresent();
		assertThat(registrationCounters()).containsEntry(counter, limit);
	}

	/** Pretends the network made the rest of its day's attempts. */
	private void fillToTheLimit() {
		jdbc.sql("UPDATE daily_quota SET used = ? WHERE quota_key = ? AND quota_day = ?")
			.params(limit, counter, Date.valueOf(LocalDate.now(ChinaTime.ZONE)))
			.update();
	}

	private HttpResponse<String> postJson(Map<String, String> form, String... headers) throws Exception {
		WebClient client = new WebClient(port);
		String token = WebClient.csrfTokenOf(client.get("/register").body());
		List<String> all = new ArrayList<>(
				List.of("X-CSRF-TOKEN", token, "Accept", "application/json, application/problem+json"));
		all.addAll(List.of(headers));
		return client.postJson(API, json.writeValueAsString(form), all.toArray(String[]::new));
	}

	private Map<String, Integer> registrationCounters() {
		Map<String, Integer> counters = new HashMap<>();
		jdbc.sql("SELECT quota_key, used FROM daily_quota WHERE quota_key LIKE 'registration:%' AND quota_day = ?")
			.param(Date.valueOf(LocalDate.now(ChinaTime.ZONE)))
			.query(rs -> {
				counters.put(rs.getString(1), rs.getInt(2));
			});
		return counters;
	}

	private String counterThatGrew(Map<String, Integer> before) {
		List<String> grown = registrationCounters().entrySet()
			.stream()
			.filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(grown).hasSize(1);
		return grown.get(0);
	}

}
