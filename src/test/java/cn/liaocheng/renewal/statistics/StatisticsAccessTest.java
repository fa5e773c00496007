package cn.liaocheng.renewal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Who may see statistics and enter or edit targets, on every door: the page, each export,
 * the targets' pages and their API, in other spellings, with another county's code and
 * with someone else's target.
 */
@WebIntegrationTest
class StatisticsAccessTest {

	private static final List<String> DOORS = List.of("/statistics", "/statistics?year=all",
			"/statistics/export/county.xlsx", "/statistics/export/county.csv?year=2025", "/statistics/export/money.csv",
			"/statistics/export/targets.xlsx", "/statistics/targets", "/statistics/targets/5g-base-stations-2025",
			"/api/statistics/targets");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.ENTERPRISE, DemoUsers.BANK_OFFICER })
	void enterprisesAndBanksAreRefusedOnEveryDoorAndSpelling(String user) {
		WebClient client = loggedIn(user);
		for (String door : DOORS) {
			assertThat(client.get(door).statusCode()).as(user + " GET " + door).isEqualTo(403);
		}
		for (String spelling : List.of("/statistics/", "/Statistics", "/STATISTICS/export/county.csv",
				"/statistics/export/county.CSV", "/statistics/export/./county.csv", "/statistics;x=1", "//statistics",
				"/statistics/%2e%2e/statistics", "/api/statistics/targets/")) {
			assertThat(client.get(spelling).statusCode()).as(user + " GET " + spelling).isIn(400, 403, 404);
		}
		String token = WebClient.csrfTokenOf(client.get("/").body());
		assertThat(client
			.postForm("/statistics/targets/5g-base-stations-2025/values", "periodEnd=2025-12-31&value=1&_csrf=" + token)
			.statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).withBasic(user, DemoUsers.PASSWORD)
			.postJson("/api/statistics/targets/5g-base-stations-2025/values",
					"{\"periodEnd\":\"2025-12-31\",\"value\":1}")
			.statusCode()).isEqualTo(403);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM plan_target_value WHERE reported_value = 1").query(Long.class).single())
			.isZero();
	}

	@Test
	void anonymousVisitorsAreSentToLogin() {
		WebClient anonymous = new WebClient(port);
		for (String door : DOORS) {
			HttpResponse<String> response = anonymous.get(door);
			if (door.startsWith("/api/")) {
				assertThat(response.statusCode()).as(door).isEqualTo(401);
			}
			else {
				assertThat(response.statusCode()).as(door).isEqualTo(302);
			}
		}
	}

	@Test
	void cityBodiesAndAdministratorsSeeTheWholeCityAndMayNarrowToACounty() {
		for (String user : List.of(DemoUsers.ADMIN, DemoUsers.CITY_REVIEWER)) {
			WebClient client = loggedIn(user);
			HttpResponse<String> page = client.get("/statistics?year=2025");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("范围：全市 · 2025年", "临清市", "冠县");
			HttpResponse<String> narrowed = client.get("/statistics?year=2025&county=371581");
			assertThat(narrowed.body()).contains("范围：临清市 · 2025年");
			assertThat(client.get("/statistics?county=999999").statusCode()).isEqualTo(400);
			assertThat(client.get("/statistics?year=20x5").statusCode()).isEqualTo(400);
			assertThat(client.get("/statistics/export/nothing.csv").statusCode()).isEqualTo(404);
			assertThat(client.get("/statistics/export/county.pdf").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aCountyBodySeesOnlyItsCountyWhateverTheParametersSay() {
		WebClient county = loggedIn(DemoUsers.COUNTY_REVIEWER);
		HttpResponse<String> page = county.get("/statistics?year=2025");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("范围：冠县 · 2025年").doesNotContain("临清市");
		assertThat(county.get("/statistics?year=2025&county=371525").statusCode()).isEqualTo(200);
		for (String door : List.of("/statistics?county=371581", "/statistics/export/county.csv?county=371581",
				"/statistics/export/loans.xlsx?year=all&county=371581", "/statistics/export/money.csv?county=%20371581",
				"/statistics/export/targets.xlsx?county=371581",
				"/statistics/export/bodies.csv?year=2025&county=371581")) {
			assertThat(county.get(door).statusCode()).as(door).isEqualTo(403);
		}
		// Two counties at once is no county at all: refused, never widened.
		assertThat(county.get("/statistics?county=371581&county=371525").statusCode()).isIn(400, 403);
		String csv = new String(county.getBytes("/statistics/export/county.csv?year=all").body(),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("范围：冠县 · 全部年度").doesNotContain("临清市", "东昌府区");
	}

	@Test
	void onlyTheResponsibleBodyEntersItsTargetsValuesAndOnlyAdministratorsEditTargets() {
		// 5G base stations are the telecom office's; the industry bureau may not enter
		// them.
		WebClient industry = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD);
		assertThat(industry
			.postJson("/api/statistics/targets/5g-base-stations-2025/values",
					"{\"periodEnd\":\"2025-06-30\",\"value\":9000}")
			.statusCode()).isEqualTo(403);
		WebClient telecom = new WebClient(port).withBasic("lc-telecom", DemoUsers.PASSWORD);
		assertThat(telecom
			.postJson("/api/statistics/targets/green-factories-2025/values",
					"{\"periodEnd\":\"2025-06-30\",\"value\":9000}")
			.statusCode()).as("another body's target").isEqualTo(403);
		HttpResponse<String> computed = industry.postJson(
				"/api/statistics/targets/equipment-investment-growth-2027/values",
				"{\"periodEnd\":\"2025-06-30\",\"value\":1}");
		assertThat(computed.statusCode()).isEqualTo(400);
		assertThat(computed.body()).contains("自动计算");
		HttpResponse<String> future = telecom.postJson("/api/statistics/targets/5g-base-stations-2025/values",
				"{\"periodEnd\":\"2099-12-31\",\"value\":9000}");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("不能晚于今天");
		assertThat(telecom
			.postJson("/api/statistics/targets/5g-base-stations-2025/values",
					"{\"periodEnd\":\"2025-06-30\",\"value\":-5}")
			.body()).contains("不小于0");
		// A field the value does not have is refused, not dropped; so is a hidden
		// character in the note.
		HttpResponse<String> extra = telecom.postJson("/api/statistics/targets/5g-base-stations-2025/values",
				"{\"periodEnd\":\"2025-06-30\",\"value\":9000,\"enteredBy\":\"lc-industry\"}");
		assertThat(extra.statusCode()).isEqualTo(400);
		assertThat(extra.body()).contains("不允许的字段：enteredBy");
		HttpResponse<String> hidden = telecom.postJson("/api/statistics/targets/5g-base-stations-2025/values",
				"{\"periodEnd\":\"2025-06-30\",\"value\":9000,\"note\":\"\u202e\u5df2\u6838\u5b9e\"}");
		assertThat(hidden.statusCode()).isEqualTo(400);
		assertThat(hidden.body()).contains("说明");

		// The telecom office enters through its page too (CSRF token from the page), and
		// corrects its value.
		WebClient page = loggedIn("lc-telecom");
		String html = page.get("/statistics/targets/5g-base-stations-2025").body();
		assertThat(html).contains("填报期末数值");
		String token = WebClient.csrfTokenOf(html);
		assertThat(page
			.postForm("/statistics/targets/5g-base-stations-2025/values",
					"periodEnd=2025-06-30&value=9000&note=&_csrf=" + token)
			.statusCode()).isEqualTo(302);
		assertThat(page
			.postForm("/statistics/targets/5g-base-stations-2025/values",
					"periodEnd=2025-06-30&value=9100&note=%E6%9B%B4%E6%AD%A3&_csrf=" + token)
			.statusCode()).isEqualTo(302);
		assertThat(page.postForm("/statistics/targets/5g-base-stations-2025/values", "periodEnd=2025-06-30&value=9100")
			.statusCode()).as("without the CSRF token").isEqualTo(403);
		assertThat(jdbc
			.sql("SELECT reported_value FROM plan_target_value WHERE target_key = '5g-base-stations-2025' "
					+ "AND period_end = DATE '2025-06-30'")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("9100");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE subject = 'plan-target:5g-base-stations-2025' "
					+ "AND details LIKE '%replaced=9000%'")
			.query(Long.class)
			.single()).isEqualTo(1);

		// A city body may not edit the target itself; an administrator may, and a stale
		// form is refused.
		assertThat(
				page.postForm("/statistics/targets/5g-base-stations-2025", "indicator=x&_csrf=" + token).statusCode())
			.isEqualTo(403);
		WebClient admin = loggedIn(DemoUsers.ADMIN);
		String edit = admin.get("/statistics/targets/5g-base-stations-2025").body();
		String adminToken = WebClient.csrfTokenOf(edit);
		int version = jdbc.sql("SELECT version FROM plan_target WHERE target_key = '5g-base-stations-2025'")
			.query(Integer.class)
			.single();
		String form = "indicator=5G%E5%9F%BA%E7%AB%99&wording=%E5%8A%9B%E4%BA%89%E5%88%B02025%E5%B9%B4&targetYear=2025"
				+ "&targetValue=15000&unit=%E4%B8%AA&comparison=AT_LEAST&valueUnit=%E4%B8%AA&baselineYear=&baselineValue="
				+ "&bodyKey=telecom&measure=REPORTED&computedFrom=&measureNote=%E6%8C%89%E5%AD%A3%E5%BA%A6&_csrf="
				+ adminToken;
		assertThat(
				admin.postForm("/statistics/targets/5g-base-stations-2025", form + "&version=" + version).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("SELECT target_value FROM plan_target WHERE target_key = '5g-base-stations-2025'")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("15000");
		admin.postForm("/statistics/targets/5g-base-stations-2025",
				form.replace("15000", "1.2%E4%B8%87") + "&version=" + (version + 1));
		assertThat(admin.get("/statistics/targets/5g-base-stations-2025").body()).contains("目标值应为数字")
			.as("what was typed is in the form again")
			.contains("value=\"1.2万\"");
		admin.postForm("/statistics/targets/5g-base-stations-2025",
				form.replace("15000", "16000") + "&version=" + version);
		assertThat(admin.get("/statistics/targets/5g-base-stations-2025").body())
			.as("the stale form again, with the version it was read at: a second save is refused too")
			.contains("value=\"16000\"", "name=\"version\" value=\"" + version + "\"");
		assertThat(jdbc.sql("SELECT target_value FROM plan_target WHERE target_key = '5g-base-stations-2025'")
			.query(java.math.BigDecimal.class)
			.single()).as("a stale form changes nothing").isEqualByComparingTo("15000");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PLAN_TARGET_UPDATED' "
					+ "AND subject = 'plan-target:5g-base-stations-2025'")
			.query(Long.class)
			.single()).isEqualTo(1);
		// Put the policy's figure back for the other tests of this shared context.
		admin.postForm("/statistics/targets/5g-base-stations-2025",
				form.replace("15000", "14000") + "&version=" + (version + 1));
	}

	@Test
	void administratorsAddTargetsWhichTheResponsibleBodyThenReports() {
		String form = "indicator=%E7%BB%BF%E8%89%B2%E5%B7%A5%E5%8E%82&wording=%E5%88%B02027%E5%B9%B4&targetYear=2027"
				+ "&targetValue=70&unit=%E5%AE%B6&comparison=AT_LEAST&valueUnit=%E5%AE%B6&baselineYear=&baselineValue="
				+ "&bodyKey=telecom&measure=REPORTED&computedFrom=&measureNote=%E7%B4%AF%E8%AE%A1";
		WebClient city = loggedIn("lc-telecom");
		String cityToken = WebClient.csrfTokenOf(city.get("/statistics/targets").body());
		assertThat(
				city.postForm("/statistics/targets", "key=by-a-body-2027&" + form + "&_csrf=" + cityToken).statusCode())
			.isEqualTo(403);

		WebClient admin = loggedIn(DemoUsers.ADMIN);
		String page = admin.get("/statistics/targets").body();
		assertThat(page).contains("新增指标", "<option value=\"REPORTED\" selected=\"selected\">")
			.as("a new target's form starts empty")
			.contains("id=\"indicator\" name=\"indicator\" maxlength=\"64\" required value=\"\">");
		String token = WebClient.csrfTokenOf(page);
		admin.postForm("/statistics/targets", "key=Bad%20Key&" + form + "&_csrf=" + token);
		assertThat(admin.get("/statistics/targets").body()).contains("指标代码应为3至40个小写字母")
			.as("what was typed is in the form again")
			.contains("value=\"Bad Key\"", "value=\"到2027年\"", "value=\"累计\"");
		HttpResponse<String> created = admin.postForm("/statistics/targets",
				"key=green-factories-2027&" + form + "&_csrf=" + token);
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElse(""))
			.endsWith("/statistics/targets/green-factories-2027");
		assertThat(admin.get("/statistics/targets/green-factories-2027").body()).as("the edit form holds the target")
			.contains("value=\"绿色工厂\"", "value=\"到2027年\"", "value=\"70.00\"", "value=\"累计\"",
					"<option value=\"AT_LEAST\" selected=\"selected\">",
					"<option value=\"telecom\" selected=\"selected\">",
					"<option value=\"REPORTED\" selected=\"selected\">");
		admin.postForm("/statistics/targets", "key=green-factories-2027&" + form + "&_csrf=" + token);
		assertThat(admin.get("/statistics/targets").body()).contains("已有代码为“green-factories-2027”的指标");
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM plan_target WHERE target_key IN ('green-factories-2027', 'by-a-body-2027', 'Bad Key')")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PLAN_TARGET_CREATED' "
					+ "AND subject = 'plan-target:green-factories-2027'")
			.query(Long.class)
			.single()).isEqualTo(1);

		WebClient telecom = new WebClient(port).withBasic("lc-telecom", DemoUsers.PASSWORD);
		assertThat(telecom
			.postJson("/api/statistics/targets/green-factories-2027/values",
					"{\"periodEnd\":\"2025-12-31\",\"value\":20}")
			.statusCode()).isEqualTo(201);
		assertThat(telecom.get("/api/statistics/targets").body()).contains("\"key\":\"green-factories-2027\"",
				"\"currentText\":\"20 家\"");
	}

	private WebClient loggedIn(String user) {
		WebClient client = new WebClient(port);
		assertThat(client.login(user, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		return client;
	}

}
