package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A first submission goes through only while a window (申报批次) of its kind is open, and
 * then counts in that window's year. The test closes the demo's open project window for a
 * moment and puts it back as it was, so the other classes sharing the context submit as
 * before.
 */
@WebIntegrationTest
class SubmissionWindowTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFirstSubmissionOutsideEveryWindowOfItsKindIsRefusedWithTheNextWindowsDatesAndCountsInTheYearOnceOpen() {
		ApplicationApi enterprise = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
		WebClient bureau = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD);
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		long id = enterprise.submittableProject();
		JsonNode open = openWindow(bureau, "PROJECT");
		long windowId = open.get("id").asLong();
		HttpResponse<String> closed = bureau.postJson("/api/batches/windows/" + windowId + "/close", "");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		long next = 0;
		try {
			HttpResponse<String> refused = enterprise.submit(id);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
			// The loan and subsidy windows are open; they do not open project
			// registration.
			assertThat(json(refused).get("detail").asText()).contains("当前不在项目入库申请的申报期内", "草稿已保存");

			HttpResponse<String> announced = bureau.postJson("/api/batches/windows", """
					{"year": %d, "kind": "PROJECT", "opensAt": "%d-06-01T09:00", "closesAt": "%d-06-30T17:00",
					 "noticeTitle": "第二批项目入库通知", "noticeText": "申报范围和材料要求"}""".formatted(year + 1, year + 1, year + 1));
			assertThat(announced.statusCode()).as(announced.body()).isEqualTo(201);
			next = json(announced).get("id").asLong();
			String reason = json(enterprise.submit(id)).get("detail").asText();
			assertThat(reason).contains("当前不在项目入库申请的申报期内", "下一批次：" + (year + 1) + "年度项目入库申请", "第二批项目入库通知",
					(year + 1) + "年6月1日 09:00 至 " + (year + 1) + "年6月30日 17:00（北京时间）");
			assertThat(json(enterprise.detail(id)).at("/summary/status").asText()).isEqualTo("DRAFT");
			assertThat(entries(id)).isZero();
			// Drafts stay possible outside every window.
			assertThat(enterprise.createDraft("PROJECT", ApplicationFixtures.project(1))).isPositive();
		}
		finally {
			if (next != 0) {
				bureau.postJson("/api/batches/windows/" + next + "/close", "");
			}
			// The bureau puts the deadline back: a closed window may be extended.
			JsonNode now = json(bureau.get("/api/batches/windows/" + windowId));
			ObjectNode restore = ((ObjectNode) open.deepCopy()).put("version", now.get("version").asInt());
			HttpResponse<String> reopened = bureau.putJson("/api/batches/windows/" + windowId, restore.toString());
			assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
		}
		HttpResponse<String> submitted = enterprise.submit(id);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(json(submitted).get("status").asText()).isEqualTo("COUNTY_REVIEW");
		assertThat(jdbc.sql(
				"SELECT batch_year || ' ' || kind || ' ' || division_code || ' ' || window_id FROM batch_entry WHERE application_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(year + " PROJECT 371525 " + windowId);
	}

	private long entries(long applicationId) {
		return jdbc.sql("SELECT COUNT(*) FROM batch_entry WHERE application_id = ?")
			.param(applicationId)
			.query(Long.class)
			.single();
	}

	private static JsonNode openWindow(WebClient bureau, String kind) {
		for (JsonNode w : json(bureau.get("/api/batches/windows"))) {
			if (w.get("kind").asText().equals(kind) && w.get("state").asText().equals("OPEN")) {
				return w;
			}
		}
		throw new AssertionError("the demo opens a window of every kind for the current year");
	}

}
