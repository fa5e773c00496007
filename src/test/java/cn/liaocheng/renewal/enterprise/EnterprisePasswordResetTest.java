package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county industry bureau resets the forgotten password of an enterprise of its county:
 * the temporary password is shown once, only lets the account change it, lapses after 72
 * hours, and reaches neither the audit trail nor the enterprise's messages.
 */
@WebIntegrationTest
class EnterprisePasswordResetTest {

	private static final String NOTE = "经办人持营业执照副本和身份证到局核验";

	private static final Pattern SHOWN = Pattern.compile("id=\"temporary-password\">([^<]+)<");

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void aResetPasswordOnlyLetsItsAccountChangeItAndTheChangeFreesTheAccount() throws Exception {
		Enterprise enterprise = activeEnterprise();
		WebClient before = login(enterprise.userId(), Registrations.PASSWORD);
		assertThat(before.get("/account").statusCode()).isEqualTo(200);
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(officer.get("/county/enterprises?q=" + enc(enterprise.userId())).body()).contains("重置密码");

		HttpResponse<String> page = officer.postForm("/county/enterprises/" + enterprise.id() + "/password-reset",
				"_csrf=" + token(officer) + "&verification=" + enc(NOTE));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		Matcher shown = SHOWN.matcher(page.body());
		assertThat(shown.find()).as(page.body()).isTrue();
		String temporary = shown.group(1);
		User account = identity.createUserQuery().userId(enterprise.userId()).singleResult();
		assertThat(identity.checkPasswordAgainstPolicy(temporary, account).isValid()).isTrue();
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(10)
			.matches(".*[A-Z].*")
			.matches(".*[a-z].*")
			.matches(".*[0-9].*")
			.matches(".*[@#$%!_].*");
		assertThat(before.get("/account").statusCode()).as("the account's old session").isEqualTo(302);
		// The county sees that the enterprise has not changed it yet.
		assertThat(row(officer, enterprise))
			.contains("临时密码未修改（有效至" + ChinaTime.minute(Instant.now().plus(Duration.ofHours(72))).substring(0, 10));

		WebClient temp = new WebClient(port);
		assertThat(temp.login(enterprise.userId(), temporary).headers().firstValue("Location")).hasValue("/account");
		assertThat(temp.get("/").headers().firstValue("Location")).hasValue("/account");
		assertThat(temp.get("/enterprise/applications").headers().firstValue("Location")).hasValue("/account");
		assertThat(temp.get("/api/tokens").statusCode()).isEqualTo(403);
		HttpResponse<String> api = temp.get("/api/me");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(json.readTree(api.body()).path("title").asText()).isEqualTo("请先修改临时密码");
		HttpResponse<String> basic = new WebClient(port).withBasic(enterprise.userId(), temporary).get("/api/me");
		assertThat(basic.statusCode()).isEqualTo(403);
		assertThat(basic.body()).contains("请先修改临时密码");
		assertThat(temp.get("/css/portal.css").statusCode()).isEqualTo(200);
		String accountPage = temp.get("/account").body();
		assertThat(accountPage).contains("修改密码");

		String newPassword = "Fresh@2026Gx!";
		HttpResponse<String> changed = temp.postForm("/account/password",
				"_csrf=" + WebClient.csrfTokenOf(accountPage) + "&currentPassword=" + enc(temporary) + "&newPassword="
						+ enc(newPassword) + "&confirmPassword=" + enc(newPassword));
		assertThat(changed.headers().firstValue("Location")).hasValue("/account");

		assertThat(temp.get("/").statusCode()).as("the same session, freed").isEqualTo(200);
		assertThat(temp.get("/api/me").statusCode()).isEqualTo(200);
		assertThat(new WebClient(port).withBasic(enterprise.userId(), newPassword).get("/api/me").statusCode())
			.isEqualTo(200);
		assertThat(marks(enterprise.userId())).isZero();
		assertThat(row(officer, enterprise)).doesNotContain("临时密码未修改", "临时密码已过期");

		assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || details FROM audit_log WHERE subject = ?")
			.param("enterprise:" + enterprise.id())
			.query(String.class)
			.list())
			.anySatisfy(entry -> assertThat(entry).startsWith(DemoUsers.COUNTY_REVIEWER + " ENTERPRISE_PASSWORD_RESET")
				.contains(NOTE));
		assertThat(jdbc
			.sql("SELECT actor || ' ' || details FROM audit_log WHERE action = 'USER_PASSWORD_CHANGED' AND subject = ?")
			.param("user:" + enterprise.userId())
			.query(String.class)
			.list()).containsExactly(DemoUsers.COUNTY_REVIEWER + " reset", enterprise.userId() + " by the holder");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE details LIKE ?")
			.param("%" + temporary + "%")
			.query(Long.class)
			.single()).as("the password in the audit trail").isZero();

		List<String> messages = jdbc
			.sql("SELECT title || ' ' || body FROM notification WHERE recipient_id = ? AND kind = 'PASSWORD_RESET'")
			.param(enterprise.userId())
			.query(String.class)
			.list();
		assertThat(messages).singleElement()
			.satisfies(m -> assertThat(m).contains("账户密码已被重置", "冠县工业和信息化局", "72", "年", "临时密码由该局当面或电话告知经办人")
				.doesNotContain(temporary, "短信"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM notification n WHERE n.body LIKE ? OR n.title LIKE ?""")
			.param("%" + temporary + "%")
			.param("%" + temporary + "%")
			.query(Long.class)
			.single()).isZero();
		// Last: a failed login makes this network wait a second before the next one.
		assertThat(
				new WebClient(port).login(enterprise.userId(), Registrations.PASSWORD).headers().firstValue("Location"))
			.as("the old password")
			.hasValueSatisfying(l -> assertThat(l).contains("error"));
	}

	@Test
	void aTemporaryPasswordLapsesAfter72HoursAndTheLeadMayResetToo() throws Exception {
		Enterprise enterprise = activeEnterprise();
		WebClient lead = login("gx-industry-lead", DemoUsers.PASSWORD);

		HttpResponse<String> reset = lead.postJson("/api/county/enterprises/" + enterprise.id() + "/password-reset",
				"{\"verification\":\"" + NOTE + "\"}", "X-CSRF-TOKEN", token(lead));

		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		JsonNode answer = json.readTree(reset.body());
		String temporary = answer.path("temporaryPassword").asText();
		assertThat(Duration.between(Instant.now(), OffsetDateTime.parse(answer.path("expiresAt").asText()).toInstant()))
			.isBetween(Duration.ofHours(71), Duration.ofHours(72));
		WebClient during = new WebClient(port);
		assertThat(during.login(enterprise.userId(), temporary).headers().firstValue("Location")).hasValue("/account");
		jdbc.sql("UPDATE temporary_password SET expires_at = ? WHERE user_id = ?")
			.param(Timestamp.from(Instant.now().minusSeconds(60)))
			.param(enterprise.userId())
			.update();

		assertThat(row(login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD), enterprise))
			.contains("临时密码已过期未修改，企业须再次申请重置");
		assertThat(during.get("/account").headers().firstValue("Location")).as("a session that outlives it")
			.hasValue("/login?error");
		assertThat(during.get("/login?error").body()).contains("临时密码已超过 72 小时有效期");
		WebClient late = new WebClient(port);
		assertThat(late.login(enterprise.userId(), temporary).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("error"));
		assertThat(late.get("/login?error").body()).contains("临时密码已超过 72 小时有效期", "工业和信息化局");
		assertThat(new WebClient(port).withBasic(enterprise.userId(), temporary).get("/api/me").statusCode())
			.isEqualTo(401);
	}

	@Test
	void outsidersAreRefusedWhateverTheSpellingAndNothingChanges() {
		Enterprise enterprise = activeEnterprise();
		long id = enterprise.id();
		String body = "{\"verification\":\"" + NOTE + "\"}";
		String form = "verification=" + enc(NOTE);
		WebClient otherCounty = login("lq-industry", DemoUsers.PASSWORD);
		assertThat(otherCounty
			.postForm("/county/enterprises/" + id + "/password-reset", "_csrf=" + token(otherCounty) + "&" + form)
			.statusCode()).isEqualTo(404);
		assertThat(otherCounty
			.postJson("/api/county/enterprises/" + id + "/password-reset", body, "X-CSRF-TOKEN", token(otherCounty))
			.statusCode()).isEqualTo(404);
		for (String user : List.of("gx-finance", DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER, DemoUsers.ENTERPRISE,
				DemoUsers.ADMIN)) {
			WebClient client = login(user, DemoUsers.PASSWORD);
			assertThat(client
				.postJson("/api/county/enterprises/" + id + "/password-reset", body, "X-CSRF-TOKEN", token(client))
				.statusCode()).as(user).isEqualTo(403);
		}
		for (String user : List.of("lq-industry", "gx-finance", DemoUsers.CITY_REVIEWER, DemoUsers.ENTERPRISE)) {
			WebClient client = login(user, DemoUsers.PASSWORD);
			String csrf = token(client);
			for (String root : List.of("/county/enterprises/", "/api/county/enterprises/")) {
				for (String path : List.of(root + id + "/password-reset/",
						root.replace("/enterprises/", "//enterprises/") + id + "/password-reset",
						root + id + "/password-reset;x=1", root + id + ";x=1/password-reset",
						root.toUpperCase() + id + "/password-reset", root + "0" + id + "/password-reset",
						root + id + "/./password-reset", root + "1/../" + id + "/password-reset",
						root + id + "%2Fpassword-reset")) {
					assertThat(client.postForm(path, "_csrf=" + csrf + "&" + form).statusCode()).as("%s %s", user, path)
						.isGreaterThanOrEqualTo(400);
					assertThat(client.postJson(path, body, "X-CSRF-TOKEN", csrf).statusCode()).as("%s %s", user, path)
						.isGreaterThanOrEqualTo(400);
				}
			}
		}
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(officer.postForm("/county/enterprises/" + id + "/password-reset", form).statusCode())
			.as("no CSRF token")
			.isEqualTo(403);
		assertUntouched(enterprise);
	}

	@Test
	void theBureauResetsEnterpriseAccountsOnlyAndChecksWhatItIsSent() {
		Enterprise enterprise = activeEnterprise();
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		String path = "/api/county/enterprises/" + enterprise.id() + "/password-reset";
		for (String sent : List.of("{\"verification\":\"核验\"}", "{\"verification\":\"" + "核".repeat(201) + "\"}",
				"{\"verification\":\"经办人到局\\u202E核验身份\"}", "{\"verification\":\"" + NOTE + "\",\"userId\":\"admin\"}",
				"{\"verification\":7}", "[]")) {
			HttpResponse<String> refused = officer.postJson(path, sent, "X-CSRF-TOKEN", token(officer));
			assertThat(refused.statusCode()).as(sent).isEqualTo(400);
		}
		assertUntouched(enterprise);

		String staffId = freshUserId();
		User staff = identity.newUser(staffId);
		staff.setLastName("冠县财政局");
		staff.setPassword(Registrations.PASSWORD);
		identity.saveUser(staff);
		identity.createMembership(staffId, "enterprise");
		identity.createMembership(staffId, "county-371525-finance");
		Enterprise posing = registry.record(new NewEnterprise(new CreditCode(freshCreditCode("371525")),
				"冠县挂名企业" + staffId, "371525", "专用设备制造", "联系人", "13800000000", staffId), null);
		HttpResponse<String> refused = officer.postJson("/api/county/enterprises/" + posing.id() + "/password-reset",
				"{\"verification\":\"" + NOTE + "\"}", "X-CSRF-TOKEN", token(officer));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(identity.checkPassword(staffId, Registrations.PASSWORD)).isTrue();
		assertThat(marks(staffId)).isZero();
	}

	/**
	 * A refresh of the page that shows the temporary password posts the same form again:
	 * it must not reset a second time (the password just read out to the enterprise would
	 * stop working), while a form shown afterwards, or the same page's form for another
	 * enterprise, resets as asked.
	 */
	@Test
	void aRefreshOfTheShownPasswordDoesNotResetAgain() {
		Enterprise first = activeEnterprise();
		Enterprise second = activeEnterprise();
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		String list = officer.get("/county/enterprises?q=" + enc(first.userId())).body();
		Matcher formField = Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]{16})\"").matcher(list);
		assertThat(formField.find()).as("the reset form's own mark").isTrue();
		String form = "_csrf=" + WebClient.csrfTokenOf(list) + "&verification=" + enc(NOTE) + "&form="
				+ formField.group(1);

		HttpResponse<String> shown = officer.postForm("/county/enterprises/" + first.id() + "/password-reset", form);
		Matcher password = SHOWN.matcher(shown.body());
		assertThat(password.find()).as(shown.body()).isTrue();
		String temporary = password.group(1);

		HttpResponse<String> again = officer.postForm("/county/enterprises/" + first.id() + "/password-reset", form);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/county/enterprises"));
		assertThat(officer.get("/county/enterprises").body()).contains("刷新或重复提交不会再次重置");
		assertThat(identity.checkPassword(first.userId(), temporary)).as("the password read out still works").isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ENTERPRISE_PASSWORD_RESET' AND subject = ?")
			.param("enterprise:" + first.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		HttpResponse<String> other = officer.postForm("/county/enterprises/" + second.id() + "/password-reset", form);
		assertThat(SHOWN.matcher(other.body()).find()).as("the same page's form for another enterprise").isTrue();

		String later = officer.get("/county/enterprises?q=" + enc(first.userId())).body();
		Matcher laterField = Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]{16})\"").matcher(later);
		assertThat(laterField.find()).isTrue();
		assertThat(laterField.group(1)).isNotEqualTo(formField.group(1));
		HttpResponse<String> resetAgain = officer.postForm("/county/enterprises/" + first.id() + "/password-reset",
				"_csrf=" + WebClient.csrfTokenOf(later) + "&verification=" + enc(NOTE) + "&form="
						+ laterField.group(1));
		Matcher newPassword = SHOWN.matcher(resetAgain.body());
		assertThat(newPassword.find()).as("a reset asked for from the list shown again").isTrue();
		assertThat(identity.checkPassword(first.userId(), newPassword.group(1))).isTrue();
		assertThat(identity.checkPassword(first.userId(), temporary)).isFalse();
	}

	private void assertUntouched(Enterprise enterprise) {
		assertThat(login(enterprise.userId(), Registrations.PASSWORD).get("/").statusCode()).isEqualTo(200);
		assertThat(marks(enterprise.userId())).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ENTERPRISE_PASSWORD_RESET' AND subject = ?")
			.param("enterprise:" + enterprise.id())
			.query(Long.class)
			.single()).isZero();
	}

	private long marks(String userId) {
		return jdbc.sql("SELECT COUNT(*) FROM temporary_password WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	private Enterprise activeEnterprise() {
		return Registrations.activeEnterprise(port, registry);
	}

	/** The enterprise's row of the county's account list. */
	private static String row(WebClient officer, Enterprise enterprise) {
		String page = officer.get("/county/enterprises?q=" + enc(enterprise.userId())).body();
		int start = page.indexOf("id=\"enterprise-" + enterprise.id() + "\"");
		assertThat(start).as("the enterprise's row").isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private WebClient login(String user, String password) {
		WebClient client = new WebClient(port);
		assertThat(client.login(user, password).headers().firstValue("Location")).as("login of %s", user)
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
