package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The enterprise's 需要您处理 card is the enterprise's only, and the Tasklist scripts that
 * share {@code review-api.js} write server text into the page as text only, with the
 * application's CSRF token on every write.
 */
@WebIntegrationTest
class InsiderPortalDoorsTest {

	private static final Path SCRIPTS = Path
		.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts");

	/** Every way a script could turn a string into markup or code. */
	private static final Pattern MARKUP = Pattern.compile(
			"innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\.html\\(|createContextualFragment|DOMParser|\\beval\\(|new Function\\(|setAttribute\\(\\s*['\"]on");

	private static final Pattern HREF = Pattern.compile("href['\"]?\\s*:\\s*([^,}]+)");

	@LocalServerPort
	int port;

	@Test
	void staffSeeNoEnterprisesCardNorItsList() {
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ADMIN)) {
			WebClient client = new WebClient(port);
			client.login(user, DemoUsers.PASSWORD);
			assertThat(client.get("/").body()).as(user).doesNotContain("需要您处理");
			assertThat(client.get("/enterprise/applications").statusCode()).as(user).isEqualTo(403);
		}
	}

	@Test
	void tasklistScriptsWriteServerTextAsTextOnly() throws IOException {
		try (Stream<Path> files = Files.list(SCRIPTS)) {
			List<Path> scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
			assertThat(scripts).extracting(f -> f.getFileName().toString())
				.contains("review-api.js", "operations.js", "worklist.js");
			for (Path script : scripts) {
				String code = Files.readString(script);
				assertThat(MARKUP.matcher(code).find()).as("%s writes markup", script.getFileName()).isFalse();
				Matcher href = HREF.matcher(code);
				while (href.find()) {
					assertThat(href.group(1).strip()).as("%s: a link built from server text", script.getFileName())
						.startsWith("'/");
				}
			}
		}
	}

	@Test
	void everyWriteOfTheReviewApiCarriesTheApplicationsCsrfToken() throws IOException {
		String api = Files.readString(SCRIPTS.resolve("review-api.js"));
		assertThat(api).contains("fetch(API + '/csrf', {credentials: 'same-origin'})",
				"headers[token.headerName] = token.token;", "return method === 'GET' ? send(null) : csrf().then(send);",
				"credentials: 'same-origin'");
		for (String script : List.of("operations.js", "worklist.js")) {
			String code = Files.readString(SCRIPTS.resolve(script));
			assertThat(code).as(script).contains("from './review-api.js'");
			code.lines()
				.filter(line -> line.contains("fetch("))
				.forEach(line -> assertThat(line).as("%s: a write outside review-api.js", script)
					.doesNotContain("method")
					.doesNotContain("body"));
		}
	}

}
