package cn.liaocheng.renewal.notification;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static cn.liaocheng.renewal.enterprise.Registrations.submit;
import static cn.liaocheng.renewal.enterprise.Registrations.validForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistered;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise that registers waits for its county industry bureau to activate it: the
 * bureau's members and its lead are told so, once, and nobody else is.
 */
@WebIntegrationTest
class RegistrationNotificationTest {

	private static final String GUANXIAN = "371525";

	private static final String LINQING = "371581";

	private static final String GUANXIAN_BUREAU = "county-371525-industry";

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aRegistrationTellsItsCountyBureauAndLeadOnlyWhatToCheck() {
		Enterprise registered = register(GUANXIAN);

		List<String> told = recipientsOf(registered);
		assertThat(told).containsExactlyInAnyOrderElementsOf(members(GUANXIAN_BUREAU, GUANXIAN_BUREAU + "-lead"))
			.contains(DemoUsers.COUNTY_REVIEWER, "gx-industry-lead")
			.doesNotContain("lq-industry", "lq-industry-lead", "gx-finance", "gx-finance-lead", "lc-industry",
					"lc-industry-lead", DemoUsers.CITY_REVIEWER, DemoUsers.ADMIN, registered.userId());
		Timestamp at = jdbc.sql("SELECT created_at FROM enterprise WHERE id = ?")
			.param(registered.id())
			.query(Timestamp.class)
			.single();
		Map<String, Object> note = jdbc
			.sql("SELECT kind, title, body, link FROM notification WHERE recipient_id = ? AND dedup_key = ?")
			.params("gx-industry-lead", key(registered))
			.query()
			.singleRow();
		assertThat(note.get("KIND")).isEqualTo("REGISTRATION_PENDING");
		assertThat((String) note.get("TITLE")).contains("企业注册待激活", registered.name());
		assertThat((String) note.get("BODY")).contains(registered.name(), registered.creditCode().value(),
				ChinaTime.minute(at.toInstant()), "请核实营业执照和联系人后在“企业账户激活”中激活或驳回");
		assertThat(note.get("LINK")).isEqualTo("/county/enterprises?q=" + registered.creditCode().value());

		// The link opens on the account for the bureau's member and its lead.
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, "gx-industry-lead")) {
			WebClient client = login(user);
			String opened = client.get((String) note.get("LINK")).body();
			assertThat(opened).as(user).contains(registered.name(), "待激活", "共 1 个账户");
		}

		Enterprise elsewhere = register(LINQING);
		assertThat(recipientsOf(elsewhere)).contains("lq-industry", "lq-industry-lead")
			.doesNotContain(DemoUsers.COUNTY_REVIEWER, "gx-industry-lead");
	}

	@Test
	void aRegistrationIsToldOnceWhateverIsSentAgain() {
		String code = freshCreditCode(GUANXIAN);
		String userId = freshUserId();
		assertThat(submit(new WebClient(port), validForm(code, userId)).statusCode()).isEqualTo(302);
		Enterprise registered = registry.findByUser(userId).orElseThrow();
		long told = notificationsOf(registered);
		assertThat(told).isPositive();

		// The same form again (a double click, a retry): refused, nobody told again.
		assertThat(submit(new WebClient(port), validForm(code, userId)).statusCode()).isEqualTo(200);
		// The same event seen twice.
		events.publishEvent(new EnterpriseRegistered(registered.id(), code, registered.name(), GUANXIAN,
				GUANXIAN_BUREAU, Instant.now(), null));

		assertThat(notificationsOf(registered)).isEqualTo(told);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?")
			.param(code)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Enterprise register(String division) {
		String userId = freshUserId();
		Map<String, String> form = validForm(freshCreditCode(division), userId);
		form.put("divisionCode", division);
		assertThat(submit(new WebClient(port), form).statusCode()).isEqualTo(302);
		return registry.findByUser(userId).orElseThrow();
	}

	private List<String> recipientsOf(Enterprise enterprise) {
		return jdbc.sql("SELECT recipient_id FROM notification WHERE dedup_key = ?")
			.param(key(enterprise))
			.query(String.class)
			.list();
	}

	private long notificationsOf(Enterprise enterprise) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = 'REGISTRATION_PENDING' AND body LIKE ?")
			.param("%" + enterprise.creditCode().value() + "%")
			.query(Long.class)
			.single();
	}

	private static String key(Enterprise enterprise) {
		return "enterprise-registered:" + enterprise.id();
	}

	/** The members of the groups, each once, as the engine knows them. */
	private List<String> members(String... groups) {
		return Stream.of(groups)
			.flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
			.map(User::getId)
			.distinct()
			.toList();
	}

	private WebClient login(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		return client;
	}

}
