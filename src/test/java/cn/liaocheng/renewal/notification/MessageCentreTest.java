package cn.liaocheng.renewal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The message centre shows each user their own notifications only: counts, lists and
 * marking read through the portal page and the JSON API; someone else's notification is
 * as absent as an unknown one, anonymous callers are refused, and a browser's POST
 * without the CSRF token changes nothing.
 */
@WebIntegrationTest
class MessageCentreTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldListCountAndMarkReadOnlyTheUsersOwnNotifications() throws Exception {
		WebClient enterprise = loggedIn(DemoUsers.ENTERPRISE);
		long before = unreadCount(enterprise);
		long mine = notification(DemoUsers.ENTERPRISE, "申报被退回补正：测试一");
		long theirs = notification(DemoUsers.OTHER_ENTERPRISE, "申报被退回补正：他人的消息");

		JsonNode list = JSON.readTree(enterprise.get("/api/notifications?unread=true&limit=100").body());
		assertThat(list.get("unreadCount").asLong()).isEqualTo(before + 1);
		assertThat(list.get("items").findValuesAsText("title")).contains("申报被退回补正：测试一").doesNotContain("申报被退回补正：他人的消息");
		String page = enterprise.get("/messages").body();
		assertThat(page).contains("申报被退回补正：测试一", "消息中心").doesNotContain("他人的消息");
		String token = WebClient.csrfTokenOf(page);

