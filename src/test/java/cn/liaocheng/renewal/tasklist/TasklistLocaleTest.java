package cn.liaocheng.renewal.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The Chinese Tasklist and welcome page: the application's zh.json is served in place of a missing file, it has
 * every key Camunda's en.json has, and config.js offers it first.
 */
@WebIntegrationTest
class TasklistLocaleTest {

	private static final String WEBJAR = "META-INF/resources/webjars/camunda/";

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "tasklist", "welcome" })
	void theChineseLocaleIsServedAndHasEveryKeyOfTheEnglishOne(String app) throws IOException {
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> response = reviewer.get("/camunda/app/" + app + "/locales/zh.json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode zh = json.readTree(response.body());
		JsonNode en = englishOf(app);
		assertThat(keys(zh, "")).isEqualTo(keys(en, ""));
		assertThat(zh.get("labels").size()).isGreaterThan(100);
		// Translated, not copied: the labels that read the same in both are symbols or names.
		Set<String> untranslated = new TreeSet<>();
		en.get("labels").fields().forEachRemaining(e -> {
			String value = e.getValue().asText();
			if (value.matches(".*[A-Za-z]{3,}.*") && value.equals(zh.get("labels").get(e.getKey()).asText())) {
				untranslated.add(e.getKey());
			}
		});
		assertThat(untranslated).isSubsetOf("APP_VENDOR");
	}

	@Test
	void tasklistOffersChineseFirstAndKeepsItsShortcuts() {
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> config = reviewer.get("/camunda/app/tasklist/scripts/config.js");

		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'", "claimTask",
				"startProcess");
		HttpResponse<String> styles = reviewer.get("/camunda/app/tasklist/styles/user-styles.css");
		assertThat(styles.statusCode()).isEqualTo(200);
		assertThat(styles.body()).contains(".ce-eol-banner");
	}

	@Test
	void theLocaleIsNotPublic() {
		HttpResponse<String> anonymous = new WebClient(port).get("/camunda/app/tasklist/locales/zh.json");
		assertThat(anonymous.statusCode()).isIn(302, 401, 403);
	}

	private JsonNode englishOf(String app) throws IOException {
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream(WEBJAR + "app/" + app + "/locales/en.json")) {
			assertThat(in).as("en.json of " + app + " in camunda-webapp-webjar").isNotNull();
			return json.readTree(in);
		}
	}

	/** Every path of an object key, arrays counted by their length, e.g. labels.ABORT or dateLocales.months[12]. */
	private static Set<String> keys(JsonNode node, String prefix) {
		Set<String> keys = new TreeSet<>();
		if (node.isObject()) {
			for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
				String name = it.next();
				String path = prefix.isEmpty() ? name : prefix + "." + name;
				keys.add(path);
				keys.addAll(keys(node.get(name), path));
			}
		}
		else if (node.isArray()) {
			keys.add(prefix + "[" + node.size() + "]");
			for (int i = 0; i < node.size(); i++) {
				keys.addAll(keys(node.get(i), prefix + "[" + i + "]"));
			}
		}
		return keys;
	}

}
