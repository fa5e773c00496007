package cn.liaocheng.renewal.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The Chinese Camunda webapps (Tasklist, welcome page, Cockpit, Admin): the application's
 * zh.json is served in place of a missing file to who may open the webapp, it has every
 * key Camunda's en.json (in the webapp jar) has, every label keeps the placeholders and
 * HTML tags of the English one, and each config.js offers Chinese first.
 */
@WebIntegrationTest
class WebappLocaleTest {

	private static final String WEBJAR = "META-INF/resources/webjars/camunda/";

	/**
	 * Angular-translate placeholders ({{name}}), moment's %s and %d, the {} of a count,
	 * and real HTML tags.
	 */
	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{[^}]*}}|\\{}|%[sd]|</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>");

	/** Labels that read the same in both: product names, file formats, a date pattern. */
	private static final Set<String> THE_SAME_IN_CHINESE = Set.of("Camunda", "Optimize", "CSV", "JSON",
			"YYYY-MM-DDTHH:mm:ss");

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "tasklist, gx-industry", "welcome, gx-industry", "cockpit, admin", "admin, admin" })
	void theChineseLocaleIsServedAndHasEveryKeyAndPlaceholderOfTheEnglishOne(String app, String user)
			throws IOException {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);

		HttpResponse<String> response = client.get("/camunda/app/" + app + "/locales/zh.json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode zh = json.readTree(response.body());
		JsonNode en = englishOf(app);
		assertThat(keys(zh, "")).isEqualTo(keys(en, ""));
		assertThat(zh.get("labels").size()).isGreaterThan(100);
		Map<String, String> placeholdersChanged = new TreeMap<>();
		Set<String> untranslated = new TreeSet<>();
		en.get("labels").fields().forEachRemaining(e -> {
			String english = e.getValue().asText();
			String chinese = zh.get("labels").get(e.getKey()).asText();
			if (!placeholders(english).equals(placeholders(chinese))) {
				placeholdersChanged.put(e.getKey(), english + " → " + chinese);
			}
			// Translated, not copied: a label with a word in it must differ from the
			// English one.
			if (english.matches("(?s).*[A-Za-z]{3,}.*") && english.equals(chinese)
					&& !THE_SAME_IN_CHINESE.contains(english)) {
				untranslated.add(e.getKey());
			}
		});
		assertThat(placeholdersChanged).as("labels whose placeholders or tags differ from the English").isEmpty();
		assertThat(untranslated).as("labels left in English").isEmpty();
	}

	@Test
	void thePlaceholderCheckFindsAChangedPlaceholder() {
		assertThat(placeholders("Group {{group}} successfully deleted.")).isEqualTo(placeholders("组 {{ group }} 已删除。"))
			.isNotEqualTo(placeholders("组 {{name}} 已删除。"))
			.isNotEqualTo(placeholders("组已删除。"));
		assertThat(placeholders("check the <a href=\"#/batch\">Batches Page</a>"))
			.isNotEqualTo(placeholders("请查看批处理页面"));
		assertThat(placeholders("<null>")).isEqualTo(placeholders("<空值>"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "tasklist; gx-industry; ['zh']", "welcome; gx-industry; ['zh']",
			"cockpit; admin; ['zh', 'en']", "admin; admin; ['zh', 'en']" })
	void eachWebappOffersChineseFirstAndTheReviewersChineseOnly(String app, String user, String locales) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);

		HttpResponse<String> config = client.get("/camunda/app/" + app + "/scripts/config.js");

		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("availableLocales: " + locales + ",", "fallbackLocale: 'zh'",
				"'../single-login'");
		HttpResponse<String> styles = client.get("/camunda/app/" + app + "/styles/user-styles.css");
		assertThat(styles.statusCode()).isEqualTo(200);
		assertThat(styles.body()).contains(".ce-eol-banner");
	}

	@Test
	void tasklistKeepsItsShortcutsButTheOneThatStartsAProcess() {
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> config = reviewer.get("/camunda/app/tasklist/scripts/config.js");

		assertThat(config.body()).contains("claimTask", "focusForm").doesNotContain("startProcess");
	}

	@Test
	void theLocalesAreNotPublicAndCockpitsIsForAdministratorsOnly() {
		HttpResponse<String> anonymous = new WebClient(port).get("/camunda/app/tasklist/locales/zh.json");
		assertThat(anonymous.statusCode()).isIn(302, 401, 403);
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get("/camunda/app/cockpit/locales/zh.json").statusCode()).isIn(302, 403);
		assertThat(reviewer.get("/camunda/app/admin/locales/zh.json").statusCode()).isIn(302, 403);
	}

	private static List<String> placeholders(String label) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(label);
		while (matcher.find()) {
			found.add(matcher.group().replace(" ", ""));
		}
		found.sort(null);
		return found;
	}

	private JsonNode englishOf(String app) throws IOException {
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream(WEBJAR + "app/" + app + "/locales/en.json")) {
			assertThat(in).as("en.json of " + app + " in camunda-webapp-webjar").isNotNull();
			return json.readTree(in);
		}
	}

	/**
	 * Every path of an object key, arrays counted by their length, e.g. labels.ABORT or
	 * dateLocales.months[12].
	 */
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
