package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The API's times are Beijing time with their offset, like the pages', and still the same
 * instants.
 */
@WebIntegrationTest
class ApiTimesTest {

	private static final Pattern TIME = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2}))\"");

	@LocalServerPort
	int port;

	@Test
	void timesInTheApplicationApiCarryTheBeijingOffset() {
		Instant before = Instant.now().minusSeconds(1);
		ApplicationApi api = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
		long id = api.createDraft("PROJECT", ApplicationFixtures.project(3));

		HttpResponse<String> detail = api.detail(id);
		HttpResponse<String> list = api.list();

		for (HttpResponse<String> answer : List.of(detail, list)) {
			List<String> times = times(answer.body());
			assertThat(times).as(answer.uri().getPath()).isNotEmpty().allSatisfy(t -> assertThat(t).endsWith("+08:00"));
		}
		assertThat(times(detail.body())).anySatisfy(
				t -> assertThat(OffsetDateTime.parse(t).toInstant()).isBetween(before, Instant.now().plusSeconds(1)));
	}

	private static List<String> times(String json) {
		List<String> found = new ArrayList<>();
		Matcher m = TIME.matcher(json);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
