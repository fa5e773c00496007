package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A client that is not a configured proxy names a foreign host in {@code Host} and in
 * every forwarded header. No redirect, page link or OpenAPI server the system answers
 * with may point there: absolute addresses come from the configured public base URL,
 * redirects are relative, and forwarded headers count only from trusted proxies.
 */
@WebIntegrationTest
class PublicAddressTest {

	private static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Value("${renewal.public-base-url}")
	String publicBaseUrl;

	@Test
	void redirectsToTheLoginPageStayOnThisSite() {
		for (String path : new String[] { "/account", "/enterprise/applications", "/camunda/app/tasklist/default/",
				"/admin/models", "/review/applications/1", "/camunda/app/tasklist" }) {
			RawHttp.Response response = hostile("GET", path, null, null);
			assertThat(response.status()).as(path).isEqualTo(302);
			assertStaysOnThisSite(path, response);
		}
	}

	@Test
	void loggingInThroughAForeignHostComesBackToThePageAskedFor() {
		RawHttp.Response asked = hostile("GET", "/enterprise/applications", null, null);
		String session = asked.cookie("RENEWAL_SESSION").orElseThrow();
		RawHttp.Response page = hostile("GET", "/login", session, null);
		assertStaysOnThisSite("/login", page);
		String csrf = WebClient.csrfTokenOf(page.body());

		RawHttp.Response wrong = hostile("POST", "/login", session,
				form(DemoUsers.ENTERPRISE, "not-the-password", csrf));
		assertThat(wrong.status()).isEqualTo(302);
		assertStaysOnThisSite("failed login", wrong);
		assertThat(wrong.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		csrf = WebClient.csrfTokenOf(hostile("GET", "/login?error", session, null).body());
		RawHttp.Response login = hostile("POST", "/login", session,
				form(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD, csrf));
		assertThat(login.status()).isEqualTo(302);
		assertStaysOnThisSite("login", login);
	}

	@Test
	void pagesAndRedirectsOfLoggedInStaffNameOnlyThePublicAddress() {
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String session = admin.cookie("RENEWAL_SESSION");
		for (String path : new String[] { "/", "/admin/models", "/camunda/app/tasklist", "/camunda/app/",
				"/swagger-ui.html", "/swagger-ui/index.html", "/notices", "/verify", "/no-such-page",
				"/v3/api-docs/swagger-config" }) {
			assertStaysOnThisSite(path, hostile("GET", path, session, null));
		}
		RawHttp.Response models = hostile("GET", "/admin/models", session, null);
		assertThat(models.body()).as("Camunda Modeler's endpoint shown to administrators")
			.contains(publicBaseUrl + "/engine-rest");

		RawHttp.Response logout = hostile("POST", "/logout", session,
				"_csrf=" + enc(WebClient.csrfTokenOf(hostile("GET", "/", session, null).body())));
		assertThat(logout.status()).isEqualTo(302);
		assertStaysOnThisSite("logout", logout);
	}

	@Test
	void theOpenApiDocumentNamesTheConfiguredServer() {
		WebClient staff = new WebClient(port);
		staff.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		RawHttp.Response docs = hostile("GET", "/v3/api-docs", staff.cookie("RENEWAL_SESSION"), null);
		assertThat(docs.status()).isEqualTo(200);
		assertStaysOnThisSite("/v3/api-docs", docs);
		assertThat(docs.body()).contains("\"servers\":[{\"url\":\"" + publicBaseUrl + "\"");
	}

	private void assertStaysOnThisSite(String what, RawHttp.Response response) {
		String raw = response.raw().toLowerCase(Locale.ROOT);
		int at = raw.indexOf(EVIL);
		assertThat(at < 0 ? "" : raw.substring(Math.max(0, at - 120), Math.min(raw.length(), at + 60)))
			.as("%s: where the response names the foreign host", what)
			.isEmpty();
		response.header("Location")
			.ifPresent(location -> assertThat(
					location.startsWith(publicBaseUrl + "/") || location.startsWith("/") && !location.startsWith("//"))
				.as("%s redirects to %s", what, location)
				.isTrue());
	}

	/** A request naming the foreign host in every header that could carry a host. */
	private RawHttp.Response hostile(String method, String path, String session, String form) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", EVIL);
		headers.put("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		headers.put("X-Forwarded-Host", EVIL);
		headers.put("X-Forwarded-Proto", "https");
		headers.put("X-Forwarded-Port", "443");
		headers.put("X-Forwarded-Prefix", "/" + EVIL);
		headers.put("X-Forwarded-Server", EVIL);
		headers.put("Forwarded", "for=203.0.113.9;host=" + EVIL + ";proto=https");
		if (session != null) {
			headers.put("Cookie", "RENEWAL_SESSION=" + session);
		}
		if (form != null) {
			headers.put("Content-Type", "application/x-www-form-urlencoded");
		}
		return new RawHttp(port).send(method, path, headers, form);
	}

	private static String form(String user, String password, String csrf) {
		return "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
