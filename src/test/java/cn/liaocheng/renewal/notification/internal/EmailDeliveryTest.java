package cn.liaocheng.renewal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The outbox delivers over real SMTP (GreenMail, an SMTP server in this JVM) once the
 * review step has committed; a mail server that is down leads to retries with growing
 * delays and then to a failed row that administrators see and can send again, while the
 * review step itself completes. Also: SMS through the logging gateway, and the reminder
 * two working days before a correction deadline.
 */
@WebIntegrationTest
@Tag(OwnContext.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class EmailDeliveryTest {

	private static final String ENTERPRISE_MAIL = "caiwu@zhoucheng-demo.example.cn";

	private static final String RETURN_REASON = "设备购置合同缺少盖章页，请补正后重新提交。";

	private static final int SMTP_PORT = freePort();

	private static final GreenMail SMTP = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("renewal.notification.sms.enabled", () -> "true");
		registry.add("renewal.notification.delivery.max-attempts", () -> "3");
	}

	@AfterAll
	static void stopMailServer() {
		SMTP.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void shouldMailTheEnterpriseInChineseAfterItsCaseWasReturned(CapturedOutput output) throws Exception {
		giveTheEnterpriseAnAddressAndAMobile();
		long id = returnedCase();
		long email = waitFor(() -> delivery(id, "CASE_RETURNED", "EMAIL"));
		long sms = delivery(id, "CASE_RETURNED", "SMS");
		assertThat(status(email)).isEqualTo("PENDING");

		dispatcher.dispatch(Instant.now());

		assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = SMTP.getReceivedMessagesForDomain("zhoucheng-demo.example.cn")[0];
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ENTERPRISE_MAIL);
		assertThat(mail.getSubject()).startsWith("【聊城市设备更新审批】申报被退回补正：");
		String text = (String) mail.getContent();
		assertThat(text).contains("被退回补正", RETURN_REASON, "前修改申报材料并重新提交",
				"查看详情：http://localhost:8080/enterprise/applications/" + id);
		assertThat(status(email)).isEqualTo("SENT");
		assertThat(status(sms)).isEqualTo("SENT");
		assertThat(output.getOut()).contains("SMS to 138****1234: 【聊城市设备更新审批】申报被退回补正：");
		// The text message says by when, and where to log in.
		assertThat(output.getOut()).containsPattern(
				"SMS to 138\\*{4}1234: 【聊城市设备更新审批】申报被退回补正：[^，]+，请于\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}前补正。详情请登录聊城市工业领域设备更新审批系统（http://localhost:8080）查看。");
		// Reviewers of the demo data have .invalid addresses: nothing is queued for them.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE address LIKE '%.invalid'")
			.query(Long.class)
			.single()).isZero();
		assertThat(SMTP.getReceivedMessages()).allSatisfy(
				m -> assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(ENTERPRISE_MAIL));
	}

	@Test
	@Order(2)
	void shouldRemindTheEnterpriseTwoWorkingDaysBeforeItsCorrectionDeadlineOnce() {
		giveTheEnterpriseAnAddressAndAMobile();
		long id = returnedCase();
		waitFor(() -> delivery(id, "CASE_RETURNED", "EMAIL"));
		Instant deadline = jdbc.sql("SELECT correction_deadline FROM application WHERE id = ?")
			.param(id)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		Instant from = reminders.remindFrom(deadline);
		assertThat(Duration.between(from, deadline)).isGreaterThan(Duration.ofDays(1)).isLessThan(Duration.ofDays(12));

		reminders.remind(from.minusSeconds(60));
		assertThat(reminderCount(id)).isZero();
		reminders.remind(from.plusSeconds(60));
		assertThat(reminderCount(id)).isOne();
		reminders.remind(deadline.minusSeconds(60));
		assertThat(reminderCount(id)).isOne();
		assertThat(jdbc
			.sql("SELECT recipient_id FROM notification WHERE application_id = ? AND kind = 'DEADLINE_APPROACHING'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(DemoUsers.ENTERPRISE);
	}

	/**
	 * A decided clawback of which something is still owed: the enterprise is reminded of
	 * its repayment deadline two working days before it, once, by message and e-mail; not
	 * once everything owed is confirmed repaid.
	 */
	@Test
	@Order(2)
	void shouldRemindTheEnterpriseOfARepaymentDeadlineWhileSomethingIsStillOwed() {
		giveTheEnterpriseAnAddressAndAMobile();
		long owing = decidedClawback(new BigDecimal("60000.00"));
		long paid = decidedClawback(new BigDecimal("100000.00"));
		long recorded = decidedClawback(new BigDecimal("60000.00"));
		jdbc.sql(
				"""
						INSERT INTO clawback_repayment (clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at, state)
						SELECT id, CURRENT_DATE, 40000.00, 'JK-REMIND', 'gx-finance', CURRENT_TIMESTAMP, 'PENDING'
						FROM clawback WHERE application_id = ?""")
			.param(recorded)
			.update();
		LocalDate deadline = LocalDate.now(ChinaTime.ZONE).plusDays(10);
		Instant from = reminders.remindFrom(deadline);

		reminders.remind(from.minusSeconds(60));
		assertThat(repaymentReminders(owing)).isEmpty();
		reminders.remind(from.plusSeconds(60));
		reminders.remind(from.plusSeconds(120));
		assertThat(repaymentReminders(owing)).singleElement()
			.asString()
			.contains("聊工信审〔2026〕990号", "尚有 40,000.00 元追回资金未经县级财政部门确认到账", "（含当日）", "缴款凭证报送")
			.doesNotContain("待县级财政部门复核");
		assertThat(repaymentReminders(recorded)).singleElement()
			.asString()
			.as("a repayment recorded and not yet checked is named, so that nobody pays twice")
			.contains("尚有 40,000.00 元", "其中已登记缴款 40,000.00 元，正待县级财政部门复核");
		assertThat(repaymentReminders(paid)).as("nothing owed").isEmpty();
		waitFor(() -> delivery(owing, "REPAYMENT_DUE", "EMAIL"));
	}

	/**
	 * A decided clawback of 100,000 yuan, due in ten days, of which this much is repaid.
	 */
	private long decidedClawback(BigDecimal repaid) {
		long id = new SubmittedProjects(applications, identity).submitProject(DemoUsers.ENTERPRISE).id();
		jdbc.sql(
				"""
						INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name, credit_code,
						    project_name, allocated, cause, facts, started_by, started_at, status, amount, deadline, decision_number, repaid)
						SELECT a.id, a.enterprise_id, '371525', a.reference_no, '企业', '91371525MA3CB7K21F', '提醒测试项目', 450000.00,
						       'ACCEPTANCE_FAILED', '验收不合格', 'lc-industry', ?, 'DECIDED', 100000.00, ?, '聊工信审〔2026〕990号', ?
						FROM application a WHERE a.id = ?""")
			.params(Timestamp.from(Instant.now()), java.sql.Date.valueOf(LocalDate.now(ChinaTime.ZONE).plusDays(10)),
					repaid, id)
			.update();
		return id;
	}

	private List<String> repaymentReminders(long applicationId) {
		return jdbc.sql("SELECT body FROM notification WHERE application_id = ? AND kind = 'REPAYMENT_DUE'")
			.param(applicationId)
			.query(String.class)
			.list();
	}

	@Test
	@Order(3)
	void shouldRetryWhileTheMailServerIsDownThenShowTheFailureToAdministrators() throws Exception {
		giveTheEnterpriseAnAddressAndAMobile();
		SMTP.stop();
		long id = returnedCase();
		// The review step completed although no mail can go out.
		long email = waitFor(() -> delivery(id, "CASE_RETURNED", "EMAIL"));
		assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("CORRECTION");

		dispatcher.dispatch(Instant.now());
		assertThat(status(email)).isEqualTo("PENDING");
		assertThat(attempts(email)).isOne();
		Instant retry = jdbc.sql("SELECT next_attempt_at FROM notification_outbox WHERE id = ?")
			.param(email)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(retry).isAfter(Instant.now().plusSeconds(30));
		dispatcher.dispatch(Instant.now());
		assertThat(attempts(email)).as("not retried before its time").isOne();
		dispatcher.dispatch(Instant.now().plus(Duration.ofHours(2)));
		dispatcher.dispatch(Instant.now().plus(Duration.ofHours(4)));
		assertThat(status(email)).isEqualTo("FAILED");
		assertThat(attempts(email)).isEqualTo(3);

		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(enterprise.get("/admin/notifications").statusCode()).isEqualTo(403);
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get("/admin/notifications").statusCode()).isEqualTo(403);
		assertThat(reviewer
			.postForm("/admin/notifications/" + email + "/retry",
					"_csrf=" + WebClient.csrfTokenOf(reviewer.get("/").body()))
			.statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get("/admin/notifications").statusCode()).isEqualTo(302);
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		HttpResponse<String> page = admin.get("/admin/notifications");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("消息发送情况", "data-id=\"" + email + "\"", "发送失败", ENTERPRISE_MAIL, "重新发送");

		HttpResponse<String> retried = admin.postForm("/admin/notifications/" + email + "/retry",
				"_csrf=" + WebClient.csrfTokenOf(page.body()));
		assertThat(retried.statusCode()).isEqualTo(302);
		assertThat(status(email)).isEqualTo("PENDING");
		assertThat(attempts(email)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'NOTIFICATION_RETRY' AND subject = ?")
			.param("notification-outbox:" + email)
			.query(Long.class)
			.single()).isOne();
		assertThat(admin.postForm("/admin/notifications/999999999/retry", "_csrf=" + WebClient.csrfTokenOf(page.body()))
			.statusCode()).isEqualTo(404);
	}

	/**
	 * A to-do's e-mails not yet sent when the task is done are dropped, not sent late (as
	 * after a mail server's outage): they would send the body's reviewers to a task that
	 * is gone.
	 */
	@Test
	@Order(4)
	void shouldNotMailAToDoOnceTheTaskIsDone() {
		String group = "county-371525-industry";
		List<String> members = identity.createUserQuery()
			.memberOfGroup(group)
			.list()
			.stream()
			.map(User::getId)
			.toList();
		assertThat(members).contains(DemoUsers.COUNTY_REVIEWER);
		for (String member : members) {
			User user = identity.createUserQuery().userId(member).singleResult();
			user.setEmail(member + "@gx-industry-demo.example.cn");
			identity.saveUser(user);
		}
		long id = new SubmittedProjects(applications, identity).submitProject(DemoUsers.ENTERPRISE).id();
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(id))
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();
		List<Long> queued = jdbc.sql("""
				SELECT o.id FROM notification_outbox o JOIN notification n ON n.id = o.notification_id
				WHERE n.task_id = ? AND o.channel = 'EMAIL'""").param(review.getId()).query(Long.class).list();
		assertThat(queued).as("a to-do e-mail for each member of the body").hasSize(members.size());

		tasks.claim(review.getId(), DemoUsers.COUNTY_REVIEWER);
		tasks.complete(review.getId(), Map.of("decision", "RETURN", "opinion", RETURN_REASON));

		assertThat(queued).allSatisfy(delivery -> assertThat(status(delivery)).isEqualTo(Outbox.DROPPED));
		dispatcher.dispatch(Instant.now());
		assertThat(SMTP.getReceivedMessagesForDomain("gx-industry-demo.example.cn"))
			.as("no to-do mail after the task was done")
			.noneMatch(m -> {
				try {
					return m.getSubject().contains("新的待办任务");
				}
				catch (jakarta.mail.MessagingException e) {
					throw new IllegalStateException(e);
				}
			});
		assertThat(queued).allSatisfy(delivery -> assertThat(status(delivery)).isEqualTo(Outbox.DROPPED));
	}

	private void giveTheEnterpriseAnAddressAndAMobile() {
		User user = identity.createUserQuery().userId(DemoUsers.ENTERPRISE).singleResult();
		user.setEmail(ENTERPRISE_MAIL);
		identity.saveUser(user);
		jdbc.sql("UPDATE enterprise SET contact_phone = '138-0000-1234' WHERE user_id = ?")
			.param(DemoUsers.ENTERPRISE)
			.update();
	}

	/**
	 * A project of ent-gx returned by the county as Tasklist does; the job executor opens
	 * the correction.
	 */
	private long returnedCase() {
		long id = new SubmittedProjects(applications, identity).submitProject(DemoUsers.ENTERPRISE).id();
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(id))
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();
		tasks.complete(review.getId(), Map.of("decision", "RETURN", "opinion", RETURN_REASON));
		return id;
	}

	private Long delivery(long applicationId, String kind, String channel) {
		return jdbc.sql("""
				SELECT o.id FROM notification_outbox o JOIN notification n ON n.id = o.notification_id
				WHERE n.application_id = ? AND n.kind = ? AND o.channel = ?""")
			.params(applicationId, kind, channel)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private long reminderCount(long applicationId) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = 'DEADLINE_APPROACHING'")
			.param(applicationId)
			.query(Long.class)
			.single();
	}

	private String status(long delivery) {
		return jdbc.sql("SELECT status FROM notification_outbox WHERE id = ?")
			.param(delivery)
			.query(String.class)
			.single();
	}

	private int attempts(long delivery) {
		return jdbc.sql("SELECT attempts FROM notification_outbox WHERE id = ?")
			.param(delivery)
			.query(Integer.class)
			.single();
	}

	private static <T> T waitFor(Supplier<T> value) {
		Instant until = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(until)) {
			T found = value.get();
			if (found != null) {
				return found;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("not there within 90 s");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
