package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise whose cases were returned finds the messages in the portal: the header
 * counts them, the message centre lists them with the reasons and deadline, and marking
 * one read lowers the count.
 */
@WebIntegrationTest
class MessageCentreBrowserTest {

	private static final String ENTERPRISE = "ent-dcf";

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void enterpriseReadsItsReturnedCasesInTheMessageCentre() {
		long first = returned("营业执照副本不清晰，请上传清晰的彩色扫描件。");
		long second = returned("设备清单中第 2 项设备的发票金额与合同金额不一致，请核对后补正。");
		waitForReturnNotices(first, second);
		long unread = jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND read_at IS NULL")
			.param(ENTERPRISE)
			.query(Long.class)
			.single();

		try (Browser browser = Browser.start(port)) {
			browser.logIn(ENTERPRISE, DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("message-badge-count")).getText()).isEqualTo(Long.toString(unread));

			browser.driver().findElement(By.id("message-badge")).click();
			browser.waitFor(By.id("messages"));
			String text = browser.driver().findElement(By.id("messages")).getText();
			assertThat(text).contains("营业执照副本不清晰", "发票金额与合同金额不一致", "前修改申报材料并重新提交", "退回补正");
			browser.screenshot("message-centre-enterprise");

			browser.driver().findElements(By.cssSelector("li.message.unread button.mark-read")).get(0).click();
			browser.waitUntil(
					d -> d.findElement(By.id("message-badge-count")).getText().equals(Long.toString(unread - 1)));
			assertThat(browser.driver().findElements(By.cssSelector("li.message.read"))).hasSize(1);
			browser.screenshot("message-centre-enterprise-one-read");
		}
	}

	/** A project of ent-dcf returned by 东昌府区工业和信息化局 in Tasklist with {@code reason}. */
	private long returned(String reason) {
		long id = new SubmittedProjects(applications, identity).submitProject(ENTERPRISE).id();
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(id))
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();
		tasks.complete(review.getId(), Map.of("decision", "RETURN", "opinion", reason));
		return id;
	}

	/**
	 * The correction step is asynchronous: the shared context's job executor opens it.
	 */
	private void waitForReturnNotices(long... ids) {
		Instant until = Instant.now().plus(Duration.ofSeconds(90));
		for (long id : ids) {
			while (jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = 'CASE_RETURNED'")
				.param(id)
				.query(Long.class)
				.single() == 0) {
				assertThat(Instant.now()).as("return notice of case %s", id).isBefore(until);
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(e);
				}
			}
		}
	}

}
