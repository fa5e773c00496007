package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Personal API tokens: an enterprise creates, uses and revokes them; a token reaches its
 * own enterprise's applications and nothing else, statelessly, and is kept as a hash
 * only.
 */
@WebIntegrationTest
class ApiTokenTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The demo enterprises share the context with other tests: leave them without tokens,
	 * far from the cap.
	 */
	@org.junit.jupiter.api.AfterEach
	void revokeWhatTheTestMade() {
		jdbc.sql(
				"UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP, slot = NULL WHERE user_id IN (?, ?) AND revoked_at IS NULL")
			.params(DemoUsers.ENTERPRISE, DemoUsers.OTHER_ENTERPRISE)
			.update();
	}

	@Test
	void anEnterpriseCreatesUsesAndRevokesAToken() {
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String token = create(owner, "财务系统对接", null);
		Bearer client = new Bearer(port, token);

		HttpResponse<String> list = client.get("/api/applications");
		HttpResponse<String> me = client.get("/api/me");

		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		assertThat(json(me).get("userId").asText()).isEqualTo(DemoUsers.ENTERPRISE);
		JsonNode listed = findToken(owner, token);
		assertThat(listed.get("name").asText()).isEqualTo("财务系统对接");
		assertThat(token).startsWith(listed.get("hint").asText());

		HttpResponse<String> revoked = owner.send("DELETE", "/api/tokens/" + listed.get("id").asLong(), null);
		HttpResponse<String> afterRevocation = client.get("/api/applications");

		assertThat(revoked.statusCode()).isEqualTo(204);
		assertThat(afterRevocation.statusCode()).isEqualTo(401);
		assertThat(afterRevocation.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(afterRevocation.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
		assertThat(json(afterRevocation).get("detail").asText()).contains("已于").contains("撤销");
		assertThat(owner.send("DELETE", "/api/tokens/" + listed.get("id").asLong(), null).statusCode()).isEqualTo(404);
	}

	@Test
	void aClientWithATokenRunsTheWholeSessionOfTheGuideWithoutCsrfOrSession() throws IOException {
		String token = create(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), "ERP", null);
		Bearer client = new Bearer(port, token);

		HttpResponse<String> created = client.send("POST", "/api/applications?kind=PROJECT", example("create-draft"),
				"Idempotency-Key", "draft-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).at("/summary/id").asLong();
		String key = "licence-" + UUID.randomUUID();
		HttpResponse<String> licence = client.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", pdf("licence " + id), key);
		HttpResponse<String> again = client.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", pdf("licence " + id), key);
		HttpResponse<String> plan = client.upload(id, "PROJECT_PLAN", "项目实施方案.pdf", pdf("plan " + id),
				"plan-" + UUID.randomUUID());
		HttpResponse<String> submitted = client.send("POST", "/api/applications/" + id + "/submit",
				"{\"declarationConfirmed\": true}");
		HttpResponse<String> detail = client.get("/api/applications/" + id);

		assertThat(licence.statusCode()).as(licence.body()).isEqualTo(201);
		assertThat(json(again).get("id").asLong()).isEqualTo(json(licence).get("id").asLong());
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(json(submitted).get("referenceNo").asText()).isNotBlank();
		assertThat(detail.statusCode()).isEqualTo(200);
		for (HttpResponse<String> response : List.of(created, licence, again, plan, submitted, detail)) {
			assertThat(response.headers().allValues("Set-Cookie")).as(response.uri().toString()).isEmpty();
		}
	}

	/**
	 * What gives up a right or cannot be undone is the enterprise's own act, made by a
	 * person signed in: a token (which sits in another system's configuration) withdraws
	 * nothing, accepts no loan and neither states nor waives a defence; the same account
	 * signed in does.
	 */
	@Test
	void aTokenMakesNoActThatGivesUpARight() throws IOException {
		String token = create(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), "ERP", null);
		Bearer client = new Bearer(port, token);
		HttpResponse<String> created = client.send("POST", "/api/applications?kind=PROJECT", example("create-draft"),
				"Idempotency-Key", "draft-" + UUID.randomUUID());
		long id = json(created).at("/summary/id").asLong();
		client.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", pdf("licence " + id), "licence-" + UUID.randomUUID());
		client.upload(id, "PROJECT_PLAN", "项目实施方案.pdf", pdf("plan " + id), "plan-" + UUID.randomUUID());
		assertThat(client.send("POST", "/api/applications/" + id + "/submit", "{\"declarationConfirmed\": true}")
			.statusCode()).isEqualTo(200);

		for (String[] act : List.of(new String[] { "/withdraw", "撤回申报" },
				new String[] { "/loan-offers/icbc/accept", "接受银行贷款" }, new String[] { "/clawback/waiver", "放弃陈述、申辩" },
				new String[] { "/clawback/statement", "陈述、申辩" })) {
			HttpResponse<String> refused = client.send("POST", "/api/applications/" + id + act[0],
					act[0].endsWith("statement") ? "{\"statement\":\"所涉发票系真实交易开具，附税务机关证明。\"}" : "{}");
			assertThat(refused.statusCode()).as("%s → %s", act[0], refused.body()).isEqualTo(403);
			assertThat(json(refused).get("detail").asText()).isEqualTo(act[1] + "须由企业经办人登录门户办理，API 令牌不能办理");
		}
		assertThat(json(client.get("/api/applications/" + id)).at("/summary/status").asText())
			.isEqualTo("COUNTY_REVIEW");

		HttpResponse<String> byPerson = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.postJson("/api/applications/" + id + "/withdraw", "{}");
		assertThat(byPerson.statusCode()).as(byPerson.body()).isEqualTo(200);
	}

	@Test
	void noSessionIsCreatedOrCookieIssuedForBearerRequests() {
		String token = create(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), "会话测试", null);
		long sessionsBefore = sessions();

		List<HttpResponse<String>> answers = List.of(new Bearer(port, token).get("/api/applications"),
				new Bearer(port, token).get("/api/tokens"), new Bearer(port, token).get("/enterprise/api-tokens"),
				new Bearer(port, "lcr_" + "x".repeat(43)).get("/api/applications"));

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 403, 403, 401);
		answers.forEach(a -> assertThat(a.headers().allValues("Set-Cookie")).as(a.uri().toString()).isEmpty());
		assertThat(sessions()).isEqualTo(sessionsBefore);
	}

	@Test
	void aTokenDoesNotOpenAnotherEnterprisesApplication() throws IOException {
		WebClient other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
		HttpResponse<String> othersDraft = other.postJson("/api/applications?kind=PROJECT", example("create-draft"),
				"Idempotency-Key", "other-" + UUID.randomUUID());
		long othersId = json(othersDraft).at("/summary/id").asLong();
		Bearer intruder = new Bearer(port,
				create(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), "越权测试", null));

		assertThat(intruder.get("/api/applications/" + othersId).statusCode()).isEqualTo(404);
		assertThat(intruder.send("POST", "/api/applications/" + othersId + "/submit", null).statusCode())
			.isEqualTo(404);
		assertThat(intruder.send("DELETE", "/api/applications/" + othersId, null).statusCode()).isEqualTo(404);
		assertThat(
				intruder.upload(othersId, "BUSINESS_LICENCE", "x.pdf", pdf("intruder"), "intruder-" + UUID.randomUUID())
					.statusCode())
			.isEqualTo(404);
		assertThat(intruder.get("/api/applications").body()).doesNotContain("\"id\":" + othersId + ",");
		assertThat(other.get("/api/applications/" + othersId).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenReachesNoOtherDoorUnderAnySpelling() {
		Bearer client = new Bearer(port,
				create(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), "越界测试", null));

		for (String path : List.of("/engine-rest/task", "/engine-rest/user", "/engine-rest/engine",
				"/engine-rest/task/", "/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/task/count",
				"/admin/login-locks", "/admin/models", "/actuator/prometheus", "/api/tokens", "/api/tokens/",
				"/API/tokens", "/api//tokens", "/api/applications/../tokens", "/api/applications/%2e%2e/tokens",
				"/api/applications;x=1/../../tokens", "/enterprise/api-tokens", "/enterprise/applications",
				"/api/county/enterprises", "/", "/swagger-ui/index.html", "/v3/api-docs", "/me/password",
				"/me/password/", "/ME/PASSWORD")) {
			HttpResponse<String> response = client.get(path);
			assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isIn(400, 403, 404);
			assertThat(response.statusCode()).as(path).isNotEqualTo(200);
		}
		assertThat(client.send("POST", "/api/tokens", "{\"name\":\"再建一个\"}").statusCode()).isEqualTo(403);
		assertThat(client.send("POST", "/logout", null).statusCode()).isEqualTo(403);
		assertThat(client.send("POST", "/me/password", null).statusCode()).isEqualTo(403);
		assertThat(client.send("POST", "/engine-rest/deployment/create", null).statusCode()).isEqualTo(403);
		assertThat(json(client.get("/engine-rest/task")).get("detail").asText()).contains("只能调用本企业的申报接口");
	}

	@Test
	void theTokenIsKeptAsItsSha256Only() throws Exception {
		String token = create(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), "摘要测试", null);
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));

		List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?")
			.param(hash)
			.query()
			.listOfRows();

		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR hint = ? OR name = ?")
			.params(token, token, token)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anExpiredTokenIsRefusedAndAPastExpiryCannotBeChosen() {
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		LocalDate today = LocalDate.now(BEIJING);
		String token = create(owner, "今天到期", today);
		Bearer client = new Bearer(port, token);
		assertThat(client.get("/api/applications").statusCode()).isEqualTo(200);

		jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), findToken(owner, token).get("id").asLong())
			.update();
		HttpResponse<String> expired = client.get("/api/applications");
		HttpResponse<String> yesterday = owner.postJson("/api/tokens",
				"{\"name\":\"昨天到期\",\"expiresOn\":\"" + today.minusDays(1) + "\"}");

		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(json(expired).get("detail").asText()).contains("过期");
		assertThat(findToken(owner, token).get("expired").asBoolean()).isTrue();
		assertThat(yesterday.statusCode()).isEqualTo(400);
		assertThat(json(yesterday).get("detail").asText()).isEqualTo("有效期不能早于今天");
	}

	@Test
	void aTokenOfADisabledEnterpriseIsRefused() {
		String userId = activeEnterprise();
		WebClient owner = new WebClient(port).withBasic(userId, Registrations.PASSWORD);
		Bearer client = new Bearer(port, create(owner, "停用测试", null));
		assertThat(client.get("/api/applications").statusCode()).isEqualTo(200);

		jdbc.sql("UPDATE enterprise SET status = 'DISABLED' WHERE user_id = ?").param(userId).update();
		HttpResponse<String> refused = client.get("/api/applications");

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(json(refused).get("detail").asText()).isEqualTo("企业账户已停用，请联系所在县工业和信息化局");
		assertThat(owner.postJson("/api/tokens", "{\"name\":\"再建\"}").statusCode()).isEqualTo(403);
	}

	/**
	 * Whoever knew the old password could have made a token with it (a colleague who has
	 * since left): the holder's own change ends the account's tokens, and so does an
	 * administrator's reset, at every door of the engine.
	 */
	@Test
	void aPasswordChangeEndsTheAccountsTokensWhoeverChangesIt() {
		String userId = activeEnterprise();
		WebClient owner = new WebClient(port).withBasic(userId, Registrations.PASSWORD);
		Bearer ended = new Bearer(port, create(owner, "本人改密码", null));
		WebClient portal = new WebClient(port);
		portal.login(userId, Registrations.PASSWORD);
		portal.postForm("/account/password",
				"currentPassword="
						+ java.net.URLEncoder.encode(Registrations.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
						+ "&newPassword=Own-change%402026&confirmPassword=Own-change%402026&_csrf="
						+ WebClient.csrfTokenOf(portal.get("/account").body()));
		assertThat(portal.get("/account").body()).contains("密码已修改", "API 令牌也已全部撤销");
		assertThat(ended.get("/api/applications").statusCode()).as("after the holder's own change").isEqualTo(401);
		Bearer kept = new Bearer(port, create(new WebClient(port).withBasic(userId, "Own-change@2026"), "新令牌", null));
		assertThat(kept.get("/api/applications").statusCode()).as("a token made since").isEqualTo(200);

		HttpResponse<String> reset = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD)
			.putJson("/engine-rest/user/" + userId + "/credentials",
					"{\"password\":\"Reset@2026pass\",\"authenticatedUserPassword\":\"" + DemoUsers.PASSWORD + "\"}");
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
		assertThat(kept.get("/api/applications").statusCode()).as("after the administrator's reset").isEqualTo(401);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL")
			.param(userId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void garbageAndUnknownTokensAreRefusedInChinese() {
		for (String token : List.of("", "abc", "lcr_" + "A".repeat(43), "lcr_" + "A".repeat(44), "Basic xyz")) {
			HttpResponse<String> response = new Bearer(port, token).get("/api/applications");
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(json(response).get("title").asText()).isEqualTo("API 令牌不能使用");
		}
	}

	@Test
	void aMalformedRequestIsExplainedInChinese() {
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		HttpResponse<String> badDate = owner.postJson("/api/tokens", "{\"name\":\"日期\",\"expiresOn\":\"明年\"}");
		HttpResponse<String> noName = owner.postJson("/api/tokens", "{}");

		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(json(badDate).get("detail").asText()).contains("请求内容须为 JSON");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(json(noName).get("detail").asText()).startsWith("请填写令牌名称");
	}

	@Test
	void staffAccountsGetNoTokens() {
		for (String staff : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.ADMIN, DemoUsers.BANK_OFFICER)) {
			WebClient client = new WebClient(port).withBasic(staff, DemoUsers.PASSWORD);
			assertThat(client.postJson("/api/tokens", "{\"name\":\"审核\"}").statusCode()).as(staff).isEqualTo(403);
			assertThat(client.get("/enterprise/api-tokens").statusCode()).as(staff).isEqualTo(403);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id IN (?, ?, ?)")
			.params(DemoUsers.COUNTY_REVIEWER, DemoUsers.ADMIN, DemoUsers.BANK_OFFICER)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAccountHoldsAtMostTenTokensAndARevocationFreesAPlace() {
		String userId = activeEnterprise();
		WebClient owner = new WebClient(port).withBasic(userId, Registrations.PASSWORD);
		for (int i = 1; i <= 10; i++) {
			create(owner, "令牌 " + i, null);
		}

		HttpResponse<String> eleventh = owner.postJson("/api/tokens", "{\"name\":\"第十一个\"}");
		assertThat(eleventh.statusCode()).isEqualTo(409);
		assertThat(json(eleventh).get("detail").asText()).contains("最多持有 10 个");

		long first = json(owner.get("/api/tokens")).get(0).get("id").asLong();
		assertThat(owner.send("DELETE", "/api/tokens/" + first, null).statusCode()).isEqualTo(204);
		assertThat(owner.postJson("/api/tokens", "{\"name\":\"第十一个\"}").statusCode()).isEqualTo(201);
	}

	@Test
	void anotherAccountCannotRevokeOrSeeMyToken() {
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String token = create(owner, "他人撤销测试", null);
		long id = findToken(owner, token).get("id").asLong();
		WebClient other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);

		assertThat(other.send("DELETE", "/api/tokens/" + id, null).statusCode()).isEqualTo(404);
		assertThat(other.get("/api/tokens").body()).doesNotContain("他人撤销测试");
		assertThat(new Bearer(port, token).get("/api/applications").statusCode()).isEqualTo(200);
	}

	@Test
	void lastUseIsRecordedAtMostOnceAMinute() {
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String token = create(owner, "使用时间测试", null);
		Bearer client = new Bearer(port, token);
		assertThat(findToken(owner, token).get("lastUsedAt")).isNull();

		client.get("/api/applications");
		String first = findToken(owner, token).get("lastUsedAt").asText();
		client.get("/api/applications");

		assertThat(first).isNotBlank();
		assertThat(findToken(owner, token).get("lastUsedAt").asText()).isEqualTo(first);
	}

	/**
	 * The answer showing the new token refreshed, or the form sent twice: one token, and
	 * the second answer says the first was created rather than making another.
	 */
	@Test
	void theSameCreateFormSentTwiceCreatesOneToken() {
		WebClient browser = new WebClient(port);
		browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = browser.get("/enterprise/api-tokens").body();
		String form = "name=" + enc("重复提交") + "&expiresOn=&form=" + match(page, "name=\"form\" value=\"([^\"]+)\"")
				+ "&_csrf=" + enc(WebClient.csrfTokenOf(page));
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		long before = tokensNamed(owner, "重复提交");

		HttpResponse<String> created = browser.postForm("/enterprise/api-tokens", form);
		HttpResponse<String> again = browser.postForm("/enterprise/api-tokens", form);

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("id=\"token-value\"");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("这个创建表单已经提交过，令牌已创建").doesNotContain("id=\"token-value\"");
		assertThat(tokensNamed(owner, "重复提交")).isEqualTo(before + 1);
		// a fresh form creates the next one
		String next = browser.get("/enterprise/api-tokens").body();
		assertThat(browser
			.postForm("/enterprise/api-tokens",
					"name=" + enc("重复提交") + "&expiresOn=&form=" + match(next, "name=\"form\" value=\"([^\"]+)\"")
							+ "&_csrf=" + enc(WebClient.csrfTokenOf(next)))
			.statusCode()).isEqualTo(200);
		assertThat(tokensNamed(owner, "重复提交")).isEqualTo(before + 2);
	}

	private long tokensNamed(WebClient owner, String name) {
		return owner.get("/api/tokens").body().split("\"name\":\"" + name + "\"", -1).length - 1;
	}

	@Test
	void thePortalPageCreatesWithCsrfShowsTheTokenOnceAndRevokes() {
		WebClient browser = new WebClient(port);
		browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = browser.get("/enterprise/api-tokens").body();
		String csrf = WebClient.csrfTokenOf(page);

		HttpResponse<String> withoutCsrf = browser.postForm("/enterprise/api-tokens", "name=" + enc("无令牌"));
		HttpResponse<String> created = browser.postForm("/enterprise/api-tokens",
				"name=" + enc("门户新建") + "&expiresOn=&_csrf=" + enc(csrf));
		String token = match(created.body(), "id=\"token-value\"[^>]*value=\"(lcr_[^\"]+)\"");
		HttpResponse<String> shownAgain = browser.get("/enterprise/api-tokens");

		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(new Bearer(port, token).get("/api/applications").statusCode()).isEqualTo(200);
		assertThat(shownAgain.body()).doesNotContain(token).contains("门户新建");
		assertThat(shownAgain.body()).as("the page asks before it revokes")
			.contains("data-name=\"门户新建\"", "onsubmit=\"return confirm('撤销后使用令牌“' + this.dataset.name + '”的系统立即不能再访问");

		long id = findToken(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD), token).get("id")
			.asLong();
		HttpResponse<String> revoked = browser.postForm("/enterprise/api-tokens/" + id + "/revoke",
				"_csrf=" + enc(WebClient.csrfTokenOf(shownAgain.body())));
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(browser.get("/enterprise/api-tokens").body()).contains("令牌已撤销");
		assertThat(new Bearer(port, token).get("/api/applications").statusCode()).isEqualTo(401);
	}

	@Test
	void thePortalPageKeepsTheInputAndExplainsAWrongName() {
		WebClient browser = new WebClient(port);
		browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String csrf = WebClient.csrfTokenOf(browser.get("/enterprise/api-tokens").body());

		HttpResponse<String> refused = browser.postForm("/enterprise/api-tokens",
				"name=" + enc("坏\u202E名") + "&expiresOn=2099-01-01&_csrf=" + enc(csrf));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("令牌名称含有改变文字方向的控制字符").contains("value=\"2099-01-01\"");
	}

	private String create(WebClient owner, String name, LocalDate expiresOn) {
		String body = expiresOn == null ? "{\"name\":\"" + name + "\"}"
				: "{\"name\":\"" + name + "\",\"expiresOn\":\"" + expiresOn + "\"}";
		HttpResponse<String> created = owner.postJson("/api/tokens", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		String token = json(created).get("token").asText();
		assertThat(token).matches("lcr_[A-Za-z0-9_-]{43}");
		return token;
	}

	private JsonNode findToken(WebClient owner, String token) {
		for (JsonNode t : json(owner.get("/api/tokens"))) {
			if (token.startsWith(t.get("hint").asText()) && t.get("hint").asText().length() >= 10) {
				String hash = jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?")
					.param(t.get("id").asLong())
					.query(String.class)
					.single();
				if (hash.equals(sha256(token))) {
					return t;
				}
			}
		}
		throw new AssertionError("token not listed");
	}

	/**
	 * A freshly registered enterprise of its own, activated, so that disabling it or
	 * filling its cap harms no one.
	 */
	private String activeEnterprise() {
		String userId = Registrations.freshUserId();
		HttpResponse<String> registered = Registrations.submit(new WebClient(port),
				Registrations.validForm(Registrations.freshCreditCode("371525"), userId));
		assertThat(registered.statusCode()).as(registered.body()).isIn(200, 302, 303);
		jdbc.sql("UPDATE enterprise SET status = 'ACTIVE' WHERE user_id = ?").param(userId).update();
		return userId;
	}

	private long sessions() {
		return jdbc.sql("SELECT COUNT(*) FROM app_session").query(Long.class).single();
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String example(String name) throws IOException {
		try (InputStream in = new ClassPathResource("openapi/examples/" + name + ".json").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static byte[] pdf(String label) {
		return ("%PDF-1.4\n% " + label + "\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
				+ "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static JsonNode json(HttpResponse<String> response) {
		try {
			return JSON.readTree(response.body());
		}
		catch (IOException e) {
			throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
		}
	}

	private static String match(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return m.group(1);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
