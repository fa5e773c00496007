package cn.liaocheng.renewal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.notification.SmsGateway;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * With a text-message gateway configured, a county's password reset sends the temporary
 * password straight to the enterprise's registered mobile: the officer's page and the API
 * answer never hold it, so the officer cannot sign in as the enterprise with it. A
 * gateway that refuses leaves the password as it was; a landline is read out as before.
 */
@WebIntegrationTest
@Tag(OwnContext.TAG)
class PasswordResetBySmsTest {

	private static final String NOTE = "经办人持营业执照副本和身份证到局核验";

	private static final String MOBILE = "139-0000-1234";

	private static final List<String[]> SENT = new CopyOnWriteArrayList<>();

	private static volatile boolean refusing;

	/** Set: the gateway does not answer until it is let go (or interrupted). */
	private static volatile CountDownLatch stalled;

	@DynamicPropertySource
	static void textMessages(DynamicPropertyRegistry registry) {
		registry.add("renewal.notification.sms.enabled", () -> "true");
		registry.add("renewal.notification.sms.confirm-within", () -> "2s");
	}

	@TestConfiguration
	static class Gateway {

		/** A gateway of the operator's, as production plugs one in. */
		@Bean
		SmsGateway operatorGateway() {
			return (number, text) -> {
				if (refusing) {
					throw new IllegalStateException("gateway unreachable");
				}
				CountDownLatch stall = stalled;
				if (stall != null) {
					stall.await(60, TimeUnit.SECONDS);
				}
				SENT.add(new String[] { number, text });
			};
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void clear() {
		SENT.clear();
		refusing = false;
		stalled = null;
	}

	@Test
	void theTemporaryPasswordGoesToTheEnterprisesMobileAndTheOfficerNeverSeesIt() throws Exception {
		Enterprise enterprise = withPhone(MOBILE);
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		String list = officer.get("/county/enterprises?q=" + enc(enterprise.userId())).body();
		String form = list.replaceAll("(?s).*name=\"form\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> page = officer.postForm("/county/enterprises/" + enterprise.id() + "/password-reset",
				"_csrf=" + WebClient.csrfTokenOf(list) + "&verification=" + enc(NOTE) + "&form=" + form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"password-sent\"", "139****1234", "本页和经办人员都看不到密码")
			.doesNotContain("id=\"temporary-password\"");
		assertThat(SENT).hasSize(1);
		assertThat(SENT.get(0)[0]).isEqualTo("13900001234");
		Matcher password = Pattern.compile("临时密码为(\\S+?)，").matcher(SENT.get(0)[1]);
		assertThat(password.find()).as(SENT.get(0)[1]).isTrue();
		String temporary = password.group(1);
		assertThat(SENT.get(0)[1]).startsWith("【聊城市设备更新审批】" + enterprise.name() + "的登录用户名" + enterprise.userId())
			.contains("登录后须先修改密码", "冠县工业和信息化局");
		assertThat(page.body()).doesNotContain(temporary);
		// the answer refreshed: no second reset, and said to have gone by text message
		HttpResponse<String> refreshed = officer.postForm("/county/enterprises/" + enterprise.id() + "/password-reset",
				"_csrf=" + token(officer) + "&verification=" + enc(NOTE) + "&form=" + form);
		assertThat(officer.get(refreshed.headers().firstValue("Location").orElseThrow()).body())
			.contains("该账户的临时密码已用短信发送给企业，刷新或重复提交不会再次重置。");
		assertThat(SENT).hasSize(1);
		assertThat(new WebClient(port).login(enterprise.userId(), temporary).headers().firstValue("Location"))
			.as("the password the enterprise received signs in, to change it")
			.hasValue("/account");
		assertThat(jdbc.sql("SELECT details FROM audit_log WHERE subject = ? AND action = 'ENTERPRISE_PASSWORD_RESET'")
			.param("enterprise:" + enterprise.id())
			.query(String.class)
			.single()).contains("sent by text message to 139****1234").doesNotContain(temporary);
		// The enterprise's message says how the password reached it.
		assertThat(jdbc.sql("SELECT body FROM notification WHERE recipient_id = ? AND kind = 'PASSWORD_RESET'")
			.param(enterprise.userId())
			.query(String.class)
			.list()).singleElement()
			.satisfies(body -> assertThat(body).contains("临时密码已由系统以短信发送至登记的手机 139****1234")
				.doesNotContain("当面或电话告知", temporary));

		// the API answers alike: no password, the masked number
		HttpResponse<String> api = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.postJson("/api/county/enterprises/" + enterprise.id() + "/password-reset",
					"{\"verification\":\"" + NOTE + "\"}");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(SENT).hasSize(2);
		JsonNode answer = json.readTree(api.body());
		assertThat(answer.path("temporaryPassword").isMissingNode() || answer.path("temporaryPassword").isNull())
			.as(api.body())
			.isTrue();
		assertThat(api.body()).doesNotContain(SENT.get(1)[1].replaceAll(".*临时密码为(\\S+?)，.*", "$1"));
		assertThat(answer.path("sentTo").asText()).isEqualTo("139****1234");
	}

	@Test
	void aGatewayThatRefusesLeavesThePasswordAsItWas() {
		Enterprise enterprise = withPhone(MOBILE);
		refusing = true;
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> refused = officer.postForm("/county/enterprises/" + enterprise.id() + "/password-reset",
				"_csrf=" + token(officer) + "&verification=" + enc(NOTE));

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(officer.get(refused.headers().firstValue("Location").orElseThrow()).body())
			.contains("短信网关未确认发送，密码未重置，原密码照常可用");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM temporary_password WHERE user_id = ?")
			.param(enterprise.userId())
			.query(Long.class)
			.single()).isZero();
		login(enterprise.userId(), Registrations.PASSWORD);
	}

