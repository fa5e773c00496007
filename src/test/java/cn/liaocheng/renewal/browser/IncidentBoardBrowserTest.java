package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.WebClient;

/**
 * 运行异常 in a real Chromium: a refusal that cannot be signed (no keystore, self-signed keys
 * forbidden, as in production without configuration) holds its case up in an incident,
 * and the enterprise sees neither a final stage nor a half-made decision; the
 * administrators are told, and one sees the case, the step and the cause in Chinese, and
 * retries the job, which runs again at once (and, the cause not repaired, fails again
 * into a new incident). Nobody else reaches the page or the retry by any spelling, and a
 * retry names an incident, never a job.
 *
 * <p>
 * Screenshot: target/screenshots/incident-board.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@TestPropertySource(properties = { "renewal.signing.self-signed-keys=false",
		"camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R2/PT0S" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class IncidentBoardBrowserTest {

	private static final String REFUSAL_STEP = "Task_IssueRefusal";

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	@Test
	void theAdministratorSeesTheHeldUpCaseInChineseAndRetriesIt() {
		ApplicationSummary stuck = refusalThatCannotBeSigned();
		Incident incident = awaitIncident(stuck.id(), null);
		// Nothing half-made reaches the enterprise: no decision, no final stage.
		assertThat(incident.getActivityId()).isEqualTo(REFUSAL_STEP);
		assertThat(decisions.allForApplication(stuck.id())).isEmpty();
		assertThat(applications.detail(portalEnterprise(), stuck.id()).summary().status())
			.isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		// The administrators are told which case waits where, once, with the way to the
		// board.
		assertThat(jdbc.sql("""
				SELECT title || ' ' || body || ' ' || link FROM notification
				WHERE recipient_id = ? AND kind = 'JOB_FAILED' AND body LIKE ?""")
			.param(DemoUsers.ADMIN)
			.param("%申报 ID " + stuck.id() + "）%")
			.query(String.class)
			.list()).singleElement()
			.asString()
			.contains("后台作业多次重试后仍失败", "出具不予批准决定", "运行异常", "industry", "/admin/incidents");

		browser.forgetEverything();
		browser.logIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		browser.open("/");
		browser.waitFor(By.cssSelector("a.tile[href='/admin/incidents']")).click();
		WebElement row = browser.waitFor(By.cssSelector("tr.incident[data-incident-id='" + incident.getId() + "']"));
		browser.fullPageScreenshot("incident-board");
		assertThat(row.findElement(By.className("case")).getText()).contains(stuck.referenceNo(), stuck.title(),
				"冠县演示轴承制造有限公司");
		assertThat(row.findElement(By.className("where")).getText()).contains("出具不予批准决定");
		assertThat(row.findElement(By.className("cause")).getText()).contains("签章失败", "industry");
		assertThat(row.findElement(By.className("advice")).getText()).contains("签章密钥", "重试");
		assertThat(row.findElement(By.cssSelector(".case a")).getAttribute("href"))
			.endsWith("/review/applications/" + stuck.id());

		browser.setValue(By.id("note-" + incident.getId()), "已核对签章配置");
		row.findElement(By.cssSelector("form.retry button[type=submit]")).click();
		assertThat(browser.waitFor(By.id("message")).getText()).contains("已重试“出具不予批准决定”的后台作业");

		// The job ran again at once and, nothing repaired, failed into a new incident:
		// the case is still undecided, and the retry is on the record in the
		// administrator's name.
		Incident again = awaitIncident(stuck.id(), incident.getId());
		assertThat(again.getActivityId()).isEqualTo(REFUSAL_STEP);
		assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
		assertThat(decisions.allForApplication(stuck.id())).isEmpty();
		assertThat(applications.detail(portalEnterprise(), stuck.id()).summary().status())
			.isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThat(jdbc.sql("SELECT actor || ' ' || details FROM audit_log WHERE action = ? AND subject = ?")
			.param("INCIDENT_RETRIED")
			.param("incident:" + incident.getId())
			.query(String.class)
			.single()).startsWith(DemoUsers.ADMIN).contains("note: 已核对签章配置", REFUSAL_STEP);
		browser.open("/admin/incidents");
		browser.waitFor(By.cssSelector("tr.incident[data-incident-id='" + again.getId() + "']"));
		assertThat(browser.driver()
			.findElements(By.cssSelector("tr.incident[data-incident-id='" + incident.getId() + "']"))).isEmpty();
	}

	@Test
	void nobodyButAnAdministratorReachesTheBoardOrItsRetryAndARetryNamesAnIncident() {
		ApplicationSummary stuck = refusalThatCannotBeSigned();
		Incident incident = awaitIncident(stuck.id(), null);
		String jobId = incident.getConfiguration();
		String retry = "/admin/incidents/" + incident.getId() + "/retry";

		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ENTERPRISE)) {
			WebClient client = new WebClient(port);
			client.login(user, DemoUsers.PASSWORD);
			String token = WebClient.csrfTokenOf(client.get("/").body());
			for (String path : List.of("/admin/incidents", "/admin/incidents/", "/admin//incidents",
					"/admin/./incidents", "/Admin/incidents", "/admin/incidents;x=1", "/admin/%69ncidents")) {
				assertThat(client.get(path).statusCode()).as(user + " GET " + path).isIn(400, 403, 404);
			}
			for (String path : List.of(retry, retry + "/", "/admin//incidents/" + incident.getId() + "/retry",
					"/ADMIN/incidents/" + incident.getId() + "/retry")) {
				assertThat(client.postForm(path, "_csrf=" + token + "&note=x").statusCode()).as(user + " POST " + path)
					.isIn(400, 403, 404);
			}
		}
		assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		// Without the form's token: refused.
		assertThat(admin.postForm(retry, "note=x").statusCode()).isEqualTo(403);
		String token = WebClient.csrfTokenOf(admin.get("/admin/incidents").body());
		// A job's id where an incident's belongs, and an incident that does not exist:
		// nothing retried.
		for (String wrong : List.of(jobId, "no-such-incident")) {
			assertThat(admin.postForm("/admin/incidents/" + wrong + "/retry", "_csrf=" + token).statusCode())
				.isEqualTo(302);
			assertThat(admin.get("/admin/incidents").body()).contains("该异常已不存在");
		}
		// A note with hidden characters is refused before anything happens.
		assertThat(admin.postForm(retry, "_csrf=" + token + "&note=" + enc("已修复\u202E")).statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/incidents").body()).contains("未重试：重试说明");
		assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
		assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isOne();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?")
			.param("INCIDENT_RETRIED")
			.param("incident:" + incident.getId())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A project registration refused at the county, whose refusal cannot be signed: the
	 * issuing job fails into an incident.
	 */
	private ApplicationSummary refusalThatCannotBeSigned() {
		ApplicationSummary submitted = new SubmittedProjects(applications, identity)
			.submitProject(DemoUsers.ENTERPRISE);
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(submitted.id())).singleResult();
		tasks.claim(review.getId(), DemoUsers.COUNTY_REVIEWER);
		tasks.complete(review.getId(), Map.of("decision", "REFUSE", "opinion", "项目不属于实施方案支持范围"));
		return submitted;
	}

	/** The case's open incident, other than {@code except}, once it is there. */
	private Incident awaitIncident(long applicationId, String except) {
		String processInstanceId = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(Long.toString(applicationId))
			.processDefinitionKey("project-registration")
			.singleResult()
			.getId();
		Instant until = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(until)) {
			Incident incident = runtime.createIncidentQuery().processInstanceId(processInstanceId).singleResult();
			if (incident != null && !incident.getId().equals(except)) {
				return incident;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		throw new AssertionError("no incident within 120 s");
	}

	private static PortalUser portalEnterprise() {
		return new PortalUser(DemoUsers.ENTERPRISE, "冠县演示轴承制造有限公司",
				List.of(new PortalUser.Membership("enterprise", "企业用户", GroupType.ENTERPRISE)));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
