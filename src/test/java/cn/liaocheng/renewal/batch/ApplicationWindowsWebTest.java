package cn.liaocheng.renewal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

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
 * The city industry bureau opens, changes and closes application windows through its page
 * and the API; nobody else can, whatever the door or spelling. Each test uses a year of
 * its own far ahead, so the demo's windows, which the other test classes submit in, are
 * never touched.
 */
@WebIntegrationTest
class ApplicationWindowsWebTest {

	private static final String BUREAU = "lc-industry";

	private static final AtomicInteger NEXT_YEAR = new AtomicInteger(LocalDate.now().getYear() + 20);

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bureauOpensAWindowOverTheApiInBeijingTimeAndTheAuditTrailRecordsIt() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		HttpResponse<String> opened = as(BUREAU).postJson("/api/batches/windows",
				window(year, "PROJECT", "03-01T09:00", "03-31T17:00"));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(opened.body());
		long id = body.get("id").asLong();
		assertThat(opened.headers().firstValue("Location")).contains("/api/batches/windows/" + id);
		assertThat(body.get("opensAt").asText()).isEqualTo(year + "-03-01T09:00:00+08:00");
		assertThat(body.get("closesAt").asText()).isEqualTo(year + "-03-31T17:00:00+08:00");
		assertThat(body.get("state").asText()).isEqualTo("UPCOMING");
		assertThat(body.get("documentNo").asText()).isEqualTo("聊工信字〔" + year + "〕1号");
		assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'BATCH_WINDOW_OPENED' AND subject = ?")
			.param("application-window:" + id)
			.query(String.class)
			.list()).containsExactly(BUREAU);
		assertThat(as(DemoUsers.ENTERPRISE).get("/api/batches/published").body()).contains("\"id\":" + id + ",");
	}

	@Test
	void anOverlappingWindowOfTheSameKindIsRefusedWithTheOtherWindowNamed() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		WebClient bureau = as(BUREAU);
		assertThat(bureau.postJson("/api/batches/windows", window(year, "SUBSIDY", "03-01T09:00", "03-31T17:00"))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> overlapping = bureau.postJson("/api/batches/windows",
				window(year, "SUBSIDY", "03-31T09:00", "04-30T17:00"));
		assertThat(overlapping.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(overlapping.body());
		assertThat(problem.at("/errors/0/field").asText()).isEqualTo("opensAt");
		assertThat(problem.at("/errors/0/message").asText()).contains("时间重叠",
				year + "年3月1日 09:00 至 " + year + "年3月31日 17:00");
		// The same time for another kind, and the next month for this kind, are fine.
		assertThat(bureau.postJson("/api/batches/windows", window(year, "LOAN", "03-01T09:00", "03-31T17:00"))
			.statusCode()).isEqualTo(201);
		assertThat(bureau.postJson("/api/batches/windows", window(year, "SUBSIDY", "03-31T17:00", "04-30T17:00"))
			.statusCode()).isEqualTo(201);
	}

	@Test
	void twoOverlappingWindowsSavedAtTheSameMomentAreNotBothAccepted() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			for (int i = 0; i < 4; i++) {
				String body = window(year, "LOAN", "03-0" + (i + 1) + "T09:00", "03-31T17:00");
				// Signed in beforehand: password checks (Argon2) would space the requests
				// out.
				WebClient client = new WebClient(port);
				client.login(BUREAU, DemoUsers.PASSWORD);
				String token = WebClient.csrfTokenOf(client.get("/").body());
				answers.add(pool.submit(() -> {
					start.await();
					return client.postJson("/api/batches/windows", body, "X-CSRF-TOKEN", token).statusCode();
				}));
			}
			start.countDown();
			java.util.List<Integer> codes = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> answer : answers) {
				codes.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(codes).containsOnly(201, 400).containsOnlyOnce(201);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application_window WHERE batch_year = ? AND kind = 'LOAN'")
			.param(year)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void extraFieldsInTheBodyChangeNothingTheServerDecides() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		String body = window(year, "LOAN", "05-01T09:00", "05-31T17:00").replace("{",
				"{\"id\": 1, \"version\": 7, \"updatedBy\": \"lc-finance\", \"createdBy\": \"lc-finance\", \"state\": \"OPEN\", ");
		HttpResponse<String> opened = as(BUREAU).postJson("/api/batches/windows", body);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		JsonNode created = JSON.readTree(opened.body());
		assertThat(created.get("version").asInt()).isZero();
		assertThat(created.get("state").asText()).isEqualTo("UPCOMING");
		assertThat(jdbc.sql("SELECT created_by || ' ' || updated_by FROM application_window WHERE id = ?")
			.param(created.get("id").asLong())
			.query(String.class)
			.single()).isEqualTo(BUREAU + " " + BUREAU);
	}

	@Test
	void aChangeNeedsTheVersionItWasReadAtAndAnUnknownWindowIsNotFound() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		WebClient bureau = as(BUREAU);
		long id = JSON
			.readTree(bureau.postJson("/api/batches/windows", window(year, "PROJECT", "06-01T09:00", "06-30T17:00"))
				.body())
			.get("id")
			.asLong();
		String moved = window(year, "PROJECT", "06-02T09:00", "06-30T17:00");
		HttpResponse<String> changed = bureau.putJson("/api/batches/windows/" + id,
				moved.replace("{", "{\"version\": 0, "));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(JSON.readTree(changed.body()).get("opensAt").asText()).isEqualTo(year + "-06-02T09:00:00+08:00");
		HttpResponse<String> stale = bureau.putJson("/api/batches/windows/" + id,
				moved.replace("{", "{\"version\": 0, "));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(stale.body()).get("detail").asText()).contains("已被他人修改");
		assertThat(bureau.putJson("/api/batches/windows/" + id, moved).statusCode()).isEqualTo(400);
		assertThat(
				bureau.putJson("/api/batches/windows/987654321", moved.replace("{", "{\"version\": 0, ")).statusCode())
			.isEqualTo(404);
		assertThat(bureau.get("/api/batches/windows/987654321").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'BATCH_WINDOW_CHANGED' AND subject = ?")
			.param("application-window:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAnnouncedWindowIsWithdrawnWhenClosedBeforeItOpens() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		WebClient bureau = as(BUREAU);
		long id = JSON
			.readTree(
					bureau.postJson("/api/batches/windows", window(year, "LOAN", "07-01T09:00", "07-31T17:00")).body())
			.get("id")
			.asLong();
		assertThat(bureau.postJson("/api/batches/windows/" + id + "/close", "").statusCode()).isEqualTo(200);
		assertThat(bureau.get("/api/batches/windows/" + id).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'BATCH_WINDOW_CANCELLED' AND subject = ?")
			.param("application-window:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Two officers of the bureau on the same window: one saves or withdraws it while the
	 * other's page is still open. The stale page's save keeps what was typed, and its
	 * actions on a withdrawn window say so instead of failing.
	 */
	@Test
	void aStalePageKeepsWhatWasTypedAndIsToldOfAWithdrawnWindow() throws Exception {
		int year = NEXT_YEAR.getAndIncrement();
		WebClient api = as(BUREAU);
		JsonNode opened = JSON.readTree(
				api.postJson("/api/batches/windows", window(year, "PROJECT", "07-01T09:00", "07-31T17:00")).body());
		long id = opened.get("id").asLong();
		WebClient bureau = new WebClient(port);
		bureau.login(BUREAU, DemoUsers.PASSWORD);
		String edit = bureau.get("/batches/" + id + "/edit").body();
		String token = WebClient.csrfTokenOf(edit);
		String typed = "year=" + year + "&kind=PROJECT&opensAt=" + year + "-07-01T09:00&closesAt=" + year
				+ "-07-31T17:00&noticeTitle=" + enc("第四批入库通知（修订）") + "&noticeText=" + enc("补充说明：逐项核对设备清单")
				+ "&documentNo=&version=" + opened.get("version").asInt() + "&_csrf=" + enc(token);
		// a colleague's change is saved first
		assertThat(api
			.sendJson("PUT", "/api/batches/windows/" + id,
					window(year, "PROJECT", "07-01T09:00", "07-30T17:00").replace("}",
							",\"version\":" + opened.get("version").asInt() + "}"))
			.statusCode()).isEqualTo(200);

		HttpResponse<String> conflict = bureau.postForm("/batches/" + id, typed);

		assertThat(conflict.statusCode()).isEqualTo(200);
		assertThat(conflict.body()).contains("该申报批次已被他人修改", "下方保留了您填写的内容", "第四批入库通知（修订）", "补充说明：逐项核对设备清单");
		// saved again from that page, knowingly: it is taken
		String again = typed.replace("&version=" + opened.get("version").asInt(),
				"&version=" + JSON.readTree(api.get("/api/batches/windows/" + id).body()).get("version").asInt());
		assertThat(conflict.body()).contains("name=\"version\" value=\""
				+ JSON.readTree(api.get("/api/batches/windows/" + id).body()).get("version").asInt() + "\"");
		HttpResponse<String> saved = bureau.postForm("/batches/" + id, again);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(bureau.get(saved.headers().firstValue("Location").orElseThrow()).body()).contains("已修改申报批次");
		assertThat(api.get("/api/batches/windows/" + id).body()).contains("第四批入库通知（修订）");

		// withdrawn meanwhile: the stale page's save, edit and withdrawal are told so
		assertThat(api.postJson("/api/batches/windows/" + id + "/close", "").statusCode()).isEqualTo(200);
		List<Supplier<HttpResponse<String>>> doors = List.of(() -> bureau.postForm("/batches/" + id, again),
				() -> bureau.postForm("/batches/" + id + "/close", "_csrf=" + enc(token)),
				() -> bureau.get("/batches/" + id + "/edit"));
		for (Supplier<HttpResponse<String>> door : doors) {
			HttpResponse<String> stale = door.get();
			assertThat(stale.statusCode()).as(stale.uri().toString()).isEqualTo(302);
			assertThat(bureau.get(stale.headers().firstValue("Location").orElseThrow()).body())
				.as(stale.uri().toString())
				.contains("该申报批次已被撤销或不存在，未作任何更改。");
		}
	}

	@Test
	void nobodyButTheBureauAndAdministratorsManagesWindowsWhateverTheDoorOrSpelling() {
		int year = NEXT_YEAR.getAndIncrement();
		String body = window(year, "PROJECT", "08-01T09:00", "08-31T17:00");
		for (String user : new String[] { DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.ENTERPRISE,
				DemoUsers.BANK_OFFICER, "gx-industry-lead", "lc-finance" }) {
			WebClient client = as(user);
			assertThat(client.postJson("/api/batches/windows", body).statusCode()).as(user).isEqualTo(403);
			for (String path : new String[] { "/api/batches/windows", "/api/batches/windows/", "/api/batches//windows",
					"/api/batches/windows;x=1", "/api/BATCHES/windows", "/batches", "/batches/", "/batches;x=1",
					"/batches/1/edit" }) {
				assertThat(client.get(path).statusCode()).as(user + " " + path).isIn(403, 404, 400);
			}
		}
		WebClient anonymous = new WebClient(port);
		// Without a session there is no CSRF token either: refused before it is even
		// asked who it is.
		assertThat(anonymous.postJson("/api/batches/windows", body).statusCode()).isIn(401, 403);
		assertThat(anonymous.get("/api/batches/windows").statusCode()).isEqualTo(401);
		assertThat(anonymous.get("/batches").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application_window WHERE batch_year = ?")
			.param(year)
			.query(Integer.class)
			.single()).isZero();
		// The lead of the bureau and administrators may.
		assertThat(as("lc-industry-lead").get("/api/batches/windows").statusCode()).isEqualTo(200);
		assertThat(as(DemoUsers.ADMIN).postJson("/api/batches/windows", body).statusCode()).isEqualTo(201);
	}

	@Test
	void theBureausPageOpensAWindowWithItsCsrfTokenAndShowsProblemsInChinese() {
		int year = NEXT_YEAR.getAndIncrement();
		WebClient bureau = new WebClient(port);
		bureau.login(BUREAU, DemoUsers.PASSWORD);
		HttpResponse<String> page = bureau.get("/batches");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("申报批次", "发布新的申报批次");
		String token = WebClient.csrfTokenOf(page.body());
		String form = "year=" + year + "&kind=PROJECT&opensAt=" + year + "-09-01T09:00&closesAt=" + year
				+ "-09-30T17:00&noticeTitle=" + enc("第三批入库通知") + "&noticeText=" + enc("申报范围和材料要求") + "&documentNo=";
		assertThat(bureau.postForm("/batches", form).statusCode()).as("without a token").isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application_window WHERE batch_year = ?")
			.param(year)
			.query(Integer.class)
			.single()).isZero();
		HttpResponse<String> saved = bureau.postForm("/batches", form + "&_csrf=" + enc(token));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(bureau.get("/batches").body()).contains("已发布申报批次：" + year + "年度项目入库申请", "第三批入库通知");
		HttpResponse<String> wrong = bureau.postForm("/batches",
				form.replace("closesAt=" + year + "-09-30T17:00", "closesAt=" + year + "-08-30T17:00") + "&_csrf="
						+ enc(token));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("截止时间须晚于开始时间", "第三批入库通知");
		// Another city body's reviewer, with a good token of their own, is refused.
		WebClient other = new WebClient(port);
		other.login(DemoUsers.CITY_REVIEWER, DemoUsers.PASSWORD);
		String otherToken = WebClient.csrfTokenOf(other.get("/").body());
		assertThat(other.postForm("/batches", form.replace("09-", "10-") + "&_csrf=" + enc(otherToken)).statusCode())
			.isEqualTo(403);
		long id = jdbc.sql("SELECT id FROM application_window WHERE batch_year = ?")
			.param(year)
			.query(Long.class)
			.single();
		assertThat(other.postForm("/batches/" + id + "/close", "_csrf=" + enc(otherToken)).statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application_window WHERE batch_year = ?")
			.param(year)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theOpenApiDocumentAdvertisesThePublishedWindowsButNotTheBureausEndpoints() throws Exception {
		JsonNode paths = JSON.readTree(as(DemoUsers.ENTERPRISE).get("/v3/api-docs").body()).get("paths");
		assertThat(paths.has("/api/batches/published")).isTrue();
		assertThat(paths.has("/api/batches/windows")).isFalse();
		assertThat(paths.has("/api/batches/windows/{id}")).isFalse();
		assertThat(paths.has("/api/batches/windows/{id}/close")).isFalse();
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String window(int year, String kind, String opens, String closes) {
		int opensYear = year;
		return """
				{"year": %d, "kind": "%s", "opensAt": "%d-%s", "closesAt": "%d-%s", "noticeTitle": "%d年度申报通知",
				 "noticeText": "申报范围、条件和材料要求。", "documentNo": "聊工信字〔%d〕1号"}""".formatted(year, kind, opensYear, opens,
				year, closes, year, year);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
