package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static cn.liaocheng.renewal.enterprise.Registrations.submit;
import static cn.liaocheng.renewal.enterprise.Registrations.validForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county industry bureau's lead acts for the bureau on its county's enterprise
 * accounts, as the bureau's members do: lists them, resets a password, activates and
 * disables; the lead of another county sees and changes none of them.
 */
@WebIntegrationTest
class IndustryBureauLeadTest {

	private static final String GX_LEAD = "gx-industry-lead";

	private static final String LQ_LEAD = "lq-industry-lead";

	private static final String NOTE = "经办人持营业执照副本和身份证到局核验";

	private static final Pattern SHOWN = Pattern.compile("id=\"temporary-password\">([^<]+)<");

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void theLeadListsItsCountysPendingAccountAndResetsItsPassword() throws Exception {
		Enterprise pending = registered();
		WebClient lead = as(GX_LEAD);

		String page = lead.get("/county/enterprises?q=" + enc(pending.creditCode().value())).body();
		assertThat(page).contains("管辖范围：<span>冠县</span>。", pending.name(), "待激活", "共 1 个账户", "重置密码", "激活", "驳回注册");
		assertThat(listed(lead, "")).contains(pending.userId());

		HttpResponse<String> reset = lead.postForm("/county/enterprises/" + pending.id() + "/password-reset",
				"_csrf=" + token(lead) + "&verification=" + enc(NOTE));
		assertThat(reset.statusCode()).isEqualTo(200);
		Matcher shown = SHOWN.matcher(reset.body());
		assertThat(shown.find()).as(reset.body()).isTrue();
		assertThat(new WebClient(port).login(pending.userId(), shown.group(1)).headers().firstValue("Location"))
			.hasValue("/account");
		assertThat(audit(pending))
			.anySatisfy(entry -> assertThat(entry).startsWith(GX_LEAD + " ENTERPRISE_PASSWORD_RESET"));
	}

	@Test
	void theLeadActivatesAndDisablesForTheBureau() {
		Enterprise pending = registered();
		WebClient lead = as(GX_LEAD);
		String path = "/api/county/enterprises/" + pending.id();

		assertThat(lead.postJson(path + "/activate", "", "X-CSRF-TOKEN", token(lead)).statusCode()).isEqualTo(200);
		assertThat(registry.findByUser(pending.userId()).orElseThrow().status()).isEqualTo(EnterpriseStatus.ACTIVE);
		assertThat(jdbc.sql("SELECT activated_by FROM enterprise WHERE id = ?")
			.param(pending.id())
			.query(String.class)
			.single()).isEqualTo(GX_LEAD);
		assertThat(lead.postJson(path + "/disable", "{\"reason\":\"经核实，该企业已注销\"}", "X-CSRF-TOKEN", token(lead))
			.statusCode()).isEqualTo(200);
		assertThat(registry.findByUser(pending.userId()).orElseThrow().status()).isEqualTo(EnterpriseStatus.DISABLED);
		assertThat(audit(pending)).anySatisfy(entry -> assertThat(entry).startsWith(GX_LEAD + " ENTERPRISE_ACTIVATED"))
			.anySatisfy(entry -> assertThat(entry).startsWith(GX_LEAD + " ENTERPRISE_DISABLED"));
	}

	@Test
	void anotherCountysLeadSeesAndChangesNothingOfIt() throws Exception {
		Enterprise pending = registered();
		WebClient other = as(LQ_LEAD);
		long id = pending.id();

		String page = other.get("/county/enterprises?q=" + enc(pending.creditCode().value())).body();
		assertThat(page).contains("管辖范围：<span>临清市</span>。", "没有找到符合条件的企业账户").doesNotContain(pending.name());
		assertThat(other.get("/county/enterprises?division=371525").body()).doesNotContain(pending.name());
		assertThat(listed(other, "")).doesNotContain(pending.userId());
		assertThat(listed(other, "?division=371525")).isEmpty();

		String csrf = token(other);
		assertThat(other
			.postForm("/county/enterprises/" + id + "/password-reset", "_csrf=" + csrf + "&verification=" + enc(NOTE))
			.statusCode()).isEqualTo(404);
		assertThat(other
			.postJson("/api/county/enterprises/" + id + "/password-reset", "{\"verification\":\"" + NOTE + "\"}",
					"X-CSRF-TOKEN", csrf)
			.statusCode()).isEqualTo(404);
		for (String act : List.of("activate", "disable", "reject")) {
			assertThat(other
				.postForm("/county/enterprises/" + id + "/" + act, "_csrf=" + csrf + "&reason=" + enc("冒用他人名义注册"))
				.statusCode()).as(act).isEqualTo(403);
			assertThat(other
				.postJson("/api/county/enterprises/" + id + "/" + act, "{\"reason\":\"冒用他人名义注册\"}", "X-CSRF-TOKEN",
						csrf)
				.statusCode()).as(act).isEqualTo(403);
		}
		assertThat(registry.findByUser(pending.userId()).orElseThrow().status()).isEqualTo(EnterpriseStatus.PENDING);
		assertThat(audit(pending)).isEmpty();
	}

	@Test
	void theStartPageShowsTheLeadItsCountysPendingRegistrations() throws Exception {
		WebClient lead = as(GX_LEAD);
		long before = pendingOnStartPage(lead);

		registered();

		String home = lead.get("/").body();
		assertThat(home).contains("id=\"activation-tile\"", "href=\"/county/enterprises\"", "企业账户激活");
		assertThat(pendingOnStartPage(lead)).isEqualTo(before + 1).isEqualTo(pendingListed(lead));
		assertThat(as("gx-finance-lead").get("/").body()).doesNotContain("activation-tile");
		assertThat(as("lc-industry-lead").get("/").body()).doesNotContain("activation-tile");
	}

	/** A registration of 冠县 through the page, so that its login exists. */
	private Enterprise registered() {
		String userId = freshUserId();
		assertThat(submit(new WebClient(port), validForm(freshCreditCode("371525"), userId)).statusCode())
			.isEqualTo(302);
		return registry.findByUser(userId).orElseThrow();
	}

	/** The logins the page's JSON twin lists to the client. */
	private List<String> listed(WebClient client, String query) throws Exception {
		HttpResponse<String> answer = client.get("/api/county/enterprises" + query);
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode list = json.readTree(answer.body());
		return list.findValuesAsText("userId");
	}

	private long pendingListed(WebClient client) throws Exception {
		long pending = 0;
		for (JsonNode account : json.readTree(client.get("/api/county/enterprises").body())) {
			pending += "PENDING".equals(account.get("status").asText()) ? 1 : 0;
		}
		return pending;
	}

	private static long pendingOnStartPage(WebClient client) {
		Matcher shown = Pattern.compile("待激活 <strong[^>]*>(\\d+)</strong> 户").matcher(client.get("/").body());
		assertThat(shown.find()).as("the activation tile's count").isTrue();
		return Long.parseLong(shown.group(1));
	}

	private List<String> audit(Enterprise enterprise) {
		return jdbc.sql("SELECT actor || ' ' || action FROM audit_log WHERE subject = ?")
			.param("enterprise:" + enterprise.id())
			.query(String.class)
			.list();
	}

	private WebClient as(String user) {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
		assertThat(login.headers().firstValue("Location")).as("login of %s", user)
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return client;
	}

	private static String token(WebClient client) {
		return WebClient.csrfTokenOf(client.get("/").body());
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