		HttpResponse<String> other = enterprise.postJson("/api/notifications/" + theirs + "/read", "{}", "X-CSRF-TOKEN",
				token);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).contains("消息不存在").doesNotContain("他人的消息");
		assertThat(enterprise.postForm("/messages/" + theirs + "/read", "_csrf=" + token).statusCode()).isEqualTo(404);
		assertThat(readAt(theirs)).isNull();

		assertThat(
				enterprise.postJson("/api/notifications/" + mine + "/read", "{}", "X-CSRF-TOKEN", token).statusCode())
			.isEqualTo(204);
		assertThat(readAt(mine)).isNotNull();
		assertThat(unreadCount(enterprise)).isEqualTo(before);
		// Marking again answers the same and keeps the first reading.
		Timestamp first = readAt(mine);
		assertThat(
				enterprise.postJson("/api/notifications/" + mine + "/read", "{}", "X-CSRF-TOKEN", token).statusCode())
			.isEqualTo(204);
		assertThat(readAt(mine)).isEqualTo(first);
	}

	@Test
	void shouldRefuseAMarkReadWithoutTheCsrfToken() {
		WebClient enterprise = loggedIn(DemoUsers.ENTERPRISE);
		long mine = notification(DemoUsers.ENTERPRISE, "办理结果：CSRF 测试");

		assertThat(enterprise.postJson("/api/notifications/" + mine + "/read", "{}").statusCode()).isEqualTo(403);
		assertThat(enterprise.postForm("/messages/" + mine + "/read", "").statusCode()).isEqualTo(403);
		assertThat(enterprise.postJson("/api/notifications/read-all", "{}").statusCode()).isEqualTo(403);
		assertThat(readAt(mine)).isNull();
	}

	@Test
	void shouldRefuseAnonymousCallers() {
		WebClient anonymous = new WebClient(port);
		long mine = notification(DemoUsers.ENTERPRISE, "匿名访问测试");

		assertThat(anonymous.get("/api/notifications").statusCode()).isEqualTo(401);
		assertThat(anonymous.get("/api/notifications/unread-count").statusCode()).isEqualTo(401);
		assertThat(anonymous.postJson("/api/notifications/" + mine + "/read", "{}").statusCode()).isIn(401, 403);
		HttpResponse<String> page = anonymous.get("/messages");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(readAt(mine)).isNull();
	}

	@Test
	void shouldMarkEverythingReadFromThePageAndShowTheCountInTheHeader() {
		WebClient reviewer = loggedIn(DemoUsers.CITY_REVIEWER);
		notification(DemoUsers.CITY_REVIEWER, "新的待办任务：市级联审");
		notification(DemoUsers.CITY_REVIEWER, "任务已超期：市级联审");
		long others = notification(DemoUsers.COUNTY_REVIEWER, "新的待办任务：县级形式审查");

		String home = reviewer.get("/").body();
		assertThat(home).contains("id=\"message-badge\"", "id=\"message-badge-count\"");
		String page = reviewer.get("/messages?unread=true").body();
		assertThat(page).contains("新的待办任务：市级联审", "任务已超期：市级联审", "全部标为已读");

		HttpResponse<String> done = reviewer.postForm("/messages/read-all", "_csrf=" + WebClient.csrfTokenOf(page));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(reviewer.get("/messages?unread=true").body()).contains("没有未读消息");
		assertThat(reviewer.get("/").body()).contains("id=\"message-badge\"").doesNotContain("message-badge-count");
		assertThat(readAt(others)).isNull();
	}

	@Test
	void shouldServeTasklistsPollWithBasicCredentials() throws Exception {
		notification(DemoUsers.BANK_OFFICER, "新的待办任务：银行审贷");
		WebClient bank = new WebClient(port).withBasic(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD);

		HttpResponse<String> response = bank.get("/api/notifications?unread=true");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("unreadCount").asLong()).isPositive();
		assertThat(body.get("items").get(0).get("kindLabel").asText()).isEqualTo("新待办");
	}

	@Test
	void shouldShowWhenAMessageCameInBeijingTimeWhateverTheServersZone() throws Exception {
		WebClient bank = loggedIn(DemoUsers.BANK_OFFICER);
		// Later than any other message, so that it comes first in the list and the API.
		Instant sent = Instant.parse("2099-03-02T03:44:00Z");
		TimeZone serverZone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			notification(DemoUsers.BANK_OFFICER, "新的待办任务：时区测试", sent);

			assertThat(bank.get("/messages").body()).contains("2099-03-02 11:44").doesNotContain("2099-03-02 03:44");
			JsonNode first = JSON.readTree(bank.get("/api/notifications").body()).get("items").get(0);
			assertThat(first.get("title").asText()).isEqualTo("新的待办任务：时区测试");
			assertThat(first.get("createdAt").asText()).isEqualTo("2099-03-02T11:44:00+08:00");
		}
		finally {
			TimeZone.setDefault(serverZone);
		}
	}

	@Test
	void administratorsSeeWhenADeliveryIsRetriedInBeijingTime() {
		Instant retry = Instant.parse("2099-03-02T03:44:00Z");
		long notification = notification(DemoUsers.ENTERPRISE, "投递时区测试", retry);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification_outbox (notification_id, channel, address, status, attempts, next_attempt_at,
				created_at) VALUES (?, 'EMAIL', 'zone-test@example.cn', 'PENDING', 1, ?, ?)""")
			.params(notification, Timestamp.from(retry), Timestamp.from(retry))
			.update(key, "id");
		TimeZone serverZone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			String page = loggedIn(DemoUsers.ADMIN).get("/admin/notifications").body();
			assertThat(page).contains("zone-test@example.cn", "03-02 11:44:00").doesNotContain("03-02 03:44:00");
		}
		finally {
			TimeZone.setDefault(serverZone);
			jdbc.sql("DELETE FROM notification_outbox WHERE id = ?").param(key.getKey().longValue()).update();
		}
	}

	private WebClient loggedIn(String user) {
		WebClient client = new WebClient(port);
		assertThat(client.login(user, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		return client;
	}

	private long unreadCount(WebClient client) {
		try {
			return JSON.readTree(client.get("/api/notifications/unread-count").body()).get("unreadCount").asLong();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private long notification(String recipient, String title) {
		return notification(recipient, title, Instant.now());
	}

	private long notification(String recipient, String title, Instant createdAt) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"INSERT INTO notification (recipient_id, kind, title, body, created_at) VALUES (?, 'TASK_CREATED', ?, ?, ?)")
			.params(recipient, title, title + "的正文", Timestamp.from(createdAt))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private Timestamp readAt(long id) {
		return jdbc.sql("SELECT read_at FROM notification WHERE id = ?")
			.param(id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)))
			.single()
			.orElse(null);
	}

}