	/**
	 * A gateway that does not answer counts, after the configured wait, as one that
	 * refused: the password stays as it was, and the enterprise's row is let go rather
	 * than held for as long as the gateway hangs (a second reset goes through once the
	 * gateway answers again).
	 */
	@Test
	void aGatewayThatDoesNotAnswerIsGivenUpOnAndLeavesThePasswordAsItWas() {
		Enterprise enterprise = withPhone(MOBILE);
		stalled = new CountDownLatch(1);
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		long begin = System.nanoTime();
		HttpResponse<String> refused;
		try {
			refused = officer.postForm("/county/enterprises/" + enterprise.id() + "/password-reset",
					"_csrf=" + token(officer) + "&verification=" + enc(NOTE));
		}
		finally {
			stalled.countDown();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("given up on after the configured 2 s, not 60")
			.isLessThan(Duration.ofSeconds(30));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(officer.get(refused.headers().firstValue("Location").orElseThrow()).body())
			.contains("短信网关未确认发送，密码未重置，原密码照常可用", "如企业仍收到这条短信，其中的临时密码无效");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM temporary_password WHERE user_id = ?")
			.param(enterprise.userId())
			.query(Long.class)
			.single()).isZero();
		login(enterprise.userId(), Registrations.PASSWORD);

		stalled = null;
		HttpResponse<String> api = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.postJson("/api/county/enterprises/" + enterprise.id() + "/password-reset",
					"{\"verification\":\"" + NOTE + "\"}");
		assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
		assertThat(SENT).extracting(sent -> sent[0]).contains("13900001234");
	}

	@Test
	void aLandlineIsReadOutByTheOfficerAsBefore() {
		Enterprise enterprise = withPhone("0635-5123456");
		WebClient officer = login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> page = officer.postForm("/county/enterprises/" + enterprise.id() + "/password-reset",
				"_csrf=" + token(officer) + "&verification=" + enc(NOTE));

		assertThat(page.body()).contains("id=\"temporary-password\"").doesNotContain("id=\"password-sent\"");
		assertThat(SENT).isEmpty();
	}

	private Enterprise withPhone(String phone) {
		Enterprise enterprise = Registrations.activeEnterprise(port, registry);
		jdbc.sql("UPDATE enterprise SET contact_phone = ? WHERE id = ?").params(phone, enterprise.id()).update();
		return enterprise;
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
