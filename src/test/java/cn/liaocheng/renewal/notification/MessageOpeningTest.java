package cn.liaocheng.renewal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 查看 in the message centre marks the user's own message read and then goes where it
 * links, on this site only; 标为已读 leaves the reader on the page they were on.
 */
@WebIntegrationTest
class MessageOpeningTest {

	/** A body that gets no notifications from other tests, so its pages are its own. */
	private static final String READER = "sx-finance";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void viewMarksTheOwnMessageReadAndGoesWhereItLinks() {
		WebClient enterprise = loggedIn(DemoUsers.ENTERPRISE);
		long mine = notification(DemoUsers.ENTERPRISE, "查看测试：本人的消息", "/enterprise/applications");
		long theirs = notification(DemoUsers.OTHER_ENTERPRISE, "查看测试：他人的消息", "/enterprise/applications");
		String page = enterprise.get("/messages").body();
		assertThat(page).contains("action=\"/messages/" + mine + "/open\"")
			.doesNotContain("href=\"/enterprise/applications\" target");
		String token = token(page);

		// Without the token, or as someone else's: nothing read, nowhere led.
		assertThat(enterprise.postForm("/messages/" + mine + "/open", "").statusCode()).isEqualTo(403);
		assertThat(enterprise.postForm("/messages/" + mine + "/open", "_csrf=forged").statusCode()).isEqualTo(403);
		HttpResponse<String> other = enterprise.postForm("/messages/" + theirs + "/open", "_csrf=" + token);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.headers().firstValue("Location")).isEmpty();
		assertThat(other.body()).doesNotContain("他人的消息");
		assertThat(enterprise.postForm("/messages/" + (theirs + 1_000_000) + "/open", "_csrf=" + token).statusCode())
			.isEqualTo(404);
		assertThat(readAt(theirs)).isNull();
		// Other spellings of the door: no GET that changes anything, no second path.
		assertThat(enterprise.get("/messages/" + mine + "/open").statusCode()).isNotEqualTo(302);
		assertThat(enterprise.postForm("/messages/" + mine + "/open/", "_csrf=" + token).statusCode()).isEqualTo(404);
		assertThat(enterprise.postForm("/MESSAGES/" + mine + "/open", "_csrf=" + token).statusCode()).isIn(403, 404);
		assertThat(readAt(mine)).isNull();

		HttpResponse<String> opened = enterprise.postForm("/messages/" + mine + "/open", "_csrf=" + token);
		assertThat(opened.statusCode()).isEqualTo(302);
		String target = location(opened);
		assertThat(target).isEqualTo("/enterprise/applications");
		assertThat(enterprise.get(target).statusCode()).isEqualTo(200);
		assertThat(readAt(mine)).isNotNull();
		// Opened again: led there again, the first reading kept.
		Timestamp first = readAt(mine);
		assertThat(location(enterprise.postForm("/messages/" + mine + "/open", "_csrf=" + token)))
			.isEqualTo("/enterprise/applications");
		assertThat(readAt(mine)).isEqualTo(first);
	}

	@Test
	void aLinkOffThisSiteLeadsBackToTheList() {
		WebClient reader = loggedIn(READER);
		String token = token(reader.get("/messages").body());
		for (String link : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example/x",
				"\\\\evil.example", "javascript:alert(1)", "http:/evil.example", " /review", "/review\r\nX: y")) {
			long id = notification(READER, "站外链接测试", link);
			HttpResponse<String> opened = reader.postForm("/messages/" + id + "/open", "_csrf=" + token);
			assertThat(opened.statusCode()).as(link).isEqualTo(302);
			assertThat(location(opened)).as(link).isEqualTo("/messages");
			assertThat(readAt(id)).as(link).isNotNull();
		}
		long tasklist = notification(READER, "待办链接", "/camunda/app/tasklist/default/#/?task=abc");
		assertThat(location(reader.postForm("/messages/" + tasklist + "/open", "_csrf=" + token)))
			.isEqualTo("/camunda/app/tasklist/default/#/?task=abc");
	}

	@Test
	void markReadStaysOnThePageItWasOn() {
		WebClient reader = loggedIn(READER);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			ids.add(notification(READER, "翻页测试 " + i, null));
		}
		HttpResponse<String> secondPage = reader.get("/messages?page=2");
		String token = token(secondPage.body());
		long onSecondPage = ids.get(ids.size() - 25);
		assertThat(secondPage.body()).contains("data-id=\"" + onSecondPage + "\"")
			.contains("/messages/" + onSecondPage + "/read?unread=false&amp;page=2");

		HttpResponse<String> marked = reader.postForm("/messages/" + onSecondPage + "/read?unread=false&page=2",
				"_csrf=" + token);
		assertThat(location(marked)).isEqualTo("/messages?page=2");
		assertThat(reader.get(location(marked)).body()).contains("第 2 / ");
		assertThat(readAt(onSecondPage)).isNotNull();

		long unreadOnSecond = ids.get(ids.size() - 30);
		HttpResponse<String> unreadMarked = reader.postForm("/messages/" + unreadOnSecond + "/read?unread=true&page=2",
				"_csrf=" + token);
		assertThat(location(unreadMarked)).isEqualTo("/messages?unread=true&page=2");
		assertThat(reader.get(location(unreadMarked)).statusCode()).isEqualTo(200);

		// Someone else's message stays unread and leads nowhere.
		long theirs = notification(DemoUsers.ENTERPRISE, "他人的翻页测试", null);
		assertThat(reader.postForm("/messages/" + theirs + "/read?page=2", "_csrf=" + token).statusCode())
			.isEqualTo(404);
		assertThat(readAt(theirs)).isNull();
		jdbc.sql("UPDATE notification SET read_at = CURRENT_TIMESTAMP WHERE recipient_id = ?").param(READER).update();
	}

	private WebClient loggedIn(String user) {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		client.get(location(login));
		return client;
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private static String token(String page) {
		return URLEncoder.encode(WebClient.csrfTokenOf(page), StandardCharsets.UTF_8);
	}

	private long notification(String recipient, String title, String link) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO notification (recipient_id, kind, title, body, link, created_at)"
				+ " VALUES (?, 'TASK_CREATED', ?, ?, ?, ?)")
			.params(recipient, title, title + "的正文", link, Timestamp.from(Instant.now()))
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
